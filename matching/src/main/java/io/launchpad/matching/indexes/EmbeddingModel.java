package io.launchpad.matching.indexes;

import java.util.List;

/**
 * A sentence-embedding model that ships inside a Maven Central jar (ONNX file and
 * tokenizer on the class path), with how its vectors are made: {@code pooling} of the
 * token vectors and the prefixes its authors trained it with. Asymmetric models want a
 * query told apart from the passage it should find: bge-small-en-v1.5 an instruction on
 * the query side only, e5-small-v2 {@code query: } / {@code passage: } on both. Chosen by
 * {@code launchpad.matching.embedding-model}; the id is recorded in each index's mapping
 * and in every text hash, so vectors of two models are never compared.
 *
 * <p>
 * Models spread cosines differently (on the taxonomy's phrases MiniLM puts unrelated ones
 * at 0.14, bge at 0.48, e5 at 0.78), and the ranking thresholds were set on MiniLM's
 * scale. {@code unrelated} and {@code related} are the model's mean cosine between a
 * query and a passage of different taxonomy categories, and of the same one (measured by
 * {@code EmbeddingCalibrationTest}); {@link #calibrated} maps a cosine linearly so that
 * both land where MiniLM's do. Measured on the taxonomy's own words, not on any
 * evaluation set.
 */
public record EmbeddingModel(String id, String onnx, String tokenizer, Pooling pooling, String queryPrefix,
        String passagePrefix, int dimensions, double unrelated, double related) {

    /** How one vector is made from the token vectors. */
    public enum Pooling {

        /**
         * The average of the real (unpadded) tokens' vectors (sentence-transformers'
         * MiniLM, e5).
         */
        MEAN,
        /** The first token's ([CLS]) vector (bge). */
        CLS

    }

    /**
     * Which side of a search a text is on: what is looked for, or what is looked through.
     */
    public enum Side {

        QUERY, PASSAGE

    }

    public static final EmbeddingModel ALL_MINILM_L6_V2 = new EmbeddingModel("all-minilm-l6-v2-q",
            "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", Pooling.MEAN, "", "", 384, 0.143, 0.377);

    public static final EmbeddingModel BGE_SMALL_EN_V15 = new EmbeddingModel("bge-small-en-v1.5-q",
            "bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json", Pooling.CLS,
            "Represent this sentence for searching relevant passages: ", "", 384, 0.475, 0.613);

    public static final EmbeddingModel E5_SMALL_V2 = new EmbeddingModel("e5-small-v2-q", "e5-small-v2-q.onnx",
            "e5-small-v2-q-tokenizer.json", Pooling.MEAN, "query: ", "passage: ", 384, 0.780, 0.828);

    /**
     * The models this code knows; the jar of each must be on the class path to be used.
     * The API ships MiniLM and bge-small; e5-small's jar is a test dependency only
     * (measured, not better: docs/decisions.md).
     */
    public static final List<EmbeddingModel> KNOWN = List.of(ALL_MINILM_L6_V2, BGE_SMALL_EN_V15, E5_SMALL_V2);

    /** The model that built every index written before models were recorded. */
    public static final EmbeddingModel DEFAULT = ALL_MINILM_L6_V2;

    public EmbeddingModel {
        if (dimensions != Embeddings.DIMENSIONS) {
            // the index templates map 384 dimensions; another size needs new templates,
            // not just a new jar
            throw new IllegalArgumentException("embedding model " + id + " has " + dimensions
                    + " dimensions; the indexes hold " + Embeddings.DIMENSIONS);
        }
    }

    /**
     * {@code cosine} of this model's vectors on the default model's scale (unchanged for
     * the default model).
     */
    public double calibrated(double cosine) {
        if (unrelated == DEFAULT.unrelated && related == DEFAULT.related) {
            return cosine;
        }
        return DEFAULT.unrelated + (cosine - unrelated) * (DEFAULT.related - DEFAULT.unrelated) / (related - unrelated);
    }

    public static EmbeddingModel named(String id) {
        return KNOWN.stream()
            .filter(model -> model.id().equals(id))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("launchpad.matching.embedding-model must be one of "
                    + KNOWN.stream().map(EmbeddingModel::id).toList() + "; was " + id));
    }

    /** What the model reads for {@code text} on {@code side}. */
    String prefixed(String text, Side side) {
        String prefix = side == Side.QUERY ? queryPrefix : passagePrefix;
        return prefix.isEmpty() ? text : prefix + text;
    }
}
