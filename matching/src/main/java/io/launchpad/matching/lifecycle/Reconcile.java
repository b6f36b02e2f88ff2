package io.launchpad.matching.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.launchpad.matching.SearchableSource;
import io.launchpad.matching.indexes.ElasticsearchConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The last step of a reindex: deletes from a rebuilt index every document the system of
 * record no longer holds.
 *
 * <p>
 * The outbox replay covers writes made during the rebuild only while their rows exist,
 * and a candidate removal row is deleted as soon as it is applied (it would be the erased
 * person's last trace). So a candidate read into the new index and then erased or made
 * private before the alias moved had the removal applied to the old index only, and
 * nothing is left to replay: without this step an erased person would stay searchable.
 * Comparing the new index with a fresh read of the record closes that gap for any
 * document that leaves the record, whatever removes it. Today only candidates leave
 * (suppliers, challenges and board roles are never deleted, a closed role is a new
 * version the replay carries), so for them this costs one more read of the record and
 * finds nothing.
 *
 * <p>
 * The index is read first, the record second. A document in the index was committed
 * before it was indexed, so a record read that starts afterwards holds it unless it has
 * really gone; the other order would delete documents created in between. Each delete
 * carries the version the index held, as {@code external_gte}: a newer write that lands
 * meanwhile wins (a conflict, left alone), and the tombstone keeps the old version, so no
 * later version is refused.
 */
final class Reconcile {

    private static final Logger log = LoggerFactory.getLogger(Reconcile.class);

    private static final String VERSION_CONFLICT = "version_conflict_engine_exception";

    private final ElasticsearchConnection elasticsearch;

    private final IndexedIds indexedIds;

    private final int batchSize;

    Reconcile(ElasticsearchConnection elasticsearch, int batchSize) {
        this.elasticsearch = elasticsearch;
        this.indexedIds = new IndexedIds(elasticsearch);
        this.batchSize = batchSize;
    }

    /**
     * Deletes from {@code index} what the record no longer holds for {@code recorded}'s
     * alias; emits how many went.
     */
    Mono<Long> run(RecordedIds recorded, String index, SearchableSource source) {
        return indexedIds.read(index, recorded.idField()).flatMap(indexed -> recorded.read(source).flatMap(inRecord -> {
            List<Map.Entry<String, Long>> gone = new ArrayList<>();
            indexed.versions().forEach((id, version) -> {
                if (!inRecord.containsKey(id)) {
                    gone.add(Map.entry(id, version));
                }
            });
            return delete(recorded.alias(), index, gone)
                // ids only by count: those of erased people must not outlive them in the
                // logs
                .doOnNext(removed -> log.atInfo()
                    .addKeyValue("alias", recorded.alias())
                    .addKeyValue("index", index)
                    .addKeyValue("inIndex", indexed.versions().size())
                    .addKeyValue("inRecord", inRecord.size())
                    .addKeyValue("notInRecord", gone.size())
                    .addKeyValue("removed", removed)
                    .log("Rebuilt index reconciled with the record"));
        }));
    }

    private Mono<Long> delete(String alias, String index, List<Map.Entry<String, Long>> gone) {
        if (gone.isEmpty()) {
            return Mono.just(0L);
        }
        AtomicLong removed = new AtomicLong();
        Map<String, Long> failures = new ConcurrentHashMap<>();
        return Flux.fromIterable(gone)
            .buffer(batchSize)
            .concatMap(batch -> elasticsearch.call("remove from " + index + " what the record no longer holds",
                    client -> client
                        .bulk(bulk -> bulk.operations(batch.stream().map(entry -> deletion(index, entry)).toList()))))
            .doOnNext(response -> response.items().forEach(item -> count(item, removed, failures)))
            // a search right after the reindex must not find what was just removed
            .then(Mono.defer(() -> elasticsearch.call("refresh " + index,
                    client -> client.indices().refresh(r -> r.index(index)))))
            .then(Mono.defer(() -> failures.isEmpty() ? Mono.just(removed.get()) : Mono.error(new IllegalStateException(
                    "Removing from " + alias + " what the record no longer holds failed: " + failures))));
    }

    private static BulkOperation deletion(String index, Map.Entry<String, Long> entry) {
        return BulkOperation.of(op -> op.delete(delete -> delete.index(index)
            .id(entry.getKey())
            .version(entry.getValue())
            .versionType(VersionType.ExternalGte)));
    }

    /**
     * Deleted counts; a conflict (a newer version arrived) or not found (a removal got
     * there first) is nothing to do.
     */
    private static void count(BulkResponseItem item, AtomicLong removed, Map<String, Long> failures) {
        ErrorCause error = item.error();
        if (error == null) {
            if ("deleted".equals(item.result())) {
                removed.incrementAndGet();
            }
        }
        else if (!VERSION_CONFLICT.equals(error.type())) {
            failures.merge(error.type() + ": " + error.reason(), 1L, Long::sum);
        }
    }

}
