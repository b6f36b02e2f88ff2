package io.launchpad.matching.ranking;

import java.util.LinkedHashMap;
import java.util.Map;

import io.launchpad.matching.indexes.EmbeddingModel;
import io.launchpad.matching.indexes.Embeddings;
import org.jspecify.annotations.Nullable;

/**
 * Query embeddings with a small LRU cache: the same challenge is matched again and again
 * (each page view), and one model run costs more than both Elasticsearch round trips
 * together.
 */
public final class QueryVectors {

    static final int CAPACITY = 2_000;

    private final Embeddings embeddings;

    private final Map<String, float[]> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CAPACITY;
        }
    };

    public QueryVectors(Embeddings embeddings) {
        this.embeddings = embeddings;
    }

    /** The model that makes these vectors (and whose cosines are calibrated by it). */
    public EmbeddingModel model() {
        return embeddings.model();
    }

    /** The query-side vector of {@code text}; null when there is no text. */
    public float @Nullable [] of(String text) {
        return of(text, EmbeddingModel.Side.QUERY);
    }

    /**
     * The hash a query-side vector of {@code text} is stored under
     * ({@link Embeddings#hash}).
     */
    public @Nullable String hash(String text) {
        return embeddings.hash(text, EmbeddingModel.Side.QUERY);
    }

    /**
     * The passage-side vector, as the index would hold it for a profile not indexed yet;
     * null when there is no text.
     */
    public float @Nullable [] passage(String text) {
        return of(text, EmbeddingModel.Side.PASSAGE);
    }

    private float @Nullable [] of(String text, EmbeddingModel.Side side) {
        String key = side == EmbeddingModel.Side.QUERY ? "q|" + text : "p|" + text;
        synchronized (cache) {
            float[] known = cache.get(key);
            if (known != null) {
                return known;
            }
        }
        float[] vector = embeddings.embed(text, side);
        if (vector != null) {
            synchronized (cache) {
                cache.put(key, vector);
            }
        }
        return vector;
    }

}
