package io.launchpad.matching;

import org.jspecify.annotations.Nullable;

import java.util.Comparator;
import java.util.UUID;

/**
 * Which page of a ranked list to return: {@code limit} results after the {@code shown}
 * already returned, the last of which sat at {@code after} (null on the first page).
 * <p>
 * Pages are keyset pages over the ranking order, not offsets: a later page ranks a deeper
 * pool (so it has material) and keeps only what ranks after the last result shown, so
 * nothing shown comes again even though a deeper pool may surface a result that would
 * have ranked higher. Lists stop at {@link #MAX_DEPTH}: past that, the query should be
 * sharper rather than the list longer.
 */
public record MatchWindow(int shown, @Nullable MatchPosition after, int limit) {

    public static final int MAX_DEPTH = 200;

    public MatchWindow {
        if (shown < 0 || limit < 0 || (shown > 0) != (after != null)) {
            throw new IllegalArgumentException(
                    "a window after " + shown + " results needs the position of the last one");
        }
    }

    public static MatchWindow first(int limit) {
        return new MatchWindow(0, null, limit);
    }

    /** How deep this page reaches into the ranking, at most {@link #MAX_DEPTH}. */
    public int depth() {
        return Math.min(MAX_DEPTH, shown + limit);
    }

    /** Results this page may still return. */
    public int size() {
        return Math.max(0, depth() - shown);
    }

    /**
     * Candidates to re-rank: the first page as before (twice what is shown), a later page
     * as deep as it reaches.
     */
    public int pool(int minimum) {
        return Math.max(minimum, 2 * depth());
    }

    /** Whether a result at {@code position} belongs after the results already shown. */
    public boolean admits(MatchPosition position) {
        return after == null || MatchPosition.ORDER.compare(position, after) > 0;
    }

    /**
     * Where a ranked result sits: its score, then a finer relevance (0 when the engine
     * has none), then a stable hash of its id. Best first.
     */
    public record MatchPosition(int score, double relevance, UUID id) {

        public static final Comparator<MatchPosition> ORDER = Comparator.comparingInt(MatchPosition::score)
            .reversed()
            .thenComparing(Comparator.comparingDouble(MatchPosition::relevance).reversed())
            .thenComparingLong(position -> Tiebreak.of(position.id()))
            .thenComparing(MatchPosition::id);

    }
}
