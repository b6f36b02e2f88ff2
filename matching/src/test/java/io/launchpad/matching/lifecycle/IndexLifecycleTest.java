package io.launchpad.matching.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import co.elastic.clients.elasticsearch._types.VersionType;
import io.launchpad.matching.BoardOutbox;
import io.launchpad.matching.BoardRoleForMatching;
import io.launchpad.matching.CandidateForMatching;
import io.launchpad.matching.ChallengeDocument;
import io.launchpad.matching.ConsistencyReport;
import io.launchpad.matching.ConsistencyReport.Difference;
import io.launchpad.matching.ConsistencyReport.Kind;
import io.launchpad.matching.IndexLifecycle;
import io.launchpad.matching.Outbox;
import io.launchpad.matching.ReindexReport;
import io.launchpad.matching.SearchableSource;
import io.launchpad.matching.SupplierDocument;
import io.launchpad.matching.SupplierMatching;
import io.launchpad.matching.indexes.ElasticsearchConnection;
import io.launchpad.matching.indexes.IndexNames;
import io.launchpad.matching.indexes.IndexedDocuments;
import io.launchpad.matching.testing.BoardDocumentsForTests;
import io.launchpad.matching.testing.Documents;
import io.launchpad.matching.testing.MatchingApp;
import io.launchpad.matching.testing.OlderIndexes;
import io.launchpad.matching.indexes.IndexSetup;
import io.launchpad.matching.testing.RealComponents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import io.launchpad.matching.ReindexInProgressException;
import io.launchpad.matching.indexes.BoardDocuments;
import io.r2dbc.spi.Connection;
import java.time.LocalDate;
import org.assertj.core.api.Assertions;

/**
 * Reindex, alias swap and consistency check against the real PostgreSQL (outbox) and
 * Elasticsearch, through the public beans. The source of record is a list here (the API
 * streams it from its tables).
 */
@Tag("real")
class IndexLifecycleTest {

    private RealComponents.TestDatabase db;

    private ConfigurableApplicationContext app;

    private ListSource source;

    private IndexNames names;

    private ElasticsearchConnection elasticsearch;

    private Outbox outbox;

    private TransactionalOperator transactions;

    /**
     * The system of record as a list; {@code beforeSecondHalf} runs while the reindex
     * streams it.
     */
    static final class ListSource implements SearchableSource {

        volatile List<SupplierDocument> suppliers = List.of();

        volatile List<ChallengeDocument> challenges = List.of();

        volatile List<CandidateForMatching> candidates = List.of();

        volatile List<BoardRoleForMatching> roles = List.of();

        volatile Supplier<Mono<Void>> beforeSecondHalf = Mono::empty;

        @Override
        public Flux<SupplierDocument> suppliers() {
            List<SupplierDocument> snapshot = suppliers;
            int half = snapshot.size() / 2;
            return Flux.concat(Flux.fromIterable(snapshot.subList(0, half)), Mono.defer(() -> beforeSecondHalf.get())
                .thenMany(Flux.fromIterable(snapshot.subList(half, snapshot.size()))));
        }

        @Override
        public Flux<ChallengeDocument> challenges() {
            return Flux.fromIterable(challenges);
        }

        /**
         * Runs once the candidates stream has emitted every candidate, before it
         * completes.
         */
        volatile Supplier<Mono<Void>> afterCandidates = Mono::empty;

        @Override
        public Flux<CandidateForMatching> candidates() {
            return Flux.concat(Flux.fromIterable(candidates),
                    Mono.defer(() -> afterCandidates.get()).then(Mono.empty()));
        }

        @Override
        public Flux<BoardRoleForMatching> boardRoles() {
            return Flux.fromIterable(roles);
        }

    }

