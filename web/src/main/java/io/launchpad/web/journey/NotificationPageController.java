package io.launchpad.web.journey;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import io.launchpad.web.challenge.Taxonomies;
import io.launchpad.web.challenge.Taxonomy;
import io.launchpad.web.confirm.Confirmation;

import reactor.core.publisher.Mono;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/** The in-app notification feed, alert preferences and saved searches. */
@Controller
class NotificationPageController {

    private final ChallengeWork work;

    private final Taxonomies taxonomies;

    NotificationPageController(ChallengeWork work, Taxonomies taxonomies) {
        this.work = work;
        this.taxonomies = taxonomies;
    }

    /**
     * A saved search in words: its query in quotes, then the category and region by their
     * labels, never the API's codes ("damp-and-mould").
     */
    static String describe(Map<String, Object> search, Taxonomy taxonomy) {
        List<String> parts = new ArrayList<>();
        if (search.get("query") instanceof String query && !query.isBlank()) {
            parts.add("\u201c" + query + "\u201d");
        }
        if (search.get("category") instanceof String category && !category.isBlank()) {
            parts.add(taxonomy.categoryLabel(category));
        }
        if (search.get("region") instanceof String region && !region.isBlank()) {
            parts.add(taxonomy.regionLabel(region));
        }
        return String.join(", ", parts);
    }

    @GetMapping("/notifications")
    Mono<String> feed(Model model) {
        return Mono.zip(work.get("/api/v1/notifications"), work.get("/api/v1/saved-searches"), taxonomies.current())
            .map(all -> {
                model.addAttribute("notifications", Forms.items(all.getT1()));
                model.addAttribute("unread", all.getT1().get("unread"));
                model.addAttribute("savedSearches", Forms.items(all.getT2()).stream().map(search -> {
                    Map<String, Object> described = new LinkedHashMap<>(search);
                    described.put("description", describe(search, all.getT3()));
                    return described;
                }).toList());
                return "notifications";
            });
    }

    @PostMapping("/notifications/{id}/read")
    Mono<String> read(@PathVariable long id) {
        return work.post(null, "/api/v1/notifications/{id}/read", id).thenReturn("redirect:/notifications");
    }

    @PostMapping("/notifications/preferences")
    Mono<String> preferences(ServerWebExchange exchange, Model model) {
        return exchange.getFormData()
            .flatMap(form -> work
                .put(Map.of("alertFrequency", String.valueOf(Forms.text(form, "alertFrequency"))),
                        "/api/v1/notifications/preferences")
                .thenReturn("redirect:/notifications")
                .onErrorResume(e -> Forms.refused(e, model, feed(model))));
    }

    /**
     * Deletes a saved search after a page that says what that means (its alerts stop).
     */
    @PostMapping("/notifications/saved-searches/{id}/delete")
    Mono<String> deleteSearch(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            if (!Confirmation.given(form)) {
                String named = Forms.text(form, "name");
                return Mono.just(new Confirmation(
                        named == null ? "Delete this saved search?" : "Delete the saved search: " + named + "?",
                        List.of("You will no longer be told about new challenges that match it.",
                                "Challenges it found stay where they are; you can save the search again at any time."),
                        "/notifications/saved-searches/" + id + "/delete", "Yes, delete it", "/notifications",
                        Confirmation.carried(form))
                    .show(model));
            }
            return work.delete("/api/v1/saved-searches/{id}", id).thenReturn("redirect:/notifications");
        });
    }

    @PostMapping("/notifications/saved-searches")
    Mono<String> saveSearch(ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> body = new HashMap<>();
            body.put("query", Forms.text(form, "query"));
            body.put("frequency", Forms.text(form, "frequency"));
            return work.post(body, "/api/v1/saved-searches")
                .thenReturn("redirect:/notifications")
                .onErrorResume(e -> Forms.refused(e, model, feed(model)));
        });
    }

}
