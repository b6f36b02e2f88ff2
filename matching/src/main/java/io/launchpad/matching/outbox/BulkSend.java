package io.launchpad.matching.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.launchpad.matching.ChallengeDocument;
import io.launchpad.matching.SupplierDocument;
import io.launchpad.matching.indexes.BoardDocuments;
import io.launchpad.matching.indexes.BulkItemVerdict;
import io.launchpad.matching.indexes.ElasticsearchConnection;
import io.launchpad.matching.indexes.IndexNames;
import io.launchpad.matching.indexes.IndexSetup;
import io.launchpad.matching.indexes.IndexedChallenge;
import io.launchpad.matching.indexes.IndexedDocuments;
import io.launchpad.matching.indexes.IndexedSupplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;
import java.util.Iterator;

/**
 * Sends claimed rows to Elasticsearch in one bulk request. Each document carries its
 * aggregate version as an external version, so Elasticsearch keeps the newest whatever
 * order rows arrive in; a version conflict means the index already holds this version or
 * a newer one, which is success.
 *
 * <p>
 * Each row gets its own verdict ({@link BulkItemVerdict}): a document Elasticsearch
 * refuses is a rejection of that row alone, while the rest of the batch goes through; a
 * cluster that cannot be reached, or answers the whole request with an error, fails every
 * row of the batch without rejecting any, because nothing was said about the documents.
 *
 * <p>
 * A row this instance cannot read or convert is set aside from its batch too, but only
 * postponed, never rejected: during a rolling upgrade an older instance meets rows
 * written by a newer one, which the newer instances index fine.
 */
final class BulkSend {

    /**
     * Rows sent (indexed or already superseded), rows that failed for a reason that
     * passes with time (grouped by the reason), and rows whose document was refused (row
     * id → why).
     */
    record Outcome(List<Long> done, Map<String, List<Long>> failed, Map<Long, String> rejected) {

        int failedCount() {
            return failed.values().stream().mapToInt(List::size).sum() + rejected.size();
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

    /** A row and its bulk operation. */
    private record Sendable(OutboxRow row, BulkOperation operation) {
    }

    /** Never fails: an unreachable cluster is an outcome in which every row failed. */
    Mono<Outcome> send(List<OutboxRow> rows) {
        Map<Long, String> rejected = new LinkedHashMap<>();
        Map<String, List<Long>> unusable = new LinkedHashMap<>();
        List<OutboxRow> readable = new ArrayList<>();
        for (OutboxRow row : rows) {
            try {
                // read once here to set aside what this release cannot read, before the
                // batch is embedded
                payloads.readValue(row.payload(), row.type().payloadType());
                readable.add(row);
            }
            catch (RuntimeException unreadable) {
                // a payload this release cannot read stays in the outbox, visible, for a
                // later release or an operator
                unusable.computeIfAbsent("unreadable payload: " + unreadable.getMessage(), reason -> new ArrayList<>())
                    .add(row.id());
            }
        }
        if (readable.isEmpty()) {
            return Mono.just(new Outcome(List.of(), unusable, rejected));
        }
        // embeddings are CPU work: off the event loop, one model call for the batch
        return Mono.fromCallable(() -> sendables(readable, unusable))
            .subscribeOn(Schedulers.boundedElastic())
            .flatMap(sendables -> {
                if (sendables.isEmpty()) {
                    return Mono.just(new Outcome(List.of(), unusable, rejected));
                }
                // require_alias: a write must never auto-create a concrete index under an
                // alias name
                BulkRequest request = BulkRequest.of(bulk -> bulk.requireAlias(true)
                    .operations(sendables.stream().map(Sendable::operation).toList()));
                return indexes.ready()
                    .then(elasticsearch.call("index " + sendables.size() + " documents",
                            client -> client.bulk(request)))
                    .map(response -> outcome(sendables, response, unusable, rejected))
                    .onErrorResume(error -> Mono
                        .just(new Outcome(List.of(), with(unusable, ElasticsearchConnection.describe(error),
                                sendables.stream().map(s -> s.row().id()).toList()), rejected)));
            })
            .onErrorResume(error -> Mono.just(new Outcome(List.of(),
                    with(unusable, ElasticsearchConnection.describe(error),
                            readable.stream()
                                .map(OutboxRow::id)
                                .filter(id -> unusable.values().stream().noneMatch(ids -> ids.contains(id)))
                                .toList()),
                    rejected)));
    }

    private static Map<String, List<Long>> with(Map<String, List<Long>> failed, String reason, List<Long> ids) {
        Map<String, List<Long>> all = new LinkedHashMap<>(failed);
        all.computeIfAbsent(reason, ignored -> new ArrayList<>()).addAll(ids);
        return all;
    }

    /**
     * The batch converted in one go; when that throws, row by row, so the one row this
     * release cannot convert is postponed alone instead of failing its whole batch on
     * every attempt.
     */
    private List<Sendable> sendables(List<OutboxRow> rows, Map<String, List<Long>> unusable) {
        try {
            return zip(rows, operations(rows));
        }
        catch (RuntimeException batchFailed) {
            List<Sendable> sendables = new ArrayList<>(rows.size());
            for (OutboxRow row : rows) {
                try {
                    sendables.add(new Sendable(row, operations(List.of(row)).getFirst()));
                }
                catch (RuntimeException failed) {
                    unusable.computeIfAbsent("document could not be built: " + failed, reason -> new ArrayList<>())
                        .add(row.id());
                }
            }
            return sendables;
        }
    }

    private static List<Sendable> zip(List<OutboxRow> rows, List<BulkOperation> operations) {
        List<Sendable> sendables = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            sendables.add(new Sendable(rows.get(i), operations.get(i)));
        }
        return sendables;
    }

