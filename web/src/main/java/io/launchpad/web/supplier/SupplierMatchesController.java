package io.launchpad.web.supplier;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.launchpad.web.api.ApiProblemException;
import io.launchpad.web.api.LaunchpadApi;

import reactor.core.publisher.Mono;

/**
 * "Challenges for your profile": the open challenges the API ranks for the signed-in
 * person's supplier profile, with the reasons in the API's own sentences, a plain "no
 * strong match" when the best is weak, and further pages. A person without a supplier
 * profile is told how to get one.
 */
@Controller
class SupplierMatchesController {

    private final LaunchpadApi api;

    SupplierMatchesController(LaunchpadApi api) {
        this.api = api;
    }

    @GetMapping("/supplier/matches")
    Mono<String> matches(@RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer from, Model model) {
        boolean later = cursor != null && !cursor.isBlank() && from != null && from > 1 && from <= 1000;
        int firstRank = later && from != null ? from : 1;
        return api.get(uri -> uri.path("/api/v1/me/supplier-profiles").build(), SupplierMatches.MyProfiles.class)
            .flatMap(mine -> {
                if (mine.items().isEmpty()) {
                    model.addAttribute("profile", null);
                    return Mono.just("supplier/matches");
                }
                SupplierMatches.Profile profile = mine.items().getFirst();
                model.addAttribute("profile", profile);
                return page(profile.id(), later ? cursor : null)
                    // a link kept from an old list starts again at the first page
                    .onErrorResume(ApiProblemException.class,
                            e -> later && e.apiStatus() == 400 ? page(profile.id(), null) : Mono.error(e))
                    .map(found -> {
                        boolean restarted = later && found.first();
                        int rank = restarted ? 1 : firstRank;
                        model.addAttribute("matches", found.matches());
                        model.addAttribute("firstRank", rank);
                        model.addAttribute("noStrongMatch", found.matches().noStrongMatch());
                        String next = found.matches().nextCursor();
                        model.addAttribute("nextLink",
                                next == null ? null
                                        : "/supplier/matches?cursor=" + URLEncoder.encode(next, StandardCharsets.UTF_8)
                                                + "&from=" + (rank + found.matches().items().size()));
                        model.addAttribute("firstLink", rank > 1 ? "/supplier/matches" : null);
                        return "supplier/matches";
                    });
            });
    }

    private record Found(SupplierMatches matches, boolean first) {
    }

    private Mono<Found> page(String profileId, @Nullable String cursor) {
        return api.get(uri -> {
            uri.path("/api/v1/suppliers/{id}/matches");
            if (cursor == null) {
                return uri.build(profileId);
            }
            return uri.queryParam("cursor", "{cursor}").build(profileId, cursor);
        }, SupplierMatches.class).map(matches -> new Found(matches, cursor == null));
    }

}
