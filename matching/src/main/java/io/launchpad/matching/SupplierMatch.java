package io.launchpad.matching;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.UUID;

/**
 * A supplier ranked for a challenge. {@code score} is 0–100 and absolute (see
 * {@link MatchReasons.ScoreParts}): it does not depend on the other suppliers in the
 * list. {@code highlights} are the profile's passages that matched the challenge's words;
 * {@code reasons} say why it ranks where it does.
 */
public record SupplierMatch(UUID supplierId, @Nullable String name, @Nullable String summary, int score,
        List<Highlight> highlights, List<String> regions, List<String> accreditations, MatchReasons reasons) {

    public SupplierMatch {
        highlights = List.copyOf(highlights);
        regions = List.copyOf(regions);
        accreditations = List.copyOf(accreditations);
    }

    /**
     * The same match with the passages that matched (asked for only once the shown
     * results are known).
     */
    public SupplierMatch withHighlights(List<Highlight> highlights) {
        return new SupplierMatch(supplierId, name, summary, score, highlights, regions, accreditations, reasons);
    }

    /** Where it sits in the ranking (no finer relevance than the score). */
    public MatchWindow.MatchPosition position() {
        return new MatchWindow.MatchPosition(score, 0, supplierId);
    }
}
