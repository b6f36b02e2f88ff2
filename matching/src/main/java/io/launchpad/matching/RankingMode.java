package io.launchpad.matching;

/**
 * How candidates are found. {@link #HYBRID} (the default) fuses a BM25 list with a kNN
 * list over MiniLM embeddings, so a challenge finds profiles that say the same thing in
 * other words; {@link #BM25} uses the keyword list alone (with synonyms) and gives
 * semantic closeness no weight, kept so benchmarks can measure what the embeddings add.
 */
public enum RankingMode {

    HYBRID, BM25

}
