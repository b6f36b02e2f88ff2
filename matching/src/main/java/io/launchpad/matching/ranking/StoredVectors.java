package io.launchpad.matching.ranking;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.launchpad.matching.indexes.ElasticsearchConnection;
import io.launchpad.matching.indexes.Embeddings;
import io.launchpad.matching.indexes.KnownVectors;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Reads back the embedding a document was indexed with. Matching a published challenge
 * needs its vector, and reading the stored one (a get by id) costs far less than running
 * the model again; the stored version must equal the caller's, so an edit not yet indexed
 * is never matched on stale text.
 */
final class StoredVectors {

    /**
     * The fields read back; the node leaves vectors out of {@code _source} unless asked.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Stored(@Nullable Long version, @Nullable List<Float> embedding,
            @Nullable List<StoredRequirement> requirements) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StoredRequirement(@Nullable String textHash, @Nullable List<Float> embedding) {
    }

    /**
     * A challenge's own vector and its requirements' vectors by text hash (none for an
     * index from before schema 4).
     */
    record Vectors(float[] embedding, KnownVectors requirements) {
    }

    private final ElasticsearchConnection elasticsearch;

    StoredVectors(ElasticsearchConnection elasticsearch) {
        this.elasticsearch = elasticsearch;
    }

    /**
     * The stored vectors of document {@code id} at {@code version}; empty when absent,
     * older or newer.
     */
    Mono<Vectors> of(String index, UUID id, long version) {
        if (id == null) {
            return Mono.empty();
        }
        return elasticsearch
            .call("read a stored embedding",
                    client -> client.get(get -> get.index(index)
                        .id(id.toString())
                        .sourceIncludes("version", "embedding", "requirements.text_hash", "requirements.embedding")
                        .sourceExcludeVectors(false), Stored.class))
            .filter(response -> response.found() && response.source() != null)
            .map(response -> response.source())
            .filter(stored -> stored.version() != null && stored.version() == version && stored.embedding() != null
                    && !stored.embedding().isEmpty())
            .map(stored -> {
                Map<String, float[]> requirements = new HashMap<>();
                if (stored.requirements() != null) {
                    stored.requirements()
                        .stream()
                        .filter(requirement -> requirement.textHash() != null && requirement.embedding() != null)
                        .forEach(requirement -> requirements.put(requirement.textHash(),
                                Embeddings.vector(requirement.embedding())));
                }
                return new Vectors(Embeddings.vector(stored.embedding()), KnownVectors.of(requirements));
            });
    }

}
