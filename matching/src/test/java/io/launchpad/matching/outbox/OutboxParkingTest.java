package io.launchpad.matching.outbox;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.launchpad.matching.ChallengeDocument;
import io.launchpad.matching.MatchingProperties;
import io.launchpad.matching.ParkedOutboxRow;
import io.launchpad.matching.SupplierDocument;
import io.launchpad.matching.Taxonomy;
import io.launchpad.matching.indexes.BoardDocuments;
import io.launchpad.matching.indexes.ElasticsearchConnection;
import io.launchpad.matching.indexes.Embeddings;
import io.launchpad.matching.indexes.IndexNames;
import io.launchpad.matching.indexes.IndexSetup;
import io.launchpad.matching.indexes.IndexedDocuments;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A document Elasticsearch refuses (here a closing date of {@link LocalDate#MAX}, beyond
 * what a {@code date} field can hold: how a far-future or {@code infinity} date stored in
 * PostgreSQL reaches the index) is parked after max-attempts refusals and holds back
 * nothing; an unreachable cluster parks nothing. Real PostgreSQL and Elasticsearch, wired
 * by hand.
 */
@Tag("real")
class OutboxParkingTest {

    private static final int MAX_ATTEMPTS = 3;

    private static final MatchingProperties.Indexer SETTINGS = new MatchingProperties.Indexer(true,
            Duration.ofMillis(100), 20, Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofDays(7), MAX_ATTEMPTS);

    private TestDatabase db;

    private DatabaseClient database;

    private TransactionalOperator transactions;

    private OutboxWriter outbox;

    private IndexNames names;

    private ElasticsearchConnection elasticsearch;

    private ParkedRows parked;

    private OutboxIndexer indexer;

    @BeforeEach
    void setUp() {
        db = RealComponents.freshDatabase();
        database = DatabaseClient.create(db.connectionFactory());
        transactions = TransactionalOperator.create(new R2dbcTransactionManager(db.connectionFactory()));
        outbox = new OutboxWriter(database);
        names = new IndexNames(RealComponents.uniqueIndexPrefix());
        elasticsearch = new ElasticsearchConnection(URI.create(RealComponents.elasticsearchUrl()),
                Duration.ofSeconds(5));
        parked = new ParkedRows(database);
        indexer = indexer(SETTINGS);
    }

    @AfterEach
    void tearDown() {
        elasticsearch.close();
        db.dispose();
    }

    private OutboxIndexer indexer(MatchingProperties.Indexer settings) {
        IndexSetup indexes = new IndexSetup(elasticsearch, names);
        return new OutboxIndexer(database, transactions, new BulkSend(elasticsearch, indexes, names,
                new IndexedDocuments(new Embeddings(), Taxonomy.housing()), new BoardDocuments(new Embeddings())),
                parked, settings);
    }

    @Test
    void aRejectedDocumentIsParkedAfterMaxAttemptsWithoutHoldingBackItsBatchOrLaterRows() throws Exception {
        SupplierDocument before = Documents.supplier("Before Ltd", "written before", "sensors");
        ChallengeDocument poison = closingAtTheEndOfTime(
                Documents.challenge("Far future", "closes at the end of time", "poison"));
        SupplierDocument after = Documents.supplier("After Ltd", "written after", "repairs");
        // one transaction, so the three rows go out in the same bulk request
        transactions
            .transactional(outbox.supplierChanged(before)
                .then(outbox.challengeChanged(poison))
                .then(outbox.supplierChanged(after)))
            .block();

        OutboxIndexer.Batch first = indexer.drainOnce().block();

        assertThat(first.claimed()).isEqualTo(3);
        assertThat(first.done()).as("the good rows of the batch went through").isEqualTo(2);
        assertThat(first.rejected()).isEqualTo(1);
        assertThat(first.parked()).isZero();
        assertThat(indexed(names.suppliers(), before.id())).isTrue();
        assertThat(indexed(names.suppliers(), after.id())).isTrue();
        Map<String, Object> row = row(poison.id());
        assertThat(row).containsEntry("rejections", 1)
            .containsEntry("attempts", 1)
            .containsEntry("parked_at", null)
            .containsEntry("processed_at", null);
        assertThat((String) row.get("last_error")).contains("closing_date");

        awaitParked(poison.id());

        row = row(poison.id());
        assertThat(row).containsEntry("rejections", MAX_ATTEMPTS)
            .containsEntry("attempts", MAX_ATTEMPTS)
            .containsEntry("processed_at", null);
        assertThat(row.get("parked_at")).isNotNull();
        assertThat(indexed(names.challenges(), poison.id())).isFalse();
        long parkedId = (Long) row.get("id");
        assertThat(parked.list(0, 10).collectList().block()).singleElement().satisfies(view -> {
            assertThat(view.id()).isEqualTo(parkedId);
            assertThat(view.aggregateType()).isEqualTo("challenge");
            assertThat(view.aggregateId()).isEqualTo(poison.id());
            assertThat(view.rejections()).isEqualTo(MAX_ATTEMPTS);
            assertThat(view.lastError()).contains("closing_date");
            assertThat(view.parkedAt()).isNotNull();
        });
        assertThat(parked.count().block()).isEqualTo(1);
        assertThat(parked.lastKnownCount()).isEqualTo(1);
        assertThat(parked.parkedSinceStart()).isEqualTo(1);

        // parked, it is never claimed again, and a row written after it goes straight
        // through
        // a sleep, not a wait: the backoff must really pass, or the row would be skipped
        // for its backoff alone
        Thread.sleep(SETTINGS.maxBackoff().toMillis() * 2);
        SupplierDocument later = Documents.supplier("Later Ltd", "written after the parking", "damp");
        transactions.transactional(outbox.supplierChanged(later)).block();
        OutboxIndexer.Batch afterParking = indexer.drainOnce().block();
        assertThat(afterParking.claimed()).isEqualTo(1);
        assertThat(afterParking.done()).isEqualTo(1);
        assertThat(indexed(names.suppliers(), later.id())).isTrue();
        assertThat(row(poison.id())).containsEntry("rejections", MAX_ATTEMPTS);

        // re-queued: pending again with nothing counted, and refused again since nothing
        // was fixed
        assertThat(parked.retry(parkedId).block()).isTrue();
        assertThat(row(poison.id())).containsEntry("parked_at", null)
            .containsEntry("rejections", 0)
            .containsEntry("attempts", 0);
        assertThat(parked.count().block()).isZero();
        OutboxIndexer.Batch retried = indexer.drainOnce().block();
        assertThat(retried.claimed()).isEqualTo(1);
        assertThat(retried.rejected()).isEqualTo(1);
        awaitParked(poison.id());
        assertThat(parked.parkedSinceStart()).isEqualTo(2);

        // the cause fixed in the row, then re-queued: indexed and processed
        database.sql(
                "update matching_outbox set payload = jsonb_set(payload, '{closingDate}', '\"2031-01-31\"') where id = :id")
            .bind("id", parkedId)
            .fetch()
            .rowsUpdated()
            .block();
        assertThat(parked.retry(parkedId).block()).isTrue();
        indexer.drainUntilIdle().block();
        assertThat(indexed(names.challenges(), poison.id())).isTrue();
        assertThat(row(poison.id()).get("processed_at")).isNotNull();
        assertThat(parked.retry(parkedId).block()).as("no longer parked").isFalse();
        assertThat(parked.discard(parkedId).block()).isFalse();
    }

    @Test
    void aNewerVersionIndexedResolvesTheParkedOneAndDiscardDeletesARow() {
        OutboxIndexer parkAtOnce = indexer(new MatchingProperties.Indexer(true, Duration.ofMillis(100), 20,
                Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofDays(7), 1));
        ChallengeDocument poison = closingAtTheEndOfTime(
                Documents.challenge("Fixed later", "closes at the end of time", "poison"));
        ChallengeDocument discarded = closingAtTheEndOfTime(
                Documents.challenge("Discarded", "closes at the end of time", "poison"));
        transactions.transactional(outbox.challengeChanged(poison).then(outbox.challengeChanged(discarded))).block();

        OutboxIndexer.Batch batch = parkAtOnce.drainOnce().block();
        assertThat(batch.parked()).isEqualTo(2);
        assertThat(parked.count().block()).isEqualTo(2);

        // the owner corrects the date: version 2 is indexed, and the parked version 1 has
        // nothing left to do
        ChallengeDocument corrected = new ChallengeDocument(poison.id(), poison.organisationId(),
                poison.organisationName(), poison.title(), poison.summary(), poison.description(), poison.categories(),
                poison.regions(), poison.status(), LocalDate.now().plusDays(10), 2, poison.updatedAt(),
                poison.requiredAccreditations());
        transactions.transactional(outbox.challengeChanged(corrected)).block();
        parkAtOnce.drainUntilIdle().block();

        assertThat(indexed(names.challenges(), poison.id())).isTrue();
        assertThat(parked.list(0, 10).map(ParkedOutboxRow::aggregateId).collectList().block())
            .containsExactly(discarded.id());

        long discardedRow = parked.list(0, 10).blockFirst().id();
        assertThat(parked.discard(discardedRow).block()).isTrue();
        assertThat(parked.count().block()).isZero();
        assertThat(database.sql("select count(*) as n from matching_outbox where aggregate_id = :id")
            .bind("id", discarded.id())
            .map(r -> r.get("n", Long.class))
            .one()
            .block()).isZero();
    }

    @Test
    void aPayloadThisReleaseCannotReadWaitsAloneAndIsNeverParked() {
        OutboxIndexer parkAtOnce = indexer(new MatchingProperties.Indexer(true, Duration.ofMillis(100), 20,
                Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofDays(7), 1));
        UUID id = UUID.randomUUID();
        database
            .sql("insert into matching_outbox (aggregate_type, aggregate_id, aggregate_version, payload) "
                    + "values ('supplier', :id, 1, cast(:payload as jsonb))")
            .bind("id", id)
            .bind("payload", "{\"id\": \"not a uuid\", \"version\": \"one\"}")
            .fetch()
            .rowsUpdated()
            .block();
        SupplierDocument good = Documents.supplier("Readable Ltd", "fine", "fine");
        transactions.transactional(outbox.supplierChanged(good)).block();

        OutboxIndexer.Batch batch = parkAtOnce.drainOnce().block();

        // a newer release may read it (rolling upgrade): postponed, not counted as
        // Elasticsearch's refusal
        assertThat(batch.done()).isEqualTo(1);
        assertThat(batch.failed()).isEqualTo(1);
        assertThat(batch.parked()).isZero();
        assertThat(indexed(names.suppliers(), good.id())).isTrue();
        Map<String, Object> row = row(id);
        assertThat(row).containsEntry("attempts", 1).containsEntry("rejections", 0).containsEntry("parked_at", null);
        assertThat((String) row.get("last_error")).startsWith("unreadable payload");
    }

    @Test
    void whileElasticsearchIsDownNothingIsParkedHoweverManyAttemptsFail() {
        OutboxIndexer parkAtFirstRefusal = indexer(new MatchingProperties.Indexer(true, Duration.ofMillis(100), 20,
                Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofDays(7), 1));
        new IndexSetup(elasticsearch, names).ready().block();
        List<SupplierDocument> suppliers = List.of(Documents.supplier("Offline A", "down", "down"),
                Documents.supplier("Offline B", "down", "down"));
        try {
            RealComponents.stopElasticsearch();
            suppliers.forEach(supplier -> transactions.transactional(outbox.supplierChanged(supplier)).block());
            for (int attempt = 1; attempt <= 3; attempt++) {
                await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> parkAtFirstRefusal.drainOnce().block().claimed() > 0);
            }
            List<Map<String, Object>> rows = database
                .sql("select attempts, rejections, parked_at, processed_at from matching_outbox")
                .fetch()
                .all()
                .collectList()
                .block();
            assertThat(rows).hasSize(2).allSatisfy(row -> {
                assertThat((Integer) row.get("attempts")).isEqualTo(3);
                assertThat(row).containsEntry("rejections", 0)
                    .containsEntry("parked_at", null)
                    .containsEntry("processed_at", null);
            });
            assertThat(parked.count().block()).isZero();
            assertThat(parked.parkedSinceStart()).isZero();
        }
        finally {
            RealComponents.restartElasticsearch();
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            parkAtFirstRefusal.drainUntilIdle().block();
            return suppliers.stream().allMatch(supplier -> indexed(names.suppliers(), supplier.id()));
        });
        assertThat(parked.count().block()).isZero();
    }

    private static ChallengeDocument closingAtTheEndOfTime(ChallengeDocument challenge) {
        return new ChallengeDocument(challenge.id(), challenge.organisationId(), challenge.organisationName(),
                challenge.title(), challenge.summary(), challenge.description(), challenge.categories(),
                challenge.regions(), challenge.status(), LocalDate.MAX, challenge.version(), challenge.updatedAt(),
                challenge.requiredAccreditations());
    }

    private void awaitParked(UUID aggregateId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            indexer.drainOnce().block();
            return row(aggregateId).get("parked_at") != null;
        });
    }

    private Map<String, Object> row(UUID aggregateId) {
        return database.sql("""
                select id, attempts, rejections, last_error, parked_at, processed_at
                from matching_outbox where aggregate_id = :id order by id desc limit 1""")
            .bind("id", aggregateId)
            .fetch()
            .one()
            .block();
    }

    private boolean indexed(String alias, UUID id) {
        return elasticsearch.call("get", client -> client.get(get -> get.index(alias).id(id.toString()), Map.class))
            .block()
            .found();
    }

}
