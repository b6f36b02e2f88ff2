package io.launchpad.web.supplier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import io.launchpad.web.account.Account;
import io.launchpad.web.account.Me;
import io.launchpad.web.api.LaunchpadApi;
import io.launchpad.web.challenge.Taxonomies;
import io.launchpad.web.challenge.Taxonomy;
import io.launchpad.web.forms.FormFields;
import io.launchpad.web.forms.FormProblems;

import reactor.core.publisher.Mono;
import java.util.Collections;

/**
 * A supplier writes its profile (everything {@code /api/v1/suppliers} takes: name,
 * summary, what it does, products, case studies, categories, regions, accreditations,
 * size) and publishes it. As on the challenge form, the API checks every rule and the
 * form shows all of its answer at once beside the fields, with what was typed kept; after
 * a conflict the typed values come back with the current version, so saving again is
 * possible. A refused publish keeps the saved draft as the form's.
 */
@Controller
class SupplierProfileController {

    /** The API's organisation sizes (taxonomy {@code organisation-size}), in order. */
    static final Map<String, String> SIZES = sizes();

    /**
     * The fields chosen from lists; each arrives as repeated form values (checkboxes).
     */
    static final List<String> LISTS = List.of("categories", "regions", "accreditations");

    @SuppressWarnings("rawtypes")
    private static final Class<Map> JSON = Map.class;

    private final LaunchpadApi api;

    private final Account account;

    private final Taxonomies taxonomies;

    SupplierProfileController(LaunchpadApi api, Account account, Taxonomies taxonomies) {
        this.api = api;
        this.account = account;
        this.taxonomies = taxonomies;
    }

    /** One choice in a group of checkboxes or radios. */
    record Option(String value, String label, boolean selected) {
    }

    record MyProfiles(List<Map<String, Object>> items) {

        MyProfiles {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /**
     * The profile of the person's supplier organisation ({@code id} picks one when they
     * act for several).
     */
    @GetMapping("/supplier/profile")
    Mono<String> profile(@RequestParam(required = false) @Nullable String id,
            @RequestParam(required = false) @Nullable String saved, Model model) {
        model.addAttribute("saved", saved);
        return api.get(uri -> uri.path("/api/v1/me/supplier-profiles").build(), MyProfiles.class).flatMap(mine -> {
            Map<String, Object> chosen = mine.items()
                .stream()
                .filter(profile -> id == null || id.equals(String.valueOf(profile.get("id"))))
                .findFirst()
                .orElse(null);
            return chosen == null ? show(model, Map.of(), Map.of()) : show(model, values(chosen), lists(chosen));
        });
    }

    @PostMapping("/supplier/profile")
    Mono<String> save(ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            String id = FormProblems.text(form, "id");
            boolean publish = "publish".equals(form.getFirst("action"));
            String version = FormProblems.text(form, "version");
            Mono<Map<String, Object>> saved = id == null
                    ? api.send(HttpMethod.POST, uri -> uri.path("/api/v1/suppliers").build(), body(form), JSON)
                        .map(SupplierProfileController::cast)
                    : api
                        .send(HttpMethod.PUT, uri -> uri.path("/api/v1/suppliers/{id}").build(id),
                                version == null ? null : "\"" + version + "\"", body(form), JSON)
                        .map(SupplierProfileController::cast);
            return saved.flatMap(profile -> publish && "draft".equals(profile.get("status"))
                    ? published(profile, form, model) : Mono.just(redirect(profile, publish ? "published" : "saved")))
                .onErrorResume(e -> {
                    if (id == null || !FormProblems.isConflict(e)) {
                        return FormProblems.refused(e, model, FIELDS, () -> show(model, typed(form), chosen(form)));
                    }
                    // what was typed stays; the version becomes the current one, so
                    // saving again is possible
                    return current(id).flatMap(current -> FormProblems.refused(e, model, FIELDS, () -> {
                        Map<String, String> values = typed(form);
                        values.put("version", String.valueOf(current.get("version")));
                        values.put("status", String.valueOf(current.get("status")));
                        return show(model, values, chosen(form));
                    }));
                });
        });
    }

    /**
     * Publishes a saved draft; if that is refused, the form comes back as the draft's,
     * saying it is saved.
     */
    private Mono<String> published(Map<String, Object> saved, MultiValueMap<String, String> form, Model model) {
        Object id = saved.get("id");
        return api
            .send(HttpMethod.POST, uri -> uri.path("/api/v1/suppliers/{id}/publish").build(id),
                    "\"" + saved.get("version") + "\"", null, JSON)
            .map(profile -> redirect(cast(profile), "published"))
            .onErrorResume(e -> FormProblems.refused(e, model, FIELDS, () -> {
                Map<String, String> values = typed(form);
                values.put("id", String.valueOf(id));
                values.put("version", String.valueOf(saved.get("version")));
                values.put("status", "draft");
                model.addAttribute("savedAsDraft", true);
                return show(model, values, chosen(form));
            }));
    }

    private Mono<Map<String, Object>> current(String id) {
        return api.get(uri -> uri.path("/api/v1/suppliers/{id}").build(id), JSON).map(SupplierProfileController::cast);
    }

