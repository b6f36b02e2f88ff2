package io.launchpad.web.challenge;

import java.util.List;

import io.launchpad.web.challenge.ChallengeMatches.SupplierMatch;

/** What the "Matched suppliers" section shows to the owning association. */
record MatchesSection(List<SupplierMatch> items, boolean unavailable) {

    static MatchesSection of(ChallengeMatches matches) {
        return new MatchesSection(matches.items(), false);
    }

    /** Matching is down; the rest of the page is still useful, so say so instead of failing. */
    static MatchesSection whenUnavailable() {
        return new MatchesSection(List.of(), true);
    }
}
