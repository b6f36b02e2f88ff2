package io.launchpad.web.challenge;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.launchpad.web.challenge.ChallengeMatches.SupplierMatch;

/** What the "Matched suppliers" section shows to the owning association. */
record MatchesSection(List<SupplierMatch> items, boolean unavailable, @Nullable String noStrongMatch, int firstRank,
        @Nullable String nextLink, @Nullable String firstLink) {

    /** {@code firstRank}: the rank of this page's first match (1 on the first page). */
    static MatchesSection of(String challengeId, ChallengeMatches matches, int firstRank) {
        ChallengeMatches.Verdict verdict = matches.verdict();
        boolean weak = verdict != null && !verdict.strongMatch() && !matches.items().isEmpty();
        String base = "/challenges/" + challengeId;
        String next = matches.nextCursor() == null ? null
                : base + "?matches=" + URLEncoder.encode(matches.nextCursor(), StandardCharsets.UTF_8) + "&from="
                        + (firstRank + matches.items().size()) + "#matches";
        return new MatchesSection(matches.items(), false, weak && verdict != null ? verdict.message() : null, firstRank,
                next, firstRank > 1 ? base + "#matches" : null);
    }

    /**
     * Matching is down; the rest of the page is still useful, so say so instead of
     * failing.
     */
    static MatchesSection whenUnavailable() {
        return new MatchesSection(List.of(), true, null, 1, null, null);
    }
}
