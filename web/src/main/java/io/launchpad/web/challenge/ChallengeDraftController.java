package io.launchpad.web.challenge;

import java.util.ArrayList;
import java.util.Arrays;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import io.launchpad.web.account.Account;
import io.launchpad.web.account.Me;
import io.launchpad.web.api.ApiProblemException;
import io.launchpad.web.api.LaunchpadApi;
import io.launchpad.web.confirm.Confirmation;
import io.launchpad.web.forms.FormFields;
import io.launchpad.web.forms.FormProblems;

import reactor.core.publisher.Mono;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.util.LinkedMultiValueMap;

/**
 * An association writes a challenge (requirements, weightings, dates) and publishes it,
 * edits a draft, or withdraws it or closes it early while it is open (each after a
 * confirmation page). The API checks every rule; the form shows all of its answer at
 * once, beside the fields, with what was typed kept. A publish the API refuses leaves the
 * saved draft, so the form comes back as that draft's edit form: sending it again changes
 * the draft rather than creating a second one.
 */
@Controller
class ChallengeDraftController {

    static final List<String> CRITERIA = List.of("technical", "social-value", "price");
    static final Map<String, String> CRITERION_LABELS = Map.of("technical", "Technical", "social-value", "Social value",
            "price", "Price");

    /**
     * Number boxes, form name → API name: text that is no whole number is said so by the
     * web.
     */
    private static final Map<String, String> NUMBERS = numbers();

    @SuppressWarnings("rawtypes")
    private static final Class<Map> JSON = Map.class;

    private final LaunchpadApi api;

    private final Account account;

    private final Taxonomies taxonomies;

    private final Challenges challenges;

    ChallengeDraftController(LaunchpadApi api, Account account, Taxonomies taxonomies, Challenges challenges) {
        this.api = api;
        this.account = account;
        this.taxonomies = taxonomies;
        this.challenges = challenges;
    }

    @GetMapping("/challenges/new")
    Mono<String> form(Model model) {
        return show(model, Map.of());
    }

