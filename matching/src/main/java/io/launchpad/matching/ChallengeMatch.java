package io.launchpad.matching;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An open challenge ranked for a supplier; {@code score} and {@code reasons} as in
 * {@link SupplierMatch}. {@code highlights} are the challenge's passages (title, summary,
 * description) that matched the profile's words.
 */
public record ChallengeMatch(UUID challengeId, UUID organisationId, @Nullable String organisationName,
        @Nullable String title, @Nullable String summary, LocalDate closingDate, int score, List<Highlight> highlights,
        List<String> categories, List<String> regions, MatchReasons reasons) {

    public ChallengeMatch {
        highlights = List.copyOf(highlights);
        categories = List.copyOf(categories);
        regions = List.copyOf(regions);
    }

    /**
     * The same match with the passages that matched (asked for only once the shown
     * results are known).
     */
    public ChallengeMatch withHighlights(List<Highlight> highlights) {
        return new ChallengeMatch(challengeId, organisationId, organisationName, title, summary, closingDate, score,
                highlights, categories, regions, reasons);
    }

    /** Where it sits in the ranking (no finer relevance than the score). */
    public MatchWindow.MatchPosition position() {
        return new MatchWindow.MatchPosition(score, 0, challengeId);
    }
}
