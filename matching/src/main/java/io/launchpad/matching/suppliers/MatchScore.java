package io.launchpad.matching.suppliers;

/**
 * Turns a BM25 score into 0–100 with {@code 100 · s / (s + HALF_WAY)}: a saturating curve that is
 * absolute, not relative to the best hit, so a list of weak candidates stays weak (a profile that
 * shares one common word with a challenge scores low even when it is the only result) and the same
 * profile scores the same for the same challenge whatever else is indexed nearby. {@link #HALF_WAY}
 * is the BM25 score that maps to 50: roughly a profile that matches several distinct challenge
 * terms in its capabilities (calibrated on the test corpus; revisit with the benchmark harness).
 */
final class MatchScore {

    static final double HALF_WAY = 12.0;

    private MatchScore() {
    }

    static int of(Double bm25) {
        if (bm25 == null || bm25.isNaN() || bm25 <= 0) {
            return 0;
        }
        return (int) Math.round(100 * bm25 / (bm25 + HALF_WAY));
    }
}
