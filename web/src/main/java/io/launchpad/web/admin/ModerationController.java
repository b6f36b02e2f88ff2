package io.launchpad.web.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import io.launchpad.web.api.ApiProblemException;
import io.launchpad.web.api.LaunchpadApi;
import io.launchpad.web.confirm.Confirmation;
import io.launchpad.web.forms.FormFields;
import io.launchpad.web.forms.FormProblems;

import reactor.core.publisher.Mono;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;

/**
 * Moderation for admins: what is hidden now (with a way to restore each), and a form to
 * hide a challenge, supplier profile, board role or question with a reason its owner will
 * read ("Hidden by Launchpad: ..."). Hiding and restoring each ask first, on the shared
 * confirmation page; hiding can be undone, so the page says so instead of "cannot be
 * undone".
 */
@Controller
class ModerationController {

    /** The API's kinds, as a person reads them, in the order the form offers them. */
    static final Map<String, String> KINDS = kinds();

    private static final FormFields FIELDS = FormFields.of("item")
        .choose("kind", "kind", "What to hide", "what to hide")
        .enter("id", "Address or id", "the address or id of what to hide")
        .enter("reason", "Reason", "a reason: its owner will read it")
        .message("reason", "length", "Reason must be 500 characters or fewer")
        .message("id", "not-found", "Nothing of that kind has that address or id: check it and the kind chosen");

    private final LaunchpadApi api;

    ModerationController(LaunchpadApi api) {
        this.api = api;
    }

    record Holds(List<Hold> items, @Nullable String nextCursor) {

        Holds {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** One hidden item. Public methods: the template calls them. */
    record Hold(String kind, String id, String title, String reason, @Nullable Instant hiddenAt) {

        public String kindLabel() {
            return KINDS.getOrDefault(kind, kind);
        }

        /** Where the item's page is, for kinds that have one. */
        public @Nullable String link() {
            return switch (kind) {
                case "challenge" -> "/challenges/" + id;
                case "supplier-profile" -> "/suppliers/" + id;
                case "board-role" -> "/board-roles/" + id;
                default -> null;
            };
        }
    }

    @GetMapping("/admin/moderation")
    Mono<String> hidden(@RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String done, Model model) {
        return api
            .get(uri -> uri.path("/api/v1/admin/moderation")
                .queryParamIfPresent("cursor", Optional.ofNullable(cursor))
                .build(), Holds.class)
            .map(holds -> {
                model.addAttribute("holds", holds.items());
                model.addAttribute("nextCursor", holds.nextCursor());
                model.addAttribute("done", done);
                return "admin/moderation";
            });
    }

    /**
     * The hide form, filled in when an admin comes from the item's own page
     * ({@code ?kind=challenge&id=...}).
     */
    @GetMapping("/admin/moderation/hide")
    String hideForm(@RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String id, Model model) {
        Map<String, String> values = new HashMap<>();
        if (kind != null && KINDS.containsKey(kind)) {
            values.put("kind", kind);
        }
        if (id != null) {
            values.put("id", id);
        }
        return form(model, values);
    }

    @PostMapping("/admin/moderation/hide")
    Mono<String> hide(ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, String> values = new HashMap<>(form.toSingleValueMap());
            values.remove(Confirmation.CONFIRMED);
            List<ApiProblemException.FieldError> local = local(form);
            if (!local.isEmpty()) {
                FormProblems.show(model, FormProblems.problems(FIELDS, null, local));
                return Mono.just(form(model, values));
            }
            String kind = FormProblems.text(form, "kind");
            String id = idOf(FormProblems.text(form, "id"));
            String reason = FormProblems.text(form, "reason");
            if (!Confirmation.given(form)) {
                String label = Objects.requireNonNull(KINDS.get(kind), "local(form) refuses a kind it does not know");
                return Mono.just(new Confirmation("Hide this " + label.toLowerCase(Locale.UK) + "?", List.of(
                        "It disappears from lists, search and matching, and its page is not found for anyone but "
                                + "its owner and admins.",
                        "Its owner sees it with this note: “Hidden by Launchpad: " + reason + "”.",
                        "You can restore it from the moderation list at any time."), "/admin/moderation/hide",
                        "Yes, hide it", "/admin/moderation", Confirmation.carried(form))
                    .show(reversible(model)));
            }
            return api
                .send(HttpMethod.PUT, uri -> uri.path("/api/v1/admin/moderation/{kind}/{id}").build(kind, id),
                        Map.of("reason", reason), Map.class)
                .thenReturn("redirect:/admin/moderation?done=hidden")
                .onErrorResume(ApiProblemException.class, e -> {
                    if (e.isNotFound()) {
                        FormProblems.show(model, FormProblems.problems(FIELDS, null,
                                List.of(new ApiProblemException.FieldError("id", "not-found", null))));
                        return Mono.just(form(model, values));
                    }
                    return FormProblems.refused(e, model, FIELDS, () -> Mono.just(form(model, values)));
                });
        });
    }