    @BeforeEach
    void start(TestInfo test) {
        db = RealComponents.freshDatabase();
        source = new ListSource();
        // the old indexes' grace matters only to the test that queries across the swap;
        // the others need not wait for it
        String grace = test.getTestMethod()
            .map(method -> method.getName().equals("reindexSwapsAliasesWhileQueriesRunAndKeepsWritesMadeDuringIt"))
            .orElse(false) ? "2s" : "100ms";
        String prefix = RealComponents.uniqueIndexPrefix();
        app = new SpringApplicationBuilder(MatchingApp.class).web(WebApplicationType.NONE)
            .initializers(
                    context -> ((GenericApplicationContext) context).registerBean(SearchableSource.class, () -> source))
            .properties("spring.main.banner-mode=off", "spring.r2dbc.url=" + db.r2dbcUrl(),
                    "spring.r2dbc.username=" + db.username(), "spring.r2dbc.password=" + db.password(),
                    "launchpad.matching.elasticsearch-url=" + RealComponents.elasticsearchUrl(),
                    "launchpad.matching.index-prefix=" + prefix,
                    // queries must not fail because of the swap; on a shared 2-core
                    // machine the embedding load slows them
                    "launchpad.matching.request-timeout=10s", "launchpad.matching.indexer.poll-interval=100ms",
                    "launchpad.matching.reindex-grace=" + grace)
            .run();
        names = new IndexNames(prefix);
        elasticsearch = app.getBean(ElasticsearchConnection.class);
        outbox = app.getBean(Outbox.class);
        transactions = TransactionalOperator.create(app.getBean(ReactiveTransactionManager.class));
    }

    @AfterEach
    void stop() {
        app.close();
        db.dispose();
    }

    @Test
    void reindexSwapsAliasesWhileQueriesRunAndKeepsWritesMadeDuringIt() throws Exception {
        List<SupplierDocument> profiles = IntStream.range(0, 400)
            .mapToObj(i -> Documents.supplier("Supplier " + i, "Damp and mould surveys " + i,
                    "Condensation sensors, repairs " + i))
            .toList();
        writeThroughOutbox(profiles);
        ChallengeDocument challenge = Documents.challenge("Black mould in bathrooms", "damp homes",
                "sensors for condensation");
        source.suppliers = profiles;
        source.challenges = List.of(challenge);
        SupplierMatching matching = app.getBean(SupplierMatching.class);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> indexedCount(names.suppliers()) == 400);
        List<String> before = physical(names.suppliers());
        assertThat(before).containsExactly(names.suppliers() + "-v1");

        // writes the snapshot does not hold: a renamed profile and a new one, indexed
        // into the OLD index before the swap
        SupplierDocument renamed = withName(profiles.get(0), "Renamed During Reindex", 2);
        SupplierDocument added = Documents.supplier("Added During Reindex", "Retrofit", "Heat pumps");
        List<SupplierDocument> recordAfterWrites = new ArrayList<>(profiles);
        recordAfterWrites.set(0, renamed);
        recordAfterWrites.add(added);
        // once: the record then holds the writes (the reconcile after the replay reads it
        // again)
        source.beforeSecondHalf = () -> transactions
            .transactional(outbox.supplierChanged(renamed).then(outbox.supplierChanged(added)))
            .doOnSuccess(committed -> {
                source.beforeSecondHalf = Mono::empty;
                source.suppliers = recordAfterWrites;
            })
            .then(Mono.defer(() -> pendingOutboxRows())
                .repeatWhenEmpty(10_000, ticks -> ticks.delayElements(Duration.ofMillis(50)))
                .filter(pending -> pending == 0)
                .repeatWhenEmpty(10_000, ticks -> ticks.delayElements(Duration.ofMillis(50))))
            .then();

        AtomicBoolean reindexing = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Thread queries = Thread.ofPlatform().start(() -> {
            while (reindexing.get()) {
                try {
                    List<?> found = matching.suppliersFor(challenge, 10).block(Duration.ofSeconds(60));
                    if (found == null || found.size() != 10) {
                        failures.add(new AssertionError(
                                "expected 10 matches, got " + (found == null ? null : found.size())));
                    }
                    answered.incrementAndGet();
                }
                catch (RuntimeException e) {
                    failures.add(e);
                }
            }
        });

