package io.launchpad.matching.ranking;

import java.util.List;
import java.util.UUID;

import io.launchpad.matching.indexes.ElasticsearchConnection;
import reactor.core.publisher.Mono;

/**
 * Reads back the embedding a document was indexed with. Matching a published challenge needs its
 * vector, and reading the stored one (a get by id) costs far less than running the model again; the
 * stored version must equal the caller's, so an edit not yet indexed is never matched on stale text.
 */
final class StoredVectors {

    /** The two fields read back; the node leaves vectors out of {@code _source} unless asked. */
    record Stored(Long version, List<Float> embedding) {
    }

    private final ElasticsearchConnection elasticsearch;

    StoredVectors(ElasticsearchConnection elasticsearch) {
        this.elasticsearch = elasticsearch;
    }

    /** The stored vector of document {@code id} at {@code version}; empty when absent, older or newer. */
    Mono<float[]> of(String index, UUID id, long version) {
        if (id == null) {
            return Mono.empty();
        }
        return elasticsearch.call("read a stored embedding", client -> client.get(get -> get
                        .index(index).id(id.toString())
                        .sourceIncludes("version", "embedding")
                        .sourceExcludeVectors(false), Stored.class))
                .filter(response -> response.found() && response.source() != null)
                .map(response -> response.source())
                .filter(stored -> stored.version() != null && stored.version() == version
                        && stored.embedding() != null && !stored.embedding().isEmpty())
                .map(stored -> {
                    float[] vector = new float[stored.embedding().size()];
                    for (int i = 0; i < vector.length; i++) {
                        vector[i] = stored.embedding().get(i);
                    }
                    return vector;
                });
    }
}