    @PostMapping("/admin/moderation/restore")
    Mono<String> restore(ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            String kind = FormProblems.text(form, "kind");
            String id = FormProblems.text(form, "id");
            if (kind == null || id == null || !KINDS.containsKey(kind)) {
                return Mono.just("redirect:/admin/moderation");
            }
            if (!Confirmation.given(form)) {
                String title = FormProblems.text(form, "title");
                return Mono.just(new Confirmation("Restore "
                        + (title == null ? "this " + KINDS.get(kind).toLowerCase(Locale.UK) : "‘" + title + "’") + "?",
                        List.of("It is shown again in lists, search and matching, as it was before it was hidden.",
                                "The note its owner saw is removed.", "You can hide it again later, with a reason."),
                        "/admin/moderation/restore", "Yes, restore it", "/admin/moderation", Confirmation.carried(form))
                    .show(reversible(model)));
            }
            return api
                .send(HttpMethod.DELETE, uri -> uri.path("/api/v1/admin/moderation/{kind}/{id}").build(kind, id), null,
                        Map.class)
                .thenReturn("redirect:/admin/moderation?done=restored");
        });
    }

    private String form(Model model, Map<String, String> values) {
        model.addAttribute("values", values);
        model.addAttribute("kinds", KINDS);
        return "admin/moderation-hide";
    }

    /**
     * The confirmation page says the step can be undone rather than "This cannot be
     * undone".
     */
    private static Model reversible(Model model) {
        model.addAttribute("reversible", true);
        return model;
    }

    /** Everything the web can tell without asking, said all at once. */
    static List<ApiProblemException.FieldError> local(MultiValueMap<String, String> form) {
        List<ApiProblemException.FieldError> problems = new ArrayList<>();
        String kind = FormProblems.text(form, "kind");
        if (kind == null || !KINDS.containsKey(kind)) {
            problems.add(new ApiProblemException.FieldError("kind", "required", null));
        }
        if (idOf(FormProblems.text(form, "id")) == null) {
            problems.add(new ApiProblemException.FieldError("id", "required", null));
        }
        String reason = FormProblems.text(form, "reason");
        if (reason == null) {
            problems.add(new ApiProblemException.FieldError("reason", "required", null));
        }
        else if (reason.codePointCount(0, reason.length()) > 500) {
            problems.add(new ApiProblemException.FieldError("reason", "length", null));
        }
        return problems;
    }

    /**
     * An id, or the address of the item's page ("https://.../challenges/{id}",
     * "/suppliers/{id}/"): its last segment.
     */
    static @Nullable String idOf(@Nullable String typed) {
        if (typed == null) {
            return null;
        }
        String path = typed.strip().replaceAll("[?#].*$", "").replaceAll("/+$", "");
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.matches("[0-9a-fA-F-]{8,40}") ? last : null;
    }

    private static Map<String, String> kinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("challenge", "Challenge");
        kinds.put("supplier-profile", "Supplier profile");
        kinds.put("board-role", "Board role");
        kinds.put("question", "Question and answer");
        return Collections.unmodifiableMap(kinds);
    }

}