    private Mono<String> show(Model model, Map<String, String> values, Map<String, List<String>> lists) {
        return Mono.zip(account.me(), taxonomies.current()).map(found -> {
            Me me = found.getT1();
            Taxonomy taxonomy = found.getT2();
            List<Me.Membership> suppliers = new ArrayList<>();
            me.memberships().stream().filter(m -> "supplier".equals(m.organisationType())).forEach(suppliers::add);
            model.addAttribute("suppliers", suppliers);
            model.addAttribute("organisationName", me.memberships()
                .stream()
                .filter(m -> m.organisationId().equals(values.get("organisationId")) && m.organisationName() != null)
                .map(Me.Membership::organisationName)
                .findFirst()
                .orElse("your organisation"));
            model.addAttribute("values", values);
            model.addAttribute("categoryOptions", options(taxonomy.categories(), lists.get("categories")));
            model.addAttribute("regionOptions", options(taxonomy.regions(), lists.get("regions")));
            model.addAttribute("accreditationOptions", options(taxonomy.accreditations(), lists.get("accreditations")));
            model.addAttribute("sizeOptions",
                    options(SIZES, values.get("size") == null ? null : List.of(values.get("size"))));
            return "supplier/profile";
        });
    }

    private static List<Option> options(Map<String, String> vocabulary, @Nullable List<String> selected) {
        return vocabulary.entrySet()
            .stream()
            .map(entry -> new Option(entry.getKey(), entry.getValue(),
                    selected != null && selected.contains(entry.getKey())))
            .toList();
    }

    private static String redirect(Map<?, ?> profile, String what) {
        return "redirect:/supplier/profile?id=" + profile.get("id") + "&saved=" + what;
    }

    /** The form's fields in the API's names, in the order the form shows them. */
    static final FormFields FIELDS = FormFields.of("profile")
        .choose("organisationId", "organisationId", "Supplier organisation", "the supplier organisation")
        .enter("name", "Name", "your organisation's name")
        .enter("summary", "Summary", "a summary of what you offer")
        .enter("capabilities", "What you do", "what you do")
        .enter("products", "Products and services", "your products and services")
        .enter("caseStudies", "Case studies", "your case studies")
        .field("categories", "categories", "categories", "Categories", "Choose the categories you work in")
        .field("regions", "regions", "regions", "Regions", "Choose the regions you work in")
        .field("accreditations", "accreditations", "accreditations", "Accreditations", "Choose your accreditations")
        .field("size", "size", "size", "Size", "Choose your organisation's size")
        .message("name", "length", "Name must be between 2 and 200 characters")
        .message("summary", "length", "Summary must be 2,000 characters or fewer")
        .message("capabilities", "length", "What you do must be 10,000 characters or fewer")
        .message("products", "length", "Products and services must be 10,000 characters or fewer")
        .message("caseStudies", "length", "Case studies must be 20,000 characters or fewer")
        .message("categories", "length", "Choose up to 5 categories")
        .message("name", "single-line", "Name must be on one line");

    static Map<String, Object> body(MultiValueMap<String, String> form) {
        Map<String, Object> body = new HashMap<>();
        body.put("organisationId", FormProblems.text(form, "organisationId"));
        body.put("name", form.getFirst("name") == null ? "" : form.getFirst("name"));
        body.put("summary", form.getFirst("summary") == null ? "" : form.getFirst("summary"));
        for (String text : List.of("capabilities", "products", "caseStudies")) {
            body.put(text, FormProblems.text(form, text));
        }
        for (String list : LISTS) {
            body.put(list, picked(form, list));
        }
        body.put("size", FormProblems.text(form, "size"));
        return body;
    }

    /** The profile's fields as the form shows them. */
    static Map<String, String> values(Map<String, Object> profile) {
        Map<String, String> values = new HashMap<>();
        for (String field : List.of("id", "version", "status", "organisationId", "name", "summary", "capabilities",
                "products", "caseStudies", "size", "hiddenReason")) {
            if (profile.get(field) != null) {
                values.put(field, String.valueOf(profile.get(field)));
            }
        }
        return values;
    }

    static Map<String, List<String>> lists(Map<String, Object> profile) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (String list : LISTS) {
            lists.put(list, profile.get(list) instanceof List<?> codes ? codes.stream().map(String::valueOf).toList()
                    : List.of());
        }
        return lists;
    }

    private static Map<String, String> typed(MultiValueMap<String, String> form) {
        Map<String, String> values = new HashMap<>(form.toSingleValueMap());
        LISTS.forEach(values::remove);
        return values;
    }

    private static Map<String, List<String>> chosen(MultiValueMap<String, String> form) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        LISTS.forEach(list -> lists.put(list, picked(form, list)));
        return lists;
    }

    private static List<String> picked(MultiValueMap<String, String> form, String name) {
        List<String> values = form.get(name);
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).distinct().toList();
    }

    private static Map<String, String> sizes() {
        Map<String, String> sizes = new LinkedHashMap<>();
        sizes.put("micro", "Micro (fewer than 10 staff)");
        sizes.put("small", "Small (10 to 49 staff)");
        sizes.put("medium", "Medium (50 to 249 staff)");
        sizes.put("large", "Large (250 staff or more)");
        return Collections.unmodifiableMap(sizes);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

}
