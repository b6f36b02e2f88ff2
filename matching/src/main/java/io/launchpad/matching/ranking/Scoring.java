package io.launchpad.matching.ranking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.launchpad.matching.MatchReasons;
import io.launchpad.matching.RankingMode;
import org.jspecify.annotations.Nullable;

/**
 * The transparent re-rank: each ingredient is 0–1 and absolute (it depends on the pair
 * only, never on the other candidates), so the same pair scores the same whatever else is
 * indexed, and a list of weak candidates stays weak. Weights and curves are documented on
 * {@link MatchReasons.ScoreParts}.
 */
final class Scoring {

    /**
     * The BM25 score that maps to 0.5. Measured with the field boosts used here: a
     * profile sharing one incidental word with a challenge scores 9–14, one covering
     * several of its terms across fields about 40. BM25 depends on the corpus (IDF):
     * recalibrate with the benchmark harness on real data.
     */
    static final double BM25_HALF_WAY = 30.0;

    /**
     * MiniLM cosine below this is what unrelated texts score; at FULL and above the
     * meanings agree.
     */
    static final double COSINE_FLOOR = 0.15;
    static final double COSINE_FULL = 0.65;
    static final int PILOTS_FOR_FULL_EVIDENCE = 3;

    private Scoring() {
    }

    static double text(Double bm25) {
        return bm25 == null || bm25.isNaN() || bm25 <= 0 ? 0 : bm25 / (bm25 + BM25_HALF_WAY);
    }

    static double semantic(@Nullable Double cosine) {
        if (cosine == null || cosine.isNaN()) {
            return 0;
        }
        return clamp((cosine - COSINE_FLOOR) / (COSINE_FULL - COSINE_FLOOR));
    }

    /**
     * Set on the independent devset (benchmark calibration line): in the top 10, relevant
     * suppliers' closeness is 0.60/0.83/1.0 (p10/p50/p90) and irrelevant ones'
     * 0.40/0.61/0.79, so "strong" is kept for what only one irrelevant result in ten
     * reaches.
     */
    static final double STRONG_CLOSENESS = 0.85;
    static final double MODERATE_CLOSENESS = 0.6;

    static String closeness(double semantic, RankingMode mode) {
        if (mode == RankingMode.BM25) {
            return "not-used";
        }
        return semantic >= STRONG_CLOSENESS ? "strong"
                : semantic >= MODERATE_CLOSENESS ? "moderate" : semantic > 0 ? "weak" : "none";
    }

    /**
     * Share of the challenge's categories the other side covers; 0 when either side has
     * none.
     */
    static double taxonomy(List<String> challengeCategories, List<String> matched) {
        return challengeCategories.isEmpty() ? 0 : (double) matched.size() / challengeCategories.size();
    }

    static double evidence(int completedPilots) {
        return clamp((double) completedPilots / PILOTS_FOR_FULL_EVIDENCE);
    }

    /**
     * A profile updated within six months is fresh; one untouched for three years counts
     * 0. Unknown counts 0.
     */
    static double profileFreshness(Instant updatedAt, Instant now) {
        if (updatedAt == null) {
            return 0;
        }
        long days = Duration.between(updatedAt, now).toDays();
        return days <= 180 ? 1 : clamp(1 - (days - 180) / (3 * 365.0 - 180));
    }

    /**
     * Two weeks or more to respond is fresh; a challenge closing today still counts half.
     */
    static double closingFreshness(LocalDate closingDate, LocalDate today) {
        if (closingDate == null) {
            return 0;
        }
        long days = ChronoUnit.DAYS.between(today, closingDate);
        return days < 0 ? 0 : 0.5 + 0.5 * clamp(days / 14.0);
    }

    static int score(MatchReasons.ScoreParts parts, RankingMode mode) {
        return score(parts, mode, false);
    }

    /**
     * {@code requirementsStated}: the challenge has requirements, so how well they are
     * evidenced weighs most.
     */
    static int score(MatchReasons.ScoreParts parts, RankingMode mode, boolean requirementsStated) {
        double relevance = mode != RankingMode.HYBRID
                ? 0.8 * parts.text() + 0.1 * parts.taxonomy() + 0.1 * parts.evidence()
                : requirementsStated
                        ? 0.15 * parts.text() + 0.3 * parts.semantic() + 0.35 * parts.requirements()
                                + 0.1 * parts.taxonomy() + 0.1 * parts.evidence()
                        : 0.3 * parts.text() + 0.5 * parts.semantic() + 0.1 * parts.taxonomy() + 0.1 * parts.evidence();
        // freshness scales, never adds: an irrelevant but recently edited profile stays
        // irrelevant
        return (int) Math.round(100 * relevance * (0.9 + 0.1 * parts.freshness()));
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }

}
