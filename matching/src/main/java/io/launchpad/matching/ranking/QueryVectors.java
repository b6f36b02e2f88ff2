package io.launchpad.matching.ranking;

import java.util.LinkedHashMap;
import java.util.Map;

import io.launchpad.matching.indexes.Embeddings;

/**
 * Query embeddings with a small LRU cache: the same challenge is matched again and again (each page
 * view), and one model run costs more than both Elasticsearch round trips together.
 */
final class QueryVectors {

    static final int CAPACITY = 2_000;

    private final Embeddings embeddings;
    private final Map<String, float[]> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CAPACITY;
        }
    };

    QueryVectors(Embeddings embeddings) {
        this.embeddings = embeddings;
    }

    float[] of(String text) {
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