        ReindexReport report;
        try {
            report = app.getBean(IndexLifecycle.class).reindex().block(Duration.ofMinutes(2));
            // reindex() returns once the old index is deleted: queries that started after
            // that must answer too
            int answeredAtDeletion = answered.get();
            await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> answered.get() >= answeredAtDeletion + 3);
        }
        finally {
            reindexing.set(false);
            queries.join();
        }

        assertThat(failures).isEmpty();
        assertThat(answered.get()).isGreaterThan(5);
        assertThat(report.indexes()).extracting(ReindexReport.RebuiltIndex::alias)
            .containsExactly(names.suppliers(), names.challenges(), names.candidates(), names.boardRoles());
        var suppliers = report.indexes().getFirst();
        assertThat(suppliers.alias()).isEqualTo(names.suppliers());
        assertThat(suppliers.previousIndex()).isEqualTo(names.suppliers() + "-v1");
        assertThat(suppliers.newIndex()).startsWith(names.suppliers() + "-v1-");
        assertThat(suppliers.documents()).isEqualTo(400);
        assertThat(report.replayed()).isGreaterThanOrEqualTo(2);
        assertThat(report.indexes()).extracting(ReindexReport.RebuiltIndex::removed).containsOnly(0L);
        assertThat(physical(names.suppliers())).containsExactly(suppliers.newIndex());
        assertThat(physical(names.challenges())).containsExactly(report.indexes().get(1).newIndex());
        assertThat(exists(names.suppliers() + "-v1")).isFalse();

        // the writes made during the rebuild are in the new index, at their new version
        assertThat(indexedVersion(names.suppliers(), renamed.id())).isEqualTo(2L);
        assertThat(indexedVersion(names.suppliers(), added.id())).isEqualTo(1L);
        assertThat(indexedCount(names.suppliers())).isEqualTo(401);

        // and the outbox keeps writing through the alias into the new index
        SupplierDocument after = Documents.supplier("Written After Swap", "Telecare", "Pendant alarms");
        writeThroughOutbox(List.of(after));
        await().atMost(Duration.ofSeconds(30)).until(() -> indexedVersion(names.suppliers(), after.id()) != null);

        List<SupplierDocument> record = new ArrayList<>(recordAfterWrites);
        record.add(after);
        source.suppliers = record;
        ConsistencyReport consistency = app.getBean(IndexLifecycle.class)
            .checkConsistency()
            .block(Duration.ofMinutes(1));
        assertThat(consistency.differences()).isEmpty();
        assertThat(consistency.consistent()).isTrue();
        assertThat(consistency.indexes().getFirst().inIndex()).isEqualTo(402);
    }

    @Test
    void aRebuiltIndexIsMergedIntoOneSegmentBeforeItServes() throws Exception {
        String index = names.suppliers() + "-merge-check";
        assertThat(OlderIndexes.send("PUT", "/" + index, "{\"settings\":{\"refresh_interval\":\"-1\"}}").statusCode())
            .isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            // each refresh writes the documents so far as a segment of its own
            OlderIndexes.send("PUT", "/" + index + "/_doc/" + i, "{\"n\":" + i + "}");
            OlderIndexes.send("POST", "/" + index + "/_refresh", null);
        }
        assertThat(segments(index)).isEqualTo(3);

        Reindex reindex = new Reindex(elasticsearch, app.getBean(IndexSetup.class), names,
                app.getBean(DatabaseClient.class), app.getBean(IndexedDocuments.class),
                app.getBean(BoardDocuments.class), new Reindex.Settings(500, 64, 1, Duration.ofSeconds(2)));
        reindex.merge(names.suppliers(), index).block(Duration.ofMinutes(1));

        assertThat(segments(index)).isEqualTo(1);
        // a merge that cannot run (no such index) leaves the reindex going
        reindex.merge(names.suppliers(), index + "-missing").block(Duration.ofMinutes(1));
    }

    private static int segments(String index) throws Exception {
        String listed = OlderIndexes.send("GET", "/_cat/segments/" + index + "?h=segment", null).body();
        return (int) listed.lines().filter(line -> !line.isBlank()).count();
    }

    @Test
    void aReindexRunningOnAnotherInstanceIsRefusedHereUntilItEnds() {
        IndexLifecycle lifecycle = app.getBean(IndexLifecycle.class);
        // another instance's reindex: its session holds the advisory lock on a connection
        // of its own
        Connection otherInstance = Mono.from(db.connectionFactory().create()).block();
        try {
            assertThat(lockQuery(otherInstance, "select pg_try_advisory_lock(" + ReindexLock.KEY + ")")).isTrue();

            Assertions.assertThatThrownBy(() -> lifecycle.reindex().block())
                .isInstanceOf(ReindexInProgressException.class);

            assertThat(lockQuery(otherInstance, "select pg_advisory_unlock(" + ReindexLock.KEY + ")")).isTrue();
        }
        finally {
            Mono.from(otherInstance.close()).block();
        }
        assertThat(lifecycle.reindex().block()).isNotNull();
        // and this run gave the lock back: the other instance can take it now
        Connection later = Mono.from(db.connectionFactory().create()).block();
        try {
            assertThat(lockQuery(later, "select pg_try_advisory_lock(" + ReindexLock.KEY + ")")).isTrue();
        }
        finally {
            Mono.from(later.close()).block();
        }
    }

    private static Boolean lockQuery(Connection connection, String sql) {
        return Mono.from(connection.createStatement(sql).execute())
            .flatMap(result -> Mono.from(result.map((row, metadata) -> row.get(0, Boolean.class))))
            .block();
    }

    @Test
    void consistencyCheckNamesEveryDifference() {
        List<SupplierDocument> profiles = IntStream.range(0, 20)
            .mapToObj(i -> Documents.supplier("Supplier " + i, "Summary " + i, "Capabilities " + i))
            .toList();
        ChallengeDocument challenge = Documents.challenge("Tenant app", "repairs from a phone", "reporting");
        writeThroughOutbox(profiles);
        transactions.transactional(outbox.challengeChanged(challenge)).block();
        await().atMost(Duration.ofSeconds(60))
            .ignoreExceptions()
            .until(() -> indexedCount(names.suppliers()) == 20 && indexedCount(names.challenges()) == 1);

        SupplierDocument deletedFromIndex = profiles.get(3);
        SupplierDocument changedInDatabase = withName(profiles.get(5), "Changed but never indexed", 7);
        SupplierDocument onlyInIndex = Documents.supplier("Ghost", "Not in the database", "Nothing");
        ChallengeDocument missingChallenge = Documents.challenge("Never indexed", "a challenge", "the outbox lost it");
        elasticsearch.call("delete",
                client -> client.delete(d -> d.index(names.suppliers())
                    .id(deletedFromIndex.id().toString())
                    .refresh(co.elastic.clients.elasticsearch._types.Refresh.True)))
            .block();
        elasticsearch.call("index",
                client -> client.index(i -> i.index(names.suppliers())
                    .id(onlyInIndex.id().toString())
                    .version(1L)
                    .versionType(VersionType.External)
                    .document(app.getBean(IndexedDocuments.class).suppliers(List.of(onlyInIndex)).getFirst())
                    .refresh(co.elastic.clients.elasticsearch._types.Refresh.True)))
            .block();
        List<SupplierDocument> record = new ArrayList<>(profiles);
        record.set(5, changedInDatabase);
        source.suppliers = record;
        source.challenges = List.of(challenge, missingChallenge);

        ConsistencyReport report = app.getBean(IndexLifecycle.class).checkConsistency().block(Duration.ofMinutes(1));

        assertThat(report.consistent()).isFalse();
        assertThat(report.differences()).containsExactlyInAnyOrder(
                new Difference(names.suppliers(), deletedFromIndex.id().toString(), Kind.MISSING_IN_INDEX, 1L, null),
                new Difference(names.suppliers(), changedInDatabase.id().toString(), Kind.STALE_VERSION, 7L, 1L),
                new Difference(names.suppliers(), onlyInIndex.id().toString(), Kind.EXTRA_IN_INDEX, null, 1L),
                new Difference(names.challenges(), missingChallenge.id().toString(), Kind.MISSING_IN_INDEX, 1L, null));
        var suppliers = report.indexes().getFirst();
        assertThat(suppliers.inDatabase()).isEqualTo(20);
        assertThat(suppliers.inIndex()).isEqualTo(20);
        assertThat(suppliers.missing()).isEqualTo(1);
        assertThat(suppliers.extra()).isEqualTo(1);
        assertThat(suppliers.stale()).isEqualTo(1);
        assertThat(suppliers.index()).isEqualTo(names.suppliers() + "-v1");

        // a reindex from the record repairs all of it
        app.getBean(IndexLifecycle.class).reindex().block(Duration.ofMinutes(2));
        assertThat(app.getBean(IndexLifecycle.class).checkConsistency().block(Duration.ofMinutes(1)).differences())
            .isEmpty();
    }

    @Test
    void boardIndexesAreCheckedAndRebuiltAndNeverHoldAPrivateCandidate() {
        BoardOutbox board = app.getBean(BoardOutbox.class);
        var gaps = List.of(BoardDocumentsForTests.skill("data-governance", "practitioner"));
        CandidateForMatching indexed = BoardDocumentsForTests.candidate("matching", "north-east", true, 3, gaps);
        CandidateForMatching notYetIndexed = BoardDocumentsForTests.candidate("public", "north-east", true, 3, gaps);
        CandidateForMatching isPrivate = BoardDocumentsForTests.candidate("private", "north-east", true, 3, gaps);
        CandidateForMatching ghost = BoardDocumentsForTests.candidate("matching", "north-east", true, 3, gaps);
        BoardRoleForMatching role = BoardDocumentsForTests.role("open", LocalDate.now().plusDays(9), "north-east", true,
                gaps);
        BoardRoleForMatching missingRole = BoardDocumentsForTests.role("closed", LocalDate.now().plusDays(9),
                "north-east", true, gaps);
        transactions.transactional(board.candidateChanged(indexed).then(board.boardRoleChanged(role))).block();
        await().atMost(Duration.ofSeconds(60))
            .ignoreExceptions()
            .until(() -> indexedCount(names.candidates()) == 1 && indexedCount(names.boardRoles()) == 1);
        // in the index only, as if its removal had been lost
        elasticsearch.call("index",
                client -> client.index(i -> i.index(names.candidates())
                    .id(ghost.id().toString())
                    .version(1L)
                    .versionType(VersionType.External)
                    .document(app.getBean(BoardDocuments.class).candidates(List.of(ghost)).getFirst())
                    .refresh(co.elastic.clients.elasticsearch._types.Refresh.True)))
            .block();
        source.candidates = List.of(indexed, notYetIndexed, isPrivate);
        source.roles = List.of(role, missingRole);

        ConsistencyReport report = app.getBean(IndexLifecycle.class).checkConsistency().block(Duration.ofMinutes(1));

        assertThat(report.indexes()).extracting(ConsistencyReport.IndexCount::alias)
            .containsExactly(names.suppliers(), names.challenges(), names.candidates(), names.boardRoles());
        assertThat(report.differences()).containsExactlyInAnyOrder(
                new Difference(names.candidates(), notYetIndexed.id().toString(), Kind.MISSING_IN_INDEX, 1L, null),
                new Difference(names.candidates(), ghost.id().toString(), Kind.EXTRA_IN_INDEX, null, 1L),
                new Difference(names.boardRoles(), missingRole.id().toString(), Kind.MISSING_IN_INDEX, 1L, null));

        ReindexReport rebuilt = app.getBean(IndexLifecycle.class).reindex().block(Duration.ofMinutes(2));

        assertThat(rebuilt.indexes().get(2).documents()).isEqualTo(2);
        assertThat(rebuilt.indexes().get(3).documents()).isEqualTo(2);
        assertThat(indexedVersion(names.candidates(), isPrivate.id())).isNull();
        assertThat(indexedVersion(names.candidates(), ghost.id())).isNull();
        assertThat(indexedVersion(names.candidates(), notYetIndexed.id())).isEqualTo(1L);
        assertThat(app.getBean(IndexLifecycle.class).checkConsistency().block(Duration.ofMinutes(1)).consistent())
            .isTrue();

        // a removal written after the rebuild still reaches the new index through the
        // alias
        transactions.transactional(board.candidateDeleted(indexed.id(), 2)).block();
        await().atMost(Duration.ofSeconds(30)).until(() -> indexedVersion(names.candidates(), indexed.id()) == null);
    }

    @Test
    void aCandidateErasedWhileTheRebuildReadsThemIsNotInTheNewIndex() {
        BoardOutbox board = app.getBean(BoardOutbox.class);
        var gaps = List.of(BoardDocumentsForTests.skill("data-governance", "practitioner"));
        CandidateForMatching staying = BoardDocumentsForTests.candidate("matching", "north-east", true, 3, gaps);
        CandidateForMatching erased = BoardDocumentsForTests.candidate("matching", "north-east", true, 3, gaps);
        BoardRoleForMatching role = BoardDocumentsForTests.role("open", LocalDate.now().plusDays(9), "north-east", true,
                gaps);
        transactions.transactional(
                board.candidateChanged(staying).then(board.candidateChanged(erased)).then(board.boardRoleChanged(role)))
            .block();
        await().atMost(Duration.ofSeconds(60))
            .ignoreExceptions()
            .until(() -> indexedCount(names.candidates()) == 2 && indexedCount(names.boardRoles()) == 1);
        source.candidates = List.of(staying, erased);
        source.roles = List.of(role);

        // The race, made deterministic: the rebuild has read the candidate, then the
        // person is erased (row gone
        // from the record) and the indexer applies the removal, through the alias, to the
        // OLD index and deletes
        // the removal row, so the outbox replay after the swap has nothing to replay for
        // them.
        List<String> aliasedDuringErasure = new CopyOnWriteArrayList<>();
        AtomicBoolean stillInOldIndex = new AtomicBoolean(true);
        source.afterCandidates = () -> {
            source.afterCandidates = Mono::empty;
            source.candidates = List.of(staying);
            return transactions.transactional(board.candidateDeleted(erased.id(), 2))
                .then(Mono.defer(() -> outboxRowsAbout(erased.id()))
                    .filter(rows -> rows == 0)
                    .repeatWhenEmpty(10_000, ticks -> ticks.delayElements(Duration.ofMillis(50))))
                .then(elasticsearch.call("alias", client -> client.indices().getAlias(g -> g.name(names.candidates())))
                    .doOnNext(aliases -> aliasedDuringErasure.addAll(aliases.aliases().keySet())))
                .then(elasticsearch
                    .call("get",
                            client -> client.get(g -> g.index(names.candidates()).id(erased.id().toString()),
                                    Map.class))
                    .doOnNext(got -> stillInOldIndex.set(got.found())))
                .then();
        };

        ReindexReport report = app.getBean(IndexLifecycle.class).reindex().block(Duration.ofMinutes(2));

        // the race happened as described: the removal hit the old index, and no row about
        // the person is left to replay
        assertThat(aliasedDuringErasure).containsExactly(names.candidates() + "-v1");
        assertThat(stillInOldIndex.get()).isFalse();
        assertThat(outboxRowsAbout(erased.id()).block()).isZero();
        var candidates = report.indexes().get(2);
        assertThat(candidates.alias()).isEqualTo(names.candidates());
        assertThat(candidates.documents()).isEqualTo(2);
        assertThat(candidates.removed()).isEqualTo(1);
        assertThat(report.indexes()).filteredOn(index -> !index.alias().equals(names.candidates()))
            .extracting(ReindexReport.RebuiltIndex::removed)
            .containsOnly(0L);

        assertThat(physical(names.candidates())).containsExactly(candidates.newIndex());
        assertThat(indexedVersion(names.candidates(), erased.id())).isNull();
        assertThat(indexedVersion(names.candidates(), staying.id())).isEqualTo(1L);
        assertThat(indexedVersion(names.boardRoles(), role.id())).isEqualTo(1L);
        ConsistencyReport consistency = app.getBean(IndexLifecycle.class)
            .checkConsistency()
            .block(Duration.ofMinutes(1));
        assertThat(consistency.differences()).isEmpty();
        assertThat(consistency.consistent()).isTrue();
    }

    @Test
    void theReconcileNeverRemovesAVersionNewerThanTheOneItRead() {
        BoardOutbox board = app.getBean(BoardOutbox.class);
        var gaps = List.of(BoardDocumentsForTests.skill("data-governance", "practitioner"));
        CandidateForMatching staying = BoardDocumentsForTests.candidate("matching", "north-east", true, 3, gaps);
        CandidateForMatching returning = BoardDocumentsForTests.candidate("matching", "north-east", true, 3, gaps);
        CandidateForMatching publicAgain = BoardDocumentsForTests.withVisibility(returning, "matching", 3);
        transactions.transactional(board.candidateChanged(staying).then(board.candidateChanged(returning))).block();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> indexedCount(names.candidates()) == 2);
        source.candidates = List.of(staying, returning);

        // read into the rebuild, then made private (removal applied to the old index and
        // forgotten) ...
        AtomicBoolean racedTheReconcile = new AtomicBoolean();
        Supplier<Mono<Void>> duringReconcile = () -> {
            source.afterCandidates = Mono::empty;
            racedTheReconcile.set(true);
            // ... and public again after the reconcile read the new index and the record,
            // before it deletes
            return transactions.transactional(board.candidateChanged(publicAgain)).then(allOutboxRowsApplied());
        };
        source.afterCandidates = () -> {
            source.afterCandidates = duringReconcile;
            source.candidates = List.of(staying);
            return transactions
                .transactional(board.candidateChanged(BoardDocumentsForTests.withVisibility(returning, "private", 2)))
                .then(Mono.defer(() -> outboxRowsAbout(returning.id()))
                    .filter(rows -> rows == 0)
                    .repeatWhenEmpty(10_000, ticks -> ticks.delayElements(Duration.ofMillis(50))))
                .then();
        };

        ReindexReport report = app.getBean(IndexLifecycle.class).reindex().block(Duration.ofMinutes(2));

        assertThat(racedTheReconcile).isTrue();
        assertThat(report.indexes().get(2).removed()).isZero();
        assertThat(indexedVersion(names.candidates(), returning.id())).isEqualTo(3L);
        source.candidates = List.of(staying, publicAgain);
        assertThat(app.getBean(IndexLifecycle.class).checkConsistency().block(Duration.ofMinutes(1)).differences())
            .isEmpty();
    }

    private Mono<Void> allOutboxRowsApplied() {
        return Mono.defer(this::pendingOutboxRows)
            .filter(pending -> pending == 0)
            .repeatWhenEmpty(10_000, ticks -> ticks.delayElements(Duration.ofMillis(50)))
            .then();
    }

    private Mono<Long> outboxRowsAbout(UUID id) {
        return DatabaseClient.create(db.connectionFactory())
            .sql("select count(*) as n from matching_outbox where aggregate_id = :id")
            .bind("id", id)
            .map(row -> row.get("n", Long.class))
            .one();
    }

    private void writeThroughOutbox(List<SupplierDocument> suppliers) {
        Flux.fromIterable(suppliers)
            .concatMap(s -> transactions.transactional(outbox.supplierChanged(s)), 1)
            .blockLast();
    }

    private static SupplierDocument withName(SupplierDocument s, String name, long version) {
        return new SupplierDocument(s.id(), s.organisationId(), name, s.summary(), s.capabilities(), s.products(),
                s.caseStudies(), s.regions(), s.accreditations(), s.size(), s.published(), version, Instant.now());
    }

    private Mono<Long> pendingOutboxRows() {
        return DatabaseClient.create(db.connectionFactory())
            .sql("select count(*) as n from matching_outbox where processed_at is null")
            .map(row -> row.get("n", Long.class))
            .one();
    }

    private long indexedCount(String alias) {
        elasticsearch.call("refresh", client -> client.indices().refresh(r -> r.index(alias))).block();
        return elasticsearch.call("count", client -> client.count(c -> c.index(alias))).block().count();
    }

    private Long indexedVersion(String alias, UUID id) {
        var got = elasticsearch.call("get", client -> client.get(g -> g.index(alias).id(id.toString()), Map.class))
            .block();
        return got.found() ? got.version() : null;
    }

    private List<String> physical(String alias) {
        return new ArrayList<>(elasticsearch.call("alias", client -> client.indices().getAlias(g -> g.name(alias)))
            .block()
            .aliases()
            .keySet());
    }

    private boolean exists(String index) {
        return elasticsearch.call("exists", client -> client.indices().exists(e -> e.index(index))).block().value();
    }

}
