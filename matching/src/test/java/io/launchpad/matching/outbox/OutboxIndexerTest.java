package io.launchpad.matching.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import co.elastic.clients.elasticsearch.core.GetResponse;
import io.launchpad.matching.MatchingProperties;
import io.launchpad.matching.SupplierDocument;
import io.launchpad.matching.indexes.ElasticsearchConnection;
import io.launchpad.matching.indexes.IndexNames;
import io.launchpad.matching.indexes.IndexSetup;
import io.launchpad.matching.indexes.IndexedSupplier;
import io.launchpad.matching.testing.Documents;
import io.launchpad.matching.testing.RealComponents;
import io.launchpad.matching.testing.RealComponents.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import io.launchpad.matching.Taxonomy;
import io.launchpad.matching.indexes.BoardDocuments;
import io.launchpad.matching.indexes.Embeddings;
import io.launchpad.matching.indexes.IndexedDocuments;
import java.net.URI;

/**
 * The outbox and its indexer against real PostgreSQL and Elasticsearch, wired by hand.
 */
@Tag("real")
class OutboxIndexerTest {

    private static final MatchingProperties.Indexer SETTINGS = new MatchingProperties.Indexer(true,
            Duration.ofMillis(100), 20, Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofDays(7), 5);

    private TestDatabase db;

    private DatabaseClient database;

    private TransactionalOperator transactions;

    private OutboxWriter outbox;

    private IndexNames names;

    private ElasticsearchConnection elasticsearch;

    private IndexSetup indexes;

    @BeforeEach
    void setUp() {
        db = RealComponents.freshDatabase();
        database = DatabaseClient.create(db.connectionFactory());
        transactions = TransactionalOperator.create(new R2dbcTransactionManager(db.connectionFactory()));
        outbox = new OutboxWriter(database);
        names = new IndexNames(RealComponents.uniqueIndexPrefix());
        elasticsearch = new ElasticsearchConnection(URI.create(RealComponents.elasticsearchUrl()),
                Duration.ofSeconds(5));
        indexes = new IndexSetup(elasticsearch, names);
    }

    @AfterEach
    void tearDown() {
        elasticsearch.close();
        db.dispose();
    }

    private OutboxIndexer indexer() {
        return indexer(SETTINGS);
    }

    private OutboxIndexer indexer(MatchingProperties.Indexer settings) {
        return new OutboxIndexer(database, transactions, new BulkSend(elasticsearch, indexes, names,
                new IndexedDocuments(new Embeddings(), Taxonomy.housing()), new BoardDocuments(new Embeddings())),
                new ParkedRows(database), settings);
    }

    @Test
    void rowIsWrittenInTheCallersTransactionAndRolledBackWithIt() {
        SupplierDocument kept = Documents.supplier("Kept Ltd", "kept", "kept");
        SupplierDocument rolledBack = Documents.supplier("Gone Ltd", "gone", "gone");

        transactions.transactional(outbox.supplierChanged(kept)).block();
        Mono<Void> failingBusinessWrite = outbox.supplierChanged(rolledBack)
            .then(Mono.error(new IllegalStateException("business rule broken after the outbox write")));
        transactions.transactional(failingBusinessWrite)
            .onErrorResume(IllegalStateException.class, e -> Mono.empty())
            .block();

        assertThat(aggregateIdsInOutbox()).containsExactly(kept.id());
        Map<String, Object> row = database.sql(
                "select aggregate_type, aggregate_version, payload ->> 'name' as name, attempts, processed_at from matching_outbox")
            .fetch()
            .one()
            .block();
        assertThat(row).containsEntry("aggregate_type", "supplier")
            .containsEntry("aggregate_version", 1L)
            .containsEntry("name", "Kept Ltd")
            .containsEntry("attempts", 0)
            .containsEntry("processed_at", null);
    }

    @Test
    void indexerDrainsTheOutboxIntoTheIndexes() {
        SupplierDocument supplier = Documents.supplier("Damp Sense", "Sensors for homes", "condensation monitoring");
        var challenge = Documents.challenge("Black mould", "Reduce mould", "Tenants report mould every winter", "damp");
        transactions.transactional(outbox.supplierChanged(supplier).then(outbox.challengeChanged(challenge))).block();

        OutboxIndexer indexer = indexer();
        indexer.drainUntilIdle().block();

        assertThat(indexer.rowsDone()).isEqualTo(2);
        assertThat(pendingRows()).isZero();
        GetResponse<IndexedSupplier> indexed = getSupplier(supplier.id());
        assertThat(indexed.found()).isTrue();
        assertThat(indexed.index()).isEqualTo(names.suppliers() + "-v1");
        assertThat(indexed.source().text().capabilities()).isEqualTo("condensation monitoring");
        assertThat(indexed.source().published()).isTrue();
        assertThat(
                elasticsearch
                    .call("get",
                            client -> client.get(get -> get.index(names.challenges()).id(challenge.id().toString()),
                                    Map.class))
                    .block()
                    .found())
            .isTrue();
    }

