package io.launchpad.web.supplier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.launchpad.web.api.LaunchpadApi;

import reactor.core.publisher.Mono;
import java.util.Collections;

/**
 * A supplier's home: its responses by status (drafts first, so an unsent one is never
 * forgotten), the challenges it follows with their deadlines, and links to the challenges
 * matched to its profile and its pilots.
 */
@Controller
class SupplierWorkController {

    /** Statuses in the order a supplier works through them, as headings. */
    static final Map<String, String> STATUSES = statuses();

    private final LaunchpadApi api;

    SupplierWorkController(LaunchpadApi api) {
        this.api = api;
    }

    record Responses(List<OwnResponse> items) {

        Responses {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    record OwnResponse(String id, String challengeId, String challengeTitle, String status, @Nullable Instant updatedAt,
            @Nullable LocalDate closingDate) {
    }

    record Follows(List<Followed> items) {

        Follows {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    record Followed(String challengeId, String title, @Nullable String status, @Nullable LocalDate closingDate,
            @Nullable LocalDate questionsCloseOn) {
    }

    record Group(String status, String heading, List<OwnResponse> responses) {
    }

    @GetMapping("/supplier")
    Mono<String> home(Model model) {
        return Mono
            .zip(api.get(uri -> uri.path("/api/v1/me/responses").build(), Responses.class),
                    api.get(uri -> uri.path("/api/v1/me/follows").build(), Follows.class))
            .map(found -> {
                model.addAttribute("groups",
                        STATUSES.entrySet()
                            .stream()
                            .map(status -> new Group(status.getKey(), status.getValue(),
                                    found.getT1()
                                        .items()
                                        .stream()
                                        .filter(response -> status.getKey().equals(response.status()))
                                        .toList()))
                            .filter(group -> !group.responses().isEmpty())
                            .toList());
                model.addAttribute("follows", found.getT2().items());
                return "supplier/home";
            });
    }

    private static Map<String, String> statuses() {
        Map<String, String> statuses = new LinkedHashMap<>();
        statuses.put("draft", "Drafts: not sent yet");
        statuses.put("submitted", "Sent, waiting for the association");
        statuses.put("shortlisted", "Shortlisted");
        statuses.put("awarded", "Won");
        statuses.put("unsuccessful", "Not successful");
        return Collections.unmodifiableMap(statuses);
    }

}
