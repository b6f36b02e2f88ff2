package io.launchpad.matching.suppliers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MatchScoreTest {

    @Test
    void noEvidenceScoresZero() {
        assertThat(MatchScore.of(null)).isZero();
        assertThat(MatchScore.of(0.0)).isZero();
        assertThat(MatchScore.of(Double.NaN)).isZero();
    }

    @Test
    void theHalfWayScoreMapsToFiftyAndTheCurveSaturatesBelowAHundred() {
        assertThat(MatchScore.of(MatchScore.HALF_WAY)).isEqualTo(50);
        assertThat(MatchScore.of(MatchScore.HALF_WAY / 3)).isEqualTo(25);
        assertThat(MatchScore.of(MatchScore.HALF_WAY * 3)).isEqualTo(75);
        assertThat(MatchScore.of(1e9)).isEqualTo(100);
        assertThat(MatchScore.of(MatchScore.HALF_WAY * 50)).isLessThan(100);
    }

    @Test
    void moreEvidenceNeverScoresLower() {
        int previous = 0;
        for (double bm25 = 0.5; bm25 < 500; bm25 *= 1.3) {
            int score = MatchScore.of(bm25);
            assertThat(score).isGreaterThanOrEqualTo(previous);
            previous = score;
        }
    }
}