    @Test
    void anOlderVersionNeverOverwritesANewerOne() {
        UUID id = UUID.randomUUID();
        SupplierDocument newer = Documents.supplier(id, 2, "Newer name", "new", "new");
        SupplierDocument older = Documents.supplier(id, 1, "Older name", "old", "old");
        // the newer change reaches the outbox first, as it may when two transactions
        // commit out of order
        transactions.transactional(outbox.supplierChanged(newer)).block();
        transactions.transactional(outbox.supplierChanged(older)).block();

        OutboxIndexer indexer = indexer();
        indexer.drainUntilIdle().block();

        GetResponse<IndexedSupplier> indexed = getSupplier(id);
        assertThat(indexed.version()).isEqualTo(2L);
        assertThat(indexed.source().text().name()).isEqualTo("Newer name");
        // the stale row counts as done: it must not be retried forever
        assertThat(pendingRows()).isZero();
        assertThat(indexer.rowsDone()).isEqualTo(2);
    }

    @Test
    void twoIndexersDrainingTogetherIndexEveryRowExactlyOnce() {
        int rows = 300;
        Flux.range(0, rows)
            .concatMap(i -> transactions.transactional(
                    outbox.supplierChanged(Documents.supplier("Supplier " + i, "summary " + i, "capabilities " + i))))
            .blockLast();
        indexes.ready().block();

        OutboxIndexer first = indexer();
        OutboxIndexer second = indexer();
        Mono.when(drainUntilEmpty(first), drainUntilEmpty(second)).block(Duration.ofMinutes(2));

        assertThat(first.rowsDone() + second.rowsDone()).isEqualTo(rows);
        assertThat(first.rowsDone()).as("first indexer did some of the work").isPositive();
        assertThat(second.rowsDone()).as("second indexer did some of the work").isPositive();
        assertThat(pendingRows()).isZero();
        assertThat(supplierCount()).isEqualTo(rows);
    }

    private Mono<Void> drainUntilEmpty(OutboxIndexer indexer) {
        // a drain that claims nothing may only mean the other indexer holds the rest:
        // stop when none is pending
        return indexer.drainOnce().then(pending()).repeat().takeUntil(pending -> pending == 0).then();
    }

    @Test
    void whileElasticsearchIsDownWritesSucceedRowsWaitWithBackoffAndNothingIsLost() {
        indexes.ready().block();
        List<SupplierDocument> suppliers = IntStream.range(0, 5)
            .mapToObj(i -> Documents.supplier("Offline " + i, "written while the index is down", "repairs"))
            .toList();
        OutboxIndexer indexer = indexer(new MatchingProperties.Indexer(true, Duration.ofMillis(100), 20,
                Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofDays(7), 5));
        try {
            RealComponents.stopElasticsearch();

            Flux.fromIterable(suppliers)
                .concatMap(s -> transactions.transactional(outbox.supplierChanged(s)))
                .blockLast();
            OutboxIndexer.Batch failed = indexer.drainOnce().block();

            assertThat(failed.claimed()).isEqualTo(5);
            assertThat(failed.failed()).isEqualTo(5);
            List<Map<String, Object>> waiting = database.sql("""
                    select attempts, last_error, processed_at, next_attempt_at > now() as postponed
                    from matching_outbox order by id""").fetch().all().collectList().block();
            assertThat(waiting).hasSize(5).allSatisfy(row -> {
                assertThat(row).containsEntry("attempts", 1)
                    .containsEntry("processed_at", null)
                    .containsEntry("postponed", true);
                assertThat((String) row.get("last_error")).contains("Elasticsearch could not");
            });
            assertThat(indexer.drainOnce().block().claimed()).as("postponed rows are not retried at once").isZero();
        }
        finally {
            RealComponents.restartElasticsearch();
        }

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            indexer.drainUntilIdle().block();
            return pendingRows() == 0;
        });
        assertThat(supplierCount()).isEqualTo(5);
        assertThat(indexer.rowsDone()).isEqualTo(5);
    }

    @Test
    void processedRowsAreDeletedOnlyAfterTheRetentionPeriod() {
        transactions.transactional(outbox.supplierChanged(Documents.supplier("Kept a while", "kept", "kept"))).block();
        indexer().drainUntilIdle().block();
        assertThat(aggregateIdsInOutbox()).as("kept for the default 7 days").hasSize(1);

        OutboxIndexer noRetention = indexer(new MatchingProperties.Indexer(true, Duration.ofMillis(100), 20,
                Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ZERO, 5));
        transactions.transactional(outbox.supplierChanged(Documents.supplier("Pending", "pending", "pending"))).block();
        noRetention.drainUntilIdle().block();

        assertThat(aggregateIdsInOutbox()).as("both processed, both past a zero retention").isEmpty();
        assertThat(supplierCount()).isEqualTo(2);
    }

    private List<UUID> aggregateIdsInOutbox() {
        return database.sql("select aggregate_id from matching_outbox order by id")
            .map(row -> row.get("aggregate_id", UUID.class))
            .all()
            .collectList()
            .block();
    }

    private long pendingRows() {
        return pending().block();
    }

    private Mono<Long> pending() {
        return database.sql("select count(*) as pending from matching_outbox where processed_at is null")
            .map(row -> row.get("pending", Long.class))
            .one();
    }

    private GetResponse<IndexedSupplier> getSupplier(UUID id) {
        return elasticsearch
            .call("get",
                    client -> client.get(get -> get.index(names.suppliers()).id(id.toString()), IndexedSupplier.class))
            .block();
    }

    private long supplierCount() {
        elasticsearch.call("refresh", client -> client.indices().refresh(refresh -> refresh.index(names.suppliers())))
            .block();
        return elasticsearch.call("count", client -> client.count(count -> count.index(names.suppliers())))
            .block()
            .count();
    }

}
