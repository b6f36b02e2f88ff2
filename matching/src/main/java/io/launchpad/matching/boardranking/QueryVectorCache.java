package io.launchpad.matching.boardranking;

import java.util.LinkedHashMap;
import java.util.Map;

import io.launchpad.matching.indexes.Embeddings;

/**
 * Query embeddings, least recently used first out: the same role or profile is matched on every
 * page view, and one model run costs more than the Elasticsearch round trips together.
 */
final class QueryVectorCache {

    static final int CAPACITY = 1_000;

    private final Embeddings embeddings;
    private final Map<String, float[]> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CAPACITY;
        }
    };

    QueryVectorCache(Embeddings embeddings) {
        this.embeddings = embeddings;
    }

    /** Null when there is no text. */
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
