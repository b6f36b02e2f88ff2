package io.launchpad.matching.ranking;

import java.util.LinkedHashMap;
import java.util.Map;

import io.launchpad.matching.indexes.Embeddings;

/**
 * Query embeddings with a small LRU cache: the same challenge is matched again and again (each page
 * view), and one model run costs more than both Elasticsearch round trips together.
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

    /** Null when there is no text. */
    public float[] of(String text) {
        synchronized (cache) {
            float[] known = cache.get(text);
            if (known != null) {
                return known;
            }
        }
        float[] vector = embeddings.embed(text);
        if (vector != null) {
            synchronized (cache) {
                cache.put(text, vector);
            }
        }
        return vector;
    }
}
