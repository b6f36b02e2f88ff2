package io.launchpad.matching.indexes;

import org.jspecify.annotations.Nullable;

import java.util.Map;

/**
 * Vectors already computed, by {@link Embeddings#hash text hash}: what a document's
 * previous version holds in the live index. A text whose hash is known is not run through
 * the model again, so a reindex or an edit re-embeds only text that changed.
 */
@FunctionalInterface
public interface KnownVectors {

    KnownVectors NONE = hash -> null;

    /** The vector stored under {@code hash}, or null. */
    float @Nullable [] vector(String hash);

    static KnownVectors of(Map<String, float[]> byHash) {
        return byHash.isEmpty() ? NONE : byHash::get;
    }

}
