package io.launchpad.web.challenge;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Suppliers ranked for a challenge, best first, each with the reasons it matched, and the
 * API's verdict on the list (whether its best is a strong match, and if not, a sentence
 * saying so).
 */
record ChallengeMatches(String challengeId, @Nullable Verdict verdict, List<SupplierMatch> items,
        @Nullable String nextCursor) {

    ChallengeMatches {
        items = items == null ? List.of() : List.copyOf(items);
    }

    record Verdict(boolean strongMatch, int bestScore, @Nullable String message) {
    }

    record SupplierMatch(String supplierId, String name, @Nullable String summary, int score,
            List<Highlight> highlights, List<String> regions, @Nullable Reasons reasons) {

        SupplierMatch {
            highlights = highlights == null ? List.of() : List.copyOf(highlights);
            regions = regions == null ? List.of() : List.copyOf(regions);
        }

        /**
         * The API's reasons in sentences, requirements first; the page shows them as the
         * API words them.
         */
        public List<String> explanations() {
            return reasons == null ? List.of() : reasons.explanations();
        }

        /**
         * Completed pilots the match counted as evidence; each is a case in the pilot
         * library.
         */
        public int completedPilots() {
            return reasons == null || reasons.completedPilots() == null ? 0 : reasons.completedPilots();
        }
    }

    record Reasons(List<String> explanations, @Nullable Integer completedPilots) {

        Reasons {
            explanations = explanations == null ? List.of() : List.copyOf(explanations);
        }
    }
}