    @PostMapping("/challenges/new")
    Mono<String> create(ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            String draftId = FormProblems.text(form, "id");
            if (draftId != null) {
                // the draft an earlier, refused publish saved: change it, never create
                // another
                return save(draftId, form, model);
            }
            Map<String, Object> body = body(form);
            boolean publish = "publish".equals(form.getFirst("action"));
            FormFields fields = fields(form);
            return api.send(HttpMethod.POST, uri -> uri.path("/api/v1/challenges").build(), body, JSON)
                .map(ChallengeDraftController::cast)
                .flatMap(created -> publish ? published(created, form, fields, model) : Mono.just(redirect(created)))
                .onErrorResume((Throwable e) -> FormProblems.refused(e, model, fields, local(form),
                        () -> show(model, form.toSingleValueMap())));
        });
    }

    @GetMapping("/challenges/{id}/edit")
    Mono<String> edit(@PathVariable String id, Model model) {
        return api.get(uri -> uri.path("/api/v1/challenges/{id}").build(id), JSON)
            .flatMap(challenge -> show(model, values(cast(challenge))));
    }

    @PostMapping("/challenges/{id}/edit")
    Mono<String> update(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> save(id, form, model));
    }

    /**
     * Publishing a draft from its page: when the API says what is missing, the draft's
     * form shows it.
     */
    @PostMapping("/challenges/{id}/publish")
    Mono<String> publish(@PathVariable String id, Model model) {
        return api.send(HttpMethod.POST, uri -> uri.path("/api/v1/challenges/{id}/publish").build(id), null, Map.class)
            .thenReturn("redirect:/challenges/" + id)
            .onErrorResume(e -> current(id).flatMap(challenge -> {
                Map<String, String> values = values(challenge);
                LinkedMultiValueMap<String, String> asForm = new LinkedMultiValueMap<>();
                asForm.setAll(values);
                return FormProblems.refused(e, model, fields(asForm), () -> show(model, values));
            }));
    }

    /** Withdraws a published challenge, after a page that says what that means. */
    @PostMapping("/challenges/{id}/withdraw")
    Mono<String> withdraw(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return confirmedChange(id, exchange, model, "withdraw", challenge -> new Confirmation("Withdraw ‘" + challenge
            .title() + "’?", List.of("Suppliers can no longer read it, ask questions or respond.",
                    "Responses already sent are never evaluated, and the suppliers who sent them are not paid for them.",
                    "To run it again you would post a new challenge."),
                "/challenges/" + id + "/withdraw", "Yes, withdraw it", "/challenges/" + id, Map.of()));
    }

    /**
     * Closes a published challenge before its closing date, after a page that says what
     * that means.
     */
    @PostMapping("/challenges/{id}/close")
    Mono<String> close(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return confirmedChange(id, exchange, model, "close",
                challenge -> new Confirmation("Close ‘" + challenge.title() + "’ now?",
                        List.of("It stops taking responses and questions today instead of on its closing date.",
                                "Responses suppliers have started but not submitted cannot be submitted.",
                                "Suppliers who follow it, asked a question or started a response are told.",
                                "You can then evaluate the responses you have and award, or record no award."),
                        "/challenges/" + id + "/close", "Yes, close it now", "/challenges/" + id, Map.of()));
    }

    /**
     * The API's {@code action} on the challenge once the person confirmed; the
     * confirmation page before that.
     */
    private Mono<String> confirmedChange(String id, ServerWebExchange exchange, Model model, String action,
            Function<Challenge, Confirmation> confirmation) {
        return exchange.getFormData().flatMap(form -> {
            if (!Confirmation.given(form)) {
                return challenges.challenge(id).map(challenge -> confirmation.apply(challenge).show(model));
            }
            return api
                .send(HttpMethod.POST, uri -> uri.path("/api/v1/challenges/{id}/" + action).build(id), null, Map.class)
                .thenReturn("redirect:/challenges/" + id);
        });
    }

    /**
     * Saves a draft (If-Match: the version the form was filled from), then publishes it
     * when asked.
     */
    private Mono<String> save(String id, MultiValueMap<String, String> form, Model model) {
        boolean publish = "publish".equals(form.getFirst("action"));
        FormFields fields = fields(form);
        String version = FormProblems.text(form, "version");
        String ifMatch = version == null ? null : "\"" + version + "\"";
        return api.send(HttpMethod.PUT, uri -> uri.path("/api/v1/challenges/{id}").build(id), ifMatch, body(form), JSON)
            .flatMap(saved -> publish && "draft".equals(saved.get("status"))
                    ? published(cast(saved), form, fields, model) : Mono.just("redirect:/challenges/" + id))
            .onErrorResume(e -> {
                if (!(e instanceof ApiProblemException problem) || !problem.isRefusal()) {
                    return Mono.error(e);
                }
                // what was typed stays; the version becomes the current one, so saving
                // again is possible
                return current(id).flatMap(current -> FormProblems.refused(e, model, fields, local(form), () -> {
                    Map<String, String> values = new HashMap<>(form.toSingleValueMap());
                    values.put("id", id);
                    values.put("version", String.valueOf(current.get("version")));
                    values.put("status", String.valueOf(current.get("status")));
                    return show(model, values);
                }));
            });
    }

    /**
     * Publishes a saved draft; if that is refused, the form comes back as the draft's,
     * saying it is saved.
     */
    private Mono<String> published(Map<String, Object> saved, MultiValueMap<String, String> form, FormFields fields,
            Model model) {
        Object id = saved.get("id");
        return api.send(HttpMethod.POST, uri -> uri.path("/api/v1/challenges/{id}/publish").build(id), null, JSON)
            .map(challenge -> redirect(cast(challenge)))
            .onErrorResume(e -> FormProblems.refused(e, model, fields, local(form), () -> {
                Map<String, String> values = new HashMap<>(form.toSingleValueMap());
                values.put("id", String.valueOf(id));
                values.put("version", String.valueOf(saved.get("version")));
                values.put("status", "draft");
                model.addAttribute("savedAsDraft", true);
                return show(model, values);
            }));
    }

    private Mono<Map<String, Object>> current(String id) {
        return api.get(uri -> uri.path("/api/v1/challenges/{id}").build(id), JSON).map(ChallengeDraftController::cast);
    }

    private Mono<String> show(Model model, Map<String, String> values) {
        return Mono.zip(account.me(), taxonomies.current()).map(found -> {
            Me me = found.getT1();
            Taxonomy taxonomy = found.getT2();
            List<Me.Membership> associations = new ArrayList<>();
            me.memberships()
                .stream()
                .filter(m -> "association".equals(m.organisationType()))
                .forEach(associations::add);
            model.addAttribute("associations", associations);
            model.addAttribute("values", values);
            model.addAttribute("categoryOptions", taxonomy.categoryOptions(values.get("category")));
            model.addAttribute("regionOptions", taxonomy.regionOptions(values.get("region")));
            model.addAttribute("criteria", CRITERIA);
            model.addAttribute("criterionLabels", CRITERION_LABELS);
            return "challenge-new";
        });
    }

    private static String redirect(Map<?, ?> challenge) {
        return "redirect:/challenges/" + challenge.get("id");
    }

    /**
     * The form's fields in the API's names, in the order the form shows them. Weightings
     * are sent for the criteria with a weight typed, in {@link #CRITERIA} order, so
     * {@code weightings[i]} is the i-th of those.
     */
    static FormFields fields(MultiValueMap<String, String> form) {
        List<String> typed = CRITERIA.stream().filter(c -> FormProblems.text(form, "weight-" + c) != null).toList();
        FormFields fields = FormFields.of("challenge")
            .choose("organisationId", "organisationId", "Housing association", "the housing association")
            .enter("title", "Title", "a title")
            .enter("summary", "Summary", "a summary")
            .enter("description", "The problem in full", "the problem in full")
            .field("categories", "category", "category", "Category", "Choose a category")
            .field("regions", "region", "region", "Region", "Choose a region")
            .enter("location", "Location", "a location")
            .enter("essentialRequirements", "Essential requirements", "the essential requirements")
            .enter("niceToHaveRequirements", "Nice-to-have requirements", "the nice-to-have requirements")
            .field("weightings", "weightings", "weight-" + CRITERIA.getFirst(), "Weightings", "Enter the weightings");
        for (String criterion : CRITERIA) {
            fields.place("weight-" + criterion);
        }
        fields.paths(path -> {
            if (!path.startsWith("weightings[")) {
                return null;
            }
            int index = Integer.parseInt(path.substring("weightings[".length(), path.indexOf(']')));
            if (index >= typed.size()) {
                return null;
            }
            String criterion = typed.get(index);
            return new FormFields.Field("weight-" + criterion, "weight-" + criterion,
                    CRITERION_LABELS.get(criterion) + " weight", "Enter a weight for " + criterion);
        });
        return fields.enter("budgetMinPounds", "Lowest budget", "the lowest budget")
            .enter("budgetMaxPounds", "Highest budget", "the highest budget")
            .enter("pilotLengthWeeks", "Pilot length", "the pilot length in weeks")
            .enter("questionsCloseOn", "The date questions close", "the date questions close")
            .enter("closingDate", "Closing date", "a closing date")
            .message("essentialRequirements", "length", "List up to 20 essential requirements")
            .message("niceToHaveRequirements", "length", "List up to 20 nice-to-have requirements")
            .message("essentialRequirements[]", "length", "Each essential requirement must be 500 characters or fewer")
            .message("niceToHaveRequirements[]", "length",
                    "Each nice-to-have requirement must be 500 characters or fewer")
            .message("budgetMinPounds", FormProblems.WHOLE_NUMBER,
                    "Lowest budget must be a whole number of pounds, like 25000")
            .message("budgetMaxPounds", FormProblems.WHOLE_NUMBER,
                    "Highest budget must be a whole number of pounds, like 50000")
            .message("budgetMaxPounds", "not-below-minimum",
                    "Highest budget must be the same as or more than the lowest budget")
            .message("pilotLengthWeeks", FormProblems.WHOLE_NUMBER,
                    "Pilot length must be a whole number of weeks, like 12")
            .message("weightings[].weight", FormProblems.WHOLE_NUMBER, "Weight must be a whole number, like 40")
            .message("closingDate", "required-to-publish", "Enter a closing date to publish the challenge")
            .message("closingDate", "future", "Closing date must be after today to publish the challenge")
            .message("categories", "required-to-publish", "Choose a category to publish the challenge")
            .message("weightings", "unique-criteria", "Give each criterion one weight");
    }

    /**
     * What the web can tell without asking: number boxes holding words, and weights that
     * do not add up to 100 (the API says that only once the rest is right, which would
     * take another submit).
     */
    static List<ApiProblemException.FieldError> local(MultiValueMap<String, String> form) {
        List<ApiProblemException.FieldError> problems = new ArrayList<>(FormProblems.notWholeNumbers(form, NUMBERS));
        int sum = 0;
        int typed = 0;
        boolean allNumbers = true;
        for (String criterion : CRITERIA) {
            Integer weight = FormProblems.number(form, "weight-" + criterion);
            if (weight != null) {
                if (!FormProblems.notWholeNumbers(form, Map.of("weight-" + criterion, "w")).isEmpty()) {
                    // named as the API would name it, so it shows beside that weight
                    problems.add(new ApiProblemException.FieldError("weightings[" + typed + "].weight",
                            FormProblems.WHOLE_NUMBER, null));
                    allNumbers = false;
                }
                typed++;
                sum += Math.max(weight, 0);
            }
        }
        if (typed > 0 && allNumbers && sum != 100) {
            problems.add(new ApiProblemException.FieldError("weightings", "sum-100", "weights add up to " + sum));
        }
        return problems;
    }

    private static Map<String, String> numbers() {
        Map<String, String> numbers = new LinkedHashMap<>();
        numbers.put("budgetMinPounds", "budgetMinPounds");
        numbers.put("budgetMaxPounds", "budgetMaxPounds");
        numbers.put("pilotLengthWeeks", "pilotLengthWeeks");
        return numbers;
    }

    private static Map<String, Object> body(MultiValueMap<String, String> form) {
        Map<String, Object> body = new HashMap<>();
        body.put("organisationId", FormProblems.text(form, "organisationId"));
        body.put("title", form.getFirst("title") == null ? "" : form.getFirst("title"));
        body.put("summary", form.getFirst("summary") == null ? "" : form.getFirst("summary"));
        body.put("description", FormProblems.text(form, "description"));
        body.put("categories",
                FormProblems.text(form, "category") == null ? List.of() : List.of(FormProblems.text(form, "category")));
        body.put("regions",
                FormProblems.text(form, "region") == null ? List.of() : List.of(FormProblems.text(form, "region")));
        body.put("budgetMinPounds", FormProblems.number(form, "budgetMinPounds"));
        body.put("budgetMaxPounds", FormProblems.number(form, "budgetMaxPounds"));
        body.put("closingDate", FormProblems.text(form, "closingDate"));
        body.put("questionsCloseOn", FormProblems.text(form, "questionsCloseOn"));
        body.put("essentialRequirements", lines(form, "essentialRequirements"));
        body.put("niceToHaveRequirements", lines(form, "niceToHaveRequirements"));
        body.put("pilotLengthWeeks", FormProblems.number(form, "pilotLengthWeeks"));
        body.put("location", FormProblems.text(form, "location"));
        // accreditations are set through the API; editing on the web keeps them
        String accreditations = form.getFirst("requiredAccreditations");
        if (accreditations != null) {
            body.put("requiredAccreditations",
                    Arrays.stream(accreditations.split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList());
        }
        List<Map<String, Object>> weightings = new ArrayList<>();
        for (String criterion : CRITERIA) {
            Integer weight = FormProblems.number(form, "weight-" + criterion);
            if (weight != null) {
                weightings.add(Map.of("criterion", criterion, "weight", weight));
            }
        }
        body.put("weightings", weightings);
        return body;
    }

    /** The form's fields filled from a challenge the API returned, for editing it. */
    static Map<String, String> values(Map<String, Object> challenge) {
        Map<String, String> values = new HashMap<>();
        for (String field : List.of("id", "version", "status", "organisationId", "title", "summary", "description",
                "location", "budgetMinPounds", "budgetMaxPounds", "pilotLengthWeeks", "questionsCloseOn",
                "closingDate")) {
            if (challenge.get(field) != null) {
                values.put(field, String.valueOf(challenge.get(field)));
            }
        }
        first(challenge.get("categories")).ifPresent(category -> values.put("category", category));
        first(challenge.get("regions")).ifPresent(region -> values.put("region", region));
        StringBuilder essential = new StringBuilder();
        StringBuilder niceToHave = new StringBuilder();
        if (challenge.get("requirements") instanceof List<?> requirements) {
            for (Object entry : requirements) {
                if (entry instanceof Map<?, ?> requirement) {
                    StringBuilder into = Boolean.TRUE.equals(requirement.get("essential")) ? essential : niceToHave;
                    into.append(requirement.get("text")).append('\n');
                }
            }
        }
        values.put("essentialRequirements", essential.toString().strip());
        values.put("niceToHaveRequirements", niceToHave.toString().strip());
        if (challenge.get("weightings") instanceof List<?> weightings) {
            for (Object entry : weightings) {
                if (entry instanceof Map<?, ?> weighting) {
                    values.put("weight-" + weighting.get("criterion"), String.valueOf(weighting.get("weight")));
                }
            }
        }
        if (challenge.get("requiredAccreditations") instanceof List<?> accreditations && !accreditations.isEmpty()) {
            values.put("requiredAccreditations",
                    String.join(",", accreditations.stream().map(String::valueOf).toList()));
        }
        return values;
    }

    private static Optional<String> first(@Nullable Object list) {
        return list instanceof List<?> items && !items.isEmpty() ? Optional.of(String.valueOf(items.getFirst()))
                : Optional.empty();
    }

    private static List<String> lines(MultiValueMap<String, String> form, String name) {
        String value = FormProblems.text(form, name);
        return value == null ? List.of()
                : Arrays.stream(value.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

}
