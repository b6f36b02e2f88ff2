package io.launchpad.matching.ranking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.launchpad.matching.MatchReasons.ScoreParts;
import io.launchpad.matching.RankingMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The re-rank's curves and weights: where each ingredient starts, saturates and how the
 * score combines them.
 */
class ScoringTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private static final LocalDate TODAY = LocalDate.parse("2026-06-01");

    @Test
    void keywordRelevanceIsZeroWithoutAScoreAndHalfAtTheCalibrationPointNeverReachingOne() {
        assertThat(Scoring.text(null)).isZero();
        assertThat(Scoring.text(Double.NaN)).isZero();
        assertThat(Scoring.text(0.0)).isZero();
        assertThat(Scoring.text(-3.0)).isZero();
        assertThat(Scoring.text(30.0)).isEqualTo(0.5);
        assertThat(Scoring.text(10.0)).isLessThan(Scoring.text(11.0));
        assertThat(Scoring.text(1e9)).isLessThan(1.0).isGreaterThan(0.99);
    }

    @Test
    void meaningCountsNothingUpToTheFloorAndEverythingFromFullAgreement() {
        assertThat(Scoring.semantic(null)).isZero();
        assertThat(Scoring.semantic(Double.NaN)).isZero();
        assertThat(Scoring.semantic(-0.2)).isZero();
        assertThat(Scoring.semantic(0.15)).isZero();
        assertThat(Scoring.semantic(0.40)).isCloseTo(0.5, within(1e-9));
        assertThat(Scoring.semantic(0.65)).isCloseTo(1.0, within(1e-9));
        assertThat(Scoring.semantic(0.95)).isEqualTo(1.0);
    }

    @Test
    void closenessWordsChangeExactlyAtTheirThresholdsAndAreUnusedInKeywordMode() {
        assertThat(Scoring.closeness(0.85, RankingMode.HYBRID)).isEqualTo("strong");
        assertThat(Scoring.closeness(0.8499, RankingMode.HYBRID)).isEqualTo("moderate");
        assertThat(Scoring.closeness(0.6, RankingMode.HYBRID)).isEqualTo("moderate");
        assertThat(Scoring.closeness(0.5999, RankingMode.HYBRID)).isEqualTo("weak");
        assertThat(Scoring.closeness(0.001, RankingMode.HYBRID)).isEqualTo("weak");
        assertThat(Scoring.closeness(0, RankingMode.HYBRID)).isEqualTo("none");
        assertThat(Scoring.closeness(1, RankingMode.BM25)).isEqualTo("not-used");
    }

    @Test
    void categoriesAreAShareOfTheChallengesAndNothingWhenItHasNone() {
        assertThat(Scoring.taxonomy(List.of(), List.of())).isZero();
        assertThat(Scoring.taxonomy(List.of("a", "b", "c", "d"), List.of("a", "c"))).isEqualTo(0.5);
        assertThat(Scoring.taxonomy(List.of("a"), List.of("a"))).isEqualTo(1.0);
    }

    @Test
    void pilotEvidenceSaturatesAtThree() {
        assertThat(Scoring.evidence(0)).isZero();
        assertThat(Scoring.evidence(1)).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(Scoring.evidence(3)).isEqualTo(1.0);
        assertThat(Scoring.evidence(12)).isEqualTo(1.0);
    }

    @Test
    void aProfileIsFreshForSixMonthsThenFadesToNothingAtThreeYears() {
        assertThat(Scoring.profileFreshness(null, NOW)).isZero();
        assertThat(Scoring.profileFreshness(NOW.minus(Duration.ofDays(180)), NOW)).isEqualTo(1.0);
        assertThat(Scoring.profileFreshness(NOW.minus(Duration.ofDays(181)), NOW)).isLessThan(1.0).isGreaterThan(0.99);
        assertThat(Scoring.profileFreshness(NOW.minus(Duration.ofDays(3 * 365)), NOW)).isZero();
        assertThat(Scoring.profileFreshness(NOW.minus(Duration.ofDays(5 * 365)), NOW)).isZero();
        // updated "in the future" (clock skew) is simply fresh
        assertThat(Scoring.profileFreshness(NOW.plus(Duration.ofDays(2)), NOW)).isEqualTo(1.0);
    }

    @Test
    void aChallengeClosingTodayCountsHalfTwoWeeksAheadFullyAndAClosedOneNothing() {
        assertThat(Scoring.closingFreshness(null, TODAY)).isZero();
        assertThat(Scoring.closingFreshness(TODAY.minusDays(1), TODAY)).isZero();
        assertThat(Scoring.closingFreshness(TODAY, TODAY)).isEqualTo(0.5);
        assertThat(Scoring.closingFreshness(TODAY.plusDays(7), TODAY)).isEqualTo(0.75);
        assertThat(Scoring.closingFreshness(TODAY.plusDays(14), TODAY)).isEqualTo(1.0);
        assertThat(Scoring.closingFreshness(TODAY.plusDays(90), TODAY)).isEqualTo(1.0);
    }

    @Test
    void freshnessScalesTheScoreButNeverMakesAMatchOnItsOwn() {
        assertThat(Scoring.score(parts(1, 1, 1, 1, 1, 0), RankingMode.HYBRID)).isEqualTo(100);
        assertThat(Scoring.score(parts(1, 1, 1, 1, 0, 0), RankingMode.HYBRID)).isEqualTo(90);
        assertThat(Scoring.score(parts(0, 0, 0, 0, 1, 0), RankingMode.HYBRID)).isZero();
    }

    @Test
    void meaningWeighsHalfInHybridModeAndNothingInKeywordMode() {
        ScoreParts meaningOnly = parts(0, 1, 0, 0, 1, 0);
        assertThat(Scoring.score(meaningOnly, RankingMode.HYBRID)).isEqualTo(50);
        assertThat(Scoring.score(meaningOnly, RankingMode.BM25)).isZero();
        ScoreParts keywordsOnly = parts(1, 0, 0, 0, 1, 0);
        assertThat(Scoring.score(keywordsOnly, RankingMode.HYBRID)).isEqualTo(30);
        assertThat(Scoring.score(keywordsOnly, RankingMode.BM25)).isEqualTo(80);
    }

    @Test
    void evidencedRequirementsCountOnlyWhenTheChallengeStatesThem() {
        ScoreParts requirementsOnly = parts(0, 0, 0, 0, 1, 1);
        assertThat(Scoring.score(requirementsOnly, RankingMode.HYBRID, true)).isEqualTo(35);
        assertThat(Scoring.score(requirementsOnly, RankingMode.HYBRID, false)).isZero();
        // with requirements stated, meaning gives way to them: 0.3 instead of 0.5
        assertThat(Scoring.score(parts(0, 1, 0, 0, 1, 0), RankingMode.HYBRID, true)).isEqualTo(30);
    }

    private static ScoreParts parts(double text, double semantic, double taxonomy, double evidence, double freshness,
            double requirements) {
        return new ScoreParts(text, semantic, taxonomy, evidence, freshness, 1.0, requirements);
    }

}
