package io.launchpad.matching.indexes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vectors the documents' previous versions hold in the live indexes, by
 * {@link Embeddings#hash text hash}: a reindex or an edit re-embeds only text that
 * changed. Running the model is most of what indexing costs (each supplier is its whole
 * text plus up to 32 passages); reading a batch's old vectors back is one search. The
 * live index is the cache: it holds exactly the vectors in use, for every document, with
 * nothing to size or expire, and a vector of another model never matches because the
 * model id is part of the hash.
 */
public interface PreviousVectors {

    /**
     * Nothing known: every text is embedded (tests, tools that build documents without a
     * cluster).
     */
    PreviousVectors NONE = new PreviousVectors() {
        @Override
        public KnownVectors suppliers(List<UUID> ids) {
            return KnownVectors.NONE;
        }

        @Override
        public KnownVectors challenges(List<UUID> ids) {
            return KnownVectors.NONE;
        }
    };

    KnownVectors suppliers(List<UUID> ids);

    KnownVectors challenges(List<UUID> ids);

    /**
     * Read from the indexes behind {@code names}' aliases (during a reindex: the old
     * ones, still live).
     */
    static PreviousVectors in(ElasticsearchConnection elasticsearch, IndexNames names) {
        return new InIndexes(elasticsearch, names);
    }

    final class InIndexes implements PreviousVectors {

        private static final Logger log = LoggerFactory.getLogger(PreviousVectors.class);

        /**
         * A lookup that takes longer than this is abandoned: embedding the batch is the
         * fallback, never a failure.
         */
        private static final long WAIT_SECONDS = 10;

        private final ElasticsearchConnection elasticsearch;

        private final IndexNames names;

        InIndexes(ElasticsearchConnection elasticsearch, IndexNames names) {
            this.elasticsearch = elasticsearch;
            this.names = names;
        }

        @JsonIgnoreProperties(ignoreUnknown = true)
        record Stored(@Nullable String textHash, @Nullable List<Float> embedding,
                @Nullable List<StoredPassage> passages, @Nullable List<StoredPassage> requirements) {
        }

        @JsonIgnoreProperties(ignoreUnknown = true)
        record StoredPassage(@Nullable String textHash, @Nullable List<Float> embedding) {
        }

        @Override
        public KnownVectors suppliers(List<UUID> ids) {
            return read(names.suppliers(), ids,
                    List.of("text_hash", "embedding", "passages.text_hash", "passages.embedding"));
        }

        @Override
        public KnownVectors challenges(List<UUID> ids) {
            return read(names.challenges(), ids,
                    List.of("text_hash", "embedding", "requirements.text_hash", "requirements.embedding"));
        }

        /**
         * Blocks (callers are already off the event loop, doing CPU work); any failure
         * means nothing known.
         */
        private KnownVectors read(String alias, List<UUID> ids, List<String> fields) {
            if (ids.isEmpty()) {
                return KnownVectors.NONE;
            }
            try {
                SearchResponse<Stored> found = elasticsearch.client()
                    .search(search -> search.index(alias)
                        .query(query -> query.ids(i -> i.values(ids.stream().map(UUID::toString).toList())))
                        .size(ids.size())
                        // dense_vector values are kept out of _source by default: ask for
                        // them back
                        .source(source -> source.filter(filter -> filter.includes(fields).excludeVectors(false))),
                            Stored.class)
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
                Map<String, float[]> byHash = new HashMap<>();
                found.hits().hits().forEach(hit -> {
                    Stored stored = hit.source();
                    if (stored == null) {
                        return;
                    }
                    put(byHash, stored.textHash(), stored.embedding());
                    if (stored.passages() != null) {
                        stored.passages().forEach(passage -> put(byHash, passage.textHash(), passage.embedding()));
                    }
                    if (stored.requirements() != null) {
                        stored.requirements()
                            .forEach(requirement -> put(byHash, requirement.textHash(), requirement.embedding()));
                    }
                });
                return KnownVectors.of(byHash);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return KnownVectors.NONE;
            }
            catch (Exception e) {
                // a missing alias, an index from before text hashes, a slow cluster:
                // embed as if new
                log.atDebug()
                    .addKeyValue("alias", alias)
                    .addKeyValue("error", ElasticsearchConnection.describe(e))
                    .log("Previous vectors not read; the batch is embedded in full");
                return KnownVectors.NONE;
            }
        }

        private static void put(Map<String, float[]> byHash, @Nullable String hash, @Nullable List<Float> embedding) {
            if (hash == null || embedding == null || embedding.size() != Embeddings.DIMENSIONS) {
                return;
            }
            byHash.put(hash, Embeddings.vector(embedding));
        }

    }

}
