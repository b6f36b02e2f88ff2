package io.launchpad.web.challenge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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

import reactor.core.publisher.Mono;

/**
 * An association writes a challenge (requirements, weightings, dates) and publishes it, or
 * withdraws it or closes it early while it is open (each after a confirmation page). The API checks
 * every rule; the form shows its answer.
 */
@Controller
class ChallengeDraftController {

    static final List<String> CRITERIA = List.of("technical", "social-value", "price");

    private final LaunchpadApi api;
    private final Account account;
    private final Taxonomy taxonomy;
    private final Challenges challenges;

    ChallengeDraftController(LaunchpadApi api, Account account, Taxonomy taxonomy, Challenges challenges) {
        this.api = api;
        this.account = account;
        this.taxonomy = taxonomy;
        this.challenges = challenges;
    }

    @GetMapping("/challenges/new")
    Mono<String> form(Model model) {
        return show(model, Map.of());
    }

    @PostMapping("/challenges/new")
    Mono<String> create(ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> body = body(form);
            boolean publish = "publish".equals(form.getFirst("action"));
            return api.send(HttpMethod.POST, uri -> uri.path("/api/v1/challenges").build(), body, Map.class)
                .flatMap(created -> publish
                        ? api.send(HttpMethod.POST, uri -> uri.path("/api/v1/challenges/{id}/publish")
                            .build(created.get("id")), null, Map.class)
                        : Mono.just(created))
                .map(challenge -> "redirect:/challenges/" + challenge.get("id"))
                .onErrorResume(ApiProblemException.class, e -> {
                    if (!e.isRefusal()) {
                        return Mono.error(e);
                    }
                    model.addAttribute("formError", e.detail());
                    return show(model, form.toSingleValueMap());
                });
        });
    }

    @PostMapping("/challenges/{id}/publish")
    Mono<String> publish(@PathVariable String id) {
        return api.send(HttpMethod.POST, uri -> uri.path("/api/v1/challenges/{id}/publish").build(id), null, Map.class)
            .thenReturn("redirect:/challenges/" + id);
    }

    /** Withdraws a published challenge, after a page that says what that means. */
    @PostMapping("/challenges/{id}/withdraw")
    Mono<String> withdraw(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return confirmedChange(id, exchange, model, "withdraw", challenge -> new Confirmation(
                "Withdraw ‘" + challenge.title() + "’?",
                List.of("Suppliers can no longer read it, ask questions or respond.",
                        "Responses already sent are never evaluated, and the suppliers who sent them are not paid for them.",
                        "To run it again you would post a new challenge."),
                "/challenges/" + id + "/withdraw", "Yes, withdraw it", "/challenges/" + id, Map.of()));
    }

    /** Closes a published challenge before its closing date, after a page that says what that means. */
    @PostMapping("/challenges/{id}/close")
    Mono<String> close(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return confirmedChange(id, exchange, model, "close", challenge -> new Confirmation(
                "Close ‘" + challenge.title() + "’ now?",
                List.of("It stops taking responses and questions today instead of on its closing date.",
                        "Responses suppliers have started but not submitted cannot be submitted.",
                        "Suppliers who follow it, asked a question or started a response are told.",
                        "You can then evaluate the responses you have and award, or record no award."),
                "/challenges/" + id + "/close", "Yes, close it now", "/challenges/" + id, Map.of()));
    }

    /** The API's {@code action} on the challenge once the person confirmed; the confirmation page before that. */
    private Mono<String> confirmedChange(String id, ServerWebExchange exchange, Model model, String action,
            java.util.function.Function<Challenge, Confirmation> confirmation) {
        return exchange.getFormData().flatMap(form -> {
            if (!Confirmation.given(form)) {
                return challenges.challenge(id).map(challenge -> confirmation.apply(challenge).show(model));
            }
            return api.send(HttpMethod.POST, uri -> uri.path("/api/v1/challenges/{id}/" + action).build(id), null, Map.class)
                .thenReturn("redirect:/challenges/" + id);
        });
    }

    private Mono<String> show(Model model, Map<String, String> values) {
        return account.me().map(me -> {
            List<Me.Membership> associations = new ArrayList<>();
            me.memberships().stream().filter(m -> "association".equals(m.organisationType())).forEach(associations::add);
            model.addAttribute("associations", associations);
            model.addAttribute("values", values);
            model.addAttribute("categoryOptions", taxonomy.categoryOptions(values.get("category")));
            model.addAttribute("regionOptions", taxonomy.regionOptions(values.get("region")));
            model.addAttribute("criteria", CRITERIA);
            return "challenge-new";
        });
    }

    private static Map<String, Object> body(MultiValueMap<String, String> form) {
        Map<String, Object> body = new HashMap<>();
        body.put("organisationId", text(form, "organisationId"));
        body.put("title", form.getFirst("title") == null ? "" : form.getFirst("title"));
        body.put("summary", form.getFirst("summary") == null ? "" : form.getFirst("summary"));
        body.put("description", text(form, "description"));
        body.put("categories", text(form, "category") == null ? List.of() : List.of(text(form, "category")));
        body.put("regions", text(form, "region") == null ? List.of() : List.of(text(form, "region")));
        body.put("budgetMinPounds", number(form, "budgetMinPounds"));
        body.put("budgetMaxPounds", number(form, "budgetMaxPounds"));
        body.put("closingDate", text(form, "closingDate"));
        body.put("questionsCloseOn", text(form, "questionsCloseOn"));
        body.put("essentialRequirements", lines(form, "essentialRequirements"));
        body.put("niceToHaveRequirements", lines(form, "niceToHaveRequirements"));
        body.put("pilotLengthWeeks", number(form, "pilotLengthWeeks"));
        body.put("location", text(form, "location"));
        List<Map<String, Object>> weightings = new ArrayList<>();
        for (String criterion : CRITERIA) {
            Integer weight = number(form, "weight-" + criterion);
            if (weight != null) {
                weightings.add(Map.of("criterion", criterion, "weight", weight));
            }
        }
        body.put("weightings", weightings);
        return body;
    }

    private static @Nullable String text(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static @Nullable Integer number(MultiValueMap<String, String> form, String name) {
        String value = text(form, name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.replace(",", "").replace("£", ""));
        } catch (NumberFormatException e) {
            return -1; // the API refuses it and names the field
        }
    }

    private static List<String> lines(MultiValueMap<String, String> form, String name) {
        String value = text(form, name);
        return value == null ? List.of()
                : Arrays.stream(value.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
