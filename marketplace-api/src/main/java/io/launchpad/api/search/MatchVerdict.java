package io.launchpad.api.search;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * What a list of matches amounts to, said plainly on its first page: whether its best
 * result is a strong match ({@link io.launchpad.matching.MatchStrength}), and when it is
 * not, a sentence saying so, so that a weak best result is never presented as a
 * recommendation.
 */
public record MatchVerdict(boolean strongMatch, int bestScore, @Nullable String message) {

    /** {@code what}: the plural of what is listed ("suppliers", "candidates"). */
    public static MatchVerdict of(List<Integer> scores, int strongScore, String what) {
        if (scores.isEmpty()) {
            return new MatchVerdict(false, 0, "No " + what + " match yet.");
        }
        int best = scores.getFirst();
        if (best >= strongScore) {
            return new MatchVerdict(true, best, null);
        }
        return new MatchVerdict(false, best, "No strong match: the best of these " + what + " scores " + best
                + " out of 100. Read the reasons before contacting any of them.");
    }
}