    /**
     * One operation per row, in row order; all embeddings of the batch come from one
     * model call.
     */
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
        Iterator<IndexedSupplier> indexedSuppliers = documents.suppliers(suppliers).iterator();
        Iterator<IndexedChallenge> indexedChallenges = documents.challenges(challenges).iterator();
        List<BulkOperation> operations = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            String id = row.aggregateId().toString();
            operations.add(switch (row.type()) {
                case SUPPLIER -> {
                    IndexedSupplier document = indexedSuppliers.next();
                    yield BulkOperation.of(op -> op.index(index -> index.index(names.suppliers())
                        .id(id)
                        .version(row.aggregateVersion())
                        .versionType(VersionType.External)
                        .document(document)));
                }
                case CHALLENGE -> {
                    IndexedChallenge document = indexedChallenges.next();
                    yield BulkOperation.of(op -> op.index(index -> index.index(names.challenges())
                        .id(id)
                        .version(row.aggregateVersion())
                        .versionType(VersionType.External)
                        .document(document)));
                }
                default -> board.operation(row);
            });
        }
        return operations;
    }

    private static Outcome outcome(List<Sendable> sent, BulkResponse response, Map<String, List<Long>> unusable,
            Map<Long, String> rejected) {
        List<Long> done = new ArrayList<>();
        Map<String, List<Long>> failed = new LinkedHashMap<>(unusable);
        List<BulkResponseItem> items = response.items();
        for (int i = 0; i < sent.size(); i++) {
            BulkResponseItem item = items.get(i);
            long id = sent.get(i).row().id();
            switch (BulkItemVerdict.of(item)) {
                case ACCEPTED -> done.add(id);
                case REJECTED -> rejected.put(id, BulkItemVerdict.describe(item.error()));
                case UNAVAILABLE ->
                    failed.computeIfAbsent(BulkItemVerdict.describe(item.error()), reason -> new ArrayList<>()).add(id);
            }
        }
        return new Outcome(done, failed, rejected);
    }

}
