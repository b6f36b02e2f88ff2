package io.launchpad.web.supplier;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/v1/suppliers/{id}/matches}: open challenges ranked for a supplier's
 * profile, one page.
 */
record SupplierMatches(@Nullable Verdict verdict, List<ChallengeMatch> items, @Nullable String nextCursor) {

    SupplierMatches {
        items = items == null ? List.of() : List.copyOf(items);
    }

    record Verdict(boolean strongMatch, int bestScore, @Nullable String message) {
    }

    record ChallengeMatch(String challengeId, @Nullable String organisationName, String title, @Nullable String summary,
            @Nullable LocalDate closingDate, int score, @Nullable Reasons reasons) {

        public List<String> explanations() {
            return reasons == null ? List.of() : reasons.explanations();
        }
    }

    record Reasons(List<String> explanations) {

        Reasons {
            explanations = explanations == null ? List.of() : List.copyOf(explanations);
        }
    }

    /** The sentence to show above a list whose best is weak; null otherwise. */
    @Nullable String noStrongMatch() {
        return verdict == null || verdict.strongMatch() || items.isEmpty() ? null : verdict.message();
    }

    /** {@code GET /api/v1/me/supplier-profiles}. */
    record MyProfiles(List<Profile> items) {

        MyProfiles {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    record Profile(String id, String name, String status) {
    }
}
