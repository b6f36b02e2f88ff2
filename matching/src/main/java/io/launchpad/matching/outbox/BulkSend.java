package io.launchpad.matching.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.launchpad.matching.ChallengeDocument;
import io.launchpad.matching.SupplierDocument;
import io.launchpad.matching.indexes.BoardDocuments;
import io.launchpad.matching.indexes.ElasticsearchConnection;
import io.launchpad.matching.indexes.IndexNames;
import io.launchpad.matching.indexes.IndexSetup;
import io.launchpad.matching.indexes.IndexedChallenge;
import io.launchpad.matching.indexes.IndexedDocuments;
import io.launchpad.matching.indexes.IndexedSupplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends claimed rows to Elasticsearch in one bulk request. Each document carries its aggregate
 * version as an external version, so Elasticsearch keeps the newest whatever order rows arrive in;
 * a version conflict means the index already holds this version or a newer one, which is success.
 */
final class BulkSend {

    private static final String VERSION_CONFLICT = "version_conflict_engine_exception";

    /** Rows sent (indexed or already superseded) and rows that failed, grouped by the reason. */
    record Outcome(List<Long> done, Map<String, List<Long>> failed) {

        int failedCount() {
            return failed.values().stream().mapToInt(List::size).sum();
        }
    }

    private final ElasticsearchConnection elasticsearch;
    private final IndexSetup indexes;
    private final IndexNames names;
    private final IndexedDocuments documents;
    private final BoardDocuments boardDocuments;
    private final JsonMapper payloads = PayloadJson.mapper();

    BulkSend(ElasticsearchConnection elasticsearch, IndexSetup indexes, IndexNames names, IndexedDocuments documents,
             BoardDocuments boardDocuments) {
        this.elasticsearch = elasticsearch;
        this.indexes = indexes;
        this.names = names;
        this.documents = documents;
        this.boardDocuments = boardDocuments;
    }

    /** Never fails: an unreachable cluster is an outcome in which every row failed. */
    Mono<Outcome> send(List<OutboxRow> rows) {
        Map<String, List<Long>> failed = new LinkedHashMap<>();
        List<OutboxRow> readable = new ArrayList<>();
        for (OutboxRow row : rows) {
            try {
                // read once here to set aside what this release cannot read, before the batch is embedded
                payloads.readValue(row.payload(), row.type().payloadType());
                readable.add(row);
            } catch (RuntimeException unreadable) {
                // a payload this release cannot read stays in the outbox, visible, for a later release or an operator
                failed.computeIfAbsent("unreadable payload: " + unreadable.getMessage(), reason -> new ArrayList<>()).add(row.id());
            }
        }
        if (readable.isEmpty()) {
            return Mono.just(new Outcome(List.of(), failed));
        }
        // embeddings are CPU work: off the event loop, one model call for the batch
        return Mono.fromCallable(() -> operations(readable))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(operations -> {
                    // require_alias: a write must never auto-create a concrete index under an alias name
                    BulkRequest request = BulkRequest.of(bulk -> bulk.requireAlias(true).operations(operations));
                    return indexes.ready()
                            .then(elasticsearch.call("index " + operations.size() + " documents", client -> client.bulk(request)));
                })
                .map(response -> outcome(readable, response, failed))
                .onErrorResume(error -> {
                    Map<String, List<Long>> all = new LinkedHashMap<>(failed);
                    all.put(ElasticsearchConnection.describe(error), readable.stream().map(OutboxRow::id).toList());
                    return Mono.just(new Outcome(List.of(), all));
                });
    }

    /** One operation per row, in row order; all embeddings of the batch come from one model call. */
    private List<BulkOperation> operations(List<OutboxRow> rows) {
        List<SupplierDocument> suppliers = new ArrayList<>();
        List<ChallengeDocument> challenges = new ArrayList<>();
        BoardOperations board = new BoardOperations(boardDocuments, names, payloads);
        for (OutboxRow row : rows) {
            switch (row.type()) {
                case SUPPLIER -> suppliers.add(payloads.readValue(row.payload(), SupplierDocument.class));
                case CHALLENGE -> challenges.add(payloads.readValue(row.payload(), ChallengeDocument.class));
                default -> board.collect(row);
            }
        }
        board.convert();
        java.util.Iterator<IndexedSupplier> indexedSuppliers = documents.suppliers(suppliers).iterator();
        java.util.Iterator<IndexedChallenge> indexedChallenges = documents.challenges(challenges).iterator();
        List<BulkOperation> operations = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            String id = row.aggregateId().toString();
            operations.add(switch (row.type()) {
                case SUPPLIER -> {
                    IndexedSupplier document = indexedSuppliers.next();
                    yield BulkOperation.of(op -> op.index(index -> index.index(names.suppliers()).id(id)
                            .version(row.aggregateVersion()).versionType(VersionType.External).document(document)));
                }
                case CHALLENGE -> {
                    IndexedChallenge document = indexedChallenges.next();
                    yield BulkOperation.of(op -> op.index(index -> index.index(names.challenges()).id(id)
                            .version(row.aggregateVersion()).versionType(VersionType.External).document(document)));
                }
                default -> board.operation(row);
            });
        }
        return operations;
    }

    private static Outcome outcome(List<OutboxRow> sent, BulkResponse response, Map<String, List<Long>> failed) {
        List<Long> done = new ArrayList<>();
        List<BulkResponseItem> items = response.items();
        for (int i = 0; i < sent.size(); i++) {
            BulkResponseItem item = items.get(i);
            ErrorCause error = item.error();
            if (error == null || VERSION_CONFLICT.equals(error.type())) {
                done.add(sent.get(i).id());
            } else {
                failed.computeIfAbsent(error.type() + ": " + error.reason(), reason -> new ArrayList<>()).add(sent.get(i).id());
            }
        }
        return new Outcome(done, failed);
    }
}
