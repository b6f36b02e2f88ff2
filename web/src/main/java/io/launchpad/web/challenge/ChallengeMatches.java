package io.launchpad.web.challenge;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** Suppliers ranked for a challenge, best first, each with the reasons it matched. */
record ChallengeMatches(String challengeId, List<SupplierMatch> items) {

    ChallengeMatches {
        items = items == null ? List.of() : List.copyOf(items);
    }

    record SupplierMatch(String supplierId, String name, @Nullable String summary, int score,
            List<Highlight> highlights, List<String> regions) {

        SupplierMatch {
            highlights = highlights == null ? List.of() : List.copyOf(highlights);
            regions = regions == null ? List.of() : List.copyOf(regions);
        }
    }
}
