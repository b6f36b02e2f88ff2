package io.launchpad.matching.suppliers;

/**
 * Turns a BM25 score into 0–100 with {@code 100 · s / (s + HALF_WAY)}: a saturating curve that is
 * absolute, not relative to the best hit, so a list of weak candidates stays weak (a profile that
 * shares one common word with a challenge scores low even when it is the only result) and the same
 * profile scores the same for the same challenge whatever else is indexed nearby. {@link #HALF_WAY}
 * is the BM25 score that maps to 50. Measured with the field boosts of {@link SupplierRanker}: a
 * profile sharing one incidental word with a challenge scores 9–14 BM25 (→ 23–31), one covering
 * several of the challenge's terms across its fields about 40 (→ 57). BM25 still depends on the
 * corpus (IDF), so recalibrate this with the benchmark harness on real data.
 */
final class MatchScore {

    static final double HALF_WAY = 30.0;

    private MatchScore() {
    }

    static int of(Double bm25) {
        if (bm25 == null || bm25.isNaN() || bm25 <= 0) {
            return 0;
        }
        return (int) Math.round(100 * bm25 / (bm25 + HALF_WAY));
    }
}
