package io.launchpad.matching.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.launchpad.matching.BoardRoleForMatching;
import io.launchpad.matching.CandidateForMatching;
import io.launchpad.matching.ChallengeDocument;
import io.launchpad.matching.ReindexReport;
import io.launchpad.matching.ReindexReport.From;
import io.launchpad.matching.ReindexReport.RebuiltIndex;
import io.launchpad.matching.ReindexReport.RejectedDocument;
import io.launchpad.matching.SearchableSource;
import io.launchpad.matching.SupplierDocument;
import io.launchpad.matching.indexes.BoardDocuments;
import io.launchpad.matching.indexes.ElasticsearchConnection;
import io.launchpad.matching.indexes.IndexNames;
import io.launchpad.matching.indexes.IndexSetup;
import io.launchpad.matching.indexes.IndexedDocuments;
import io.launchpad.matching.outbox.CandidateRemoval;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongConsumer;

/**
 * A full rebuild of the matching indexes without downtime.
 *
 * <p>
 * For each alias: create a new physical index {@code <alias>-v<schema>-<generation>} (the
 * template applies, refresh off while loading), stream every document from the
 * {@link SearchableSource} into it with the {@code BulkIngester}, turn refresh back on,
 * then move the alias in ONE {@code _aliases} call (remove from the old index + add to
 * the new one), which Elasticsearch applies atomically: a search resolves the alias to
 * the old index or to the new one, never to neither. The old index is deleted after a
 * short grace period so searches already running on it can finish.
 *
 * <p>
 * <b>Writes made during the rebuild.</b> The source is read as one snapshot; a change
 * committed after it still reaches the old index through the outbox indexer (it writes to
 * the alias), and would be lost with the old index. So before streaming we note the
 * database clock, and after the swap we re-apply every outbox row created since then
 * (processed or not) to the new indexes. Rows carry the aggregate version and are written
 * with external versioning, so a replay is idempotent: a row the new index already holds
 * (or holds newer) is a version conflict, which counts as done. The outbox's
 * {@code created_at} is its transaction's start, which can precede our mark for a
 * transaction that began before it and committed after the snapshot;
 * {@link #REPLAY_MARGIN} reaches back far enough to cover any API transaction (they last
 * milliseconds) at the cost of replaying a few minutes of rows. We chose this over
 * tracking the outbox id (ids are assigned at insert, not at commit, so a high-water mark
 * misses the same late committers) and over pausing the indexer (which would stop
 * incremental indexing for the whole rebuild).
 *
 * <p>
 * <b>Removals made during the rebuild.</b> A removal row is deleted once applied, so one
 * applied to the old index before the swap cannot be replayed; after the replay each new
 * index is {@link Reconcile reconciled} with a fresh read of the source, which deletes
 * what it no longer holds.
 *
 * <p>
 * <b>Documents Elasticsearch refuses.</b> A record or replayed outbox row whose document
 * is rejected (a mapping error, a value the field cannot hold) is left out and listed in
 * the report, and the rebuild goes on: one bad record must never keep every other change
 * out of a new index. Only rejections are forgiven; a cluster that fails requests still
 * fails the reindex, before the swap.
 *
 * <p>
 * One rebuild at a time per instance (a flag); operators start it from one instance.
 */
final class Reindex {

    private static final Logger log = LoggerFactory.getLogger(Reindex.class);
    static final Duration REPLAY_MARGIN = Duration.ofMinutes(5);

    /**
     * A merge of a small index ends within milliseconds and one of 100,000 profiles takes
     * a minute: the task is asked again after 20 ms, then twice as long each time up to
     * this.
     */
    private static final Duration MERGE_POLL = Duration.ofMillis(500);

    private static final Duration FIRST_MERGE_POLL = Duration.ofMillis(20);

    private static final DateTimeFormatter GENERATION = DateTimeFormatter.ofPattern("uuuuMMddHHmmssSSS")
        .withZone(ZoneOffset.UTC);

    private static final String OUTBOX_SINCE = """
            select aggregate_type, aggregate_id, aggregate_version, payload::text as payload
            from matching_outbox where created_at >= :since and parked_at is null order by id
            """;

    private final ElasticsearchConnection elasticsearch;

    private final IndexSetup indexes;

    private final IndexNames names;

    private final DatabaseClient database;

    private final IndexedDocuments documents;

    private final BoardDocuments boardDocuments;

    private final Settings settings;

    private final Reconcile reconcile;

    private final JsonMapper payloads = JsonMapper.builder().build();

    /**
     * @param batchSize documents per bulk request
     * @param embedBatch documents embedded in one model call
     * @param embedThreads batches converted (and embedded) in parallel
     * @param graceBeforeDelete how long searches already running on the old index may
     * take
     */
    record Settings(int batchSize, int embedBatch, int embedThreads, Duration graceBeforeDelete) {
    }

    /**
     * The physical index a rebuild filled, what it replaced, and the records
     * Elasticsearch refused.
     */
    private record Rebuilt(String alias, List<String> previous, String index, long documents, double seconds,
            long rejectedCount, List<BulkLoad.Rejection> rejected) {

        RebuiltIndex report(long removed) {
            return new RebuiltIndex(alias, previous.isEmpty() ? null : String.join(",", previous), index, documents,
                    Duration.ofMillis(Math.round(seconds * 1000)),
                    seconds <= 0 ? 0 : Math.round(documents / seconds * 10) / 10.0, removed, rejectedCount);
        }
    }

    /** What the outbox replay applied and what it left out. */
    private record Replay(long applied, long rejectedCount, List<RejectedDocument> rejected) {
    }

    Reindex(ElasticsearchConnection elasticsearch, IndexSetup indexes, IndexNames names, DatabaseClient database,
            IndexedDocuments documents, BoardDocuments boardDocuments, Settings settings) {
        this.documents = documents;
        this.boardDocuments = boardDocuments;
        this.elasticsearch = elasticsearch;
        this.indexes = indexes;
        this.names = names;
        this.database = database;
        this.settings = settings;
        this.reconcile = new Reconcile(elasticsearch, settings.batchSize());
    }

    Mono<ReindexReport> run(SearchableSource source, ReindexTracker tracker) {
        long started = System.nanoTime();
        long embeddedBefore = documents.embeddings().textsEmbedded();
        String generation = GENERATION.format(Instant.now());
        return indexes.ready().then(databaseNow()).flatMap(mark -> {
            log.atInfo()
                .addKeyValue("generation", generation)
                .addKeyValue("replayFrom", mark.minus(REPLAY_MARGIN))
                .log("Reindex started");
            // one alias after the other (concat subscribes in turn): each load has the
            // cores to itself
            return Flux
                .concat(Mono.defer(() -> rebuild(tracker, names.suppliers(), generation, source.suppliers(),
                        batch -> IndexDocument.suppliers(documents, batch))),
                        Mono.defer(() -> rebuild(tracker, names.challenges(), generation, source.challenges(),
                                batch -> IndexDocument.challenges(documents, batch))),
                        Mono.defer(() -> rebuild(tracker, names.candidates(), generation, source.candidates(),
                                batch -> IndexDocument.candidates(boardDocuments, batch))),
                        Mono.defer(() -> rebuild(tracker, names.boardRoles(), generation, source.boardRoles(),
                                batch -> IndexDocument.boardRoles(boardDocuments, batch))))
                .collectList()
                .flatMap(
                        rebuilt -> replay(mark.minus(REPLAY_MARGIN),
                                rebuilt)
                            .flatMap(
                                    replayed -> reconcile(source,
                                            rebuilt)
                                        .flatMap(
                                                removed -> deleteAfterGrace(
                                                        rebuilt.stream().flatMap(r -> r.previous().stream()).toList())
                                                    .thenReturn(
                                                            new ReindexReport(
                                                                    rebuilt.stream()
                                                                        .map(r -> r.report(
                                                                                removed.getOrDefault(r.alias(), 0L)))
                                                                        .toList(),
                                                                    replayed.applied(), replayed.rejectedCount(),
                                                                    rejected(rebuilt, replayed),
                                                                    Duration.ofNanos(System.nanoTime() - started))))));
        })
            .doOnNext(report -> log.atInfo()
                .addKeyValue("generation", generation)
                .addKeyValue("indexes", report.indexes().stream().map(RebuiltIndex::newIndex).toList())
                .addKeyValue("documents", report.indexes().stream().mapToLong(RebuiltIndex::documents).sum())
                .addKeyValue("replayed", report.replayed())
                .addKeyValue("rejected",
                        report.indexes().stream().mapToLong(RebuiltIndex::rejected).sum() + report.replayRejected())
                .addKeyValue("removed", report.indexes().stream().mapToLong(RebuiltIndex::removed).sum())
                .addKeyValue("seconds", report.duration().toMillis() / 1000.0)
                // texts run through the model (the others kept their stored vector);
                // other writes in the meantime count too
                .addKeyValue("textsEmbedded", documents.embeddings().textsEmbedded() - embeddedBefore)
                .log("Reindex finished"));
    }

    private <T> Mono<Rebuilt> rebuild(ReindexTracker tracker, String alias, String generation, Flux<T> source,
            Function<List<T>, List<IndexDocument>> convert) {
        String index = names.versioned(alias) + "-" + generation;
        return indexesBehind(alias).flatMap(previous -> documentsIn(alias)
            .doOnNext(expected -> tracker.begin(alias, expected < 0 ? null : expected))
            .then(createForLoading(index))
            .then(load(alias, index, source, convert, added -> tracker.sent(alias, added)))
            .flatMap(loaded -> openForSearch(index).then(merge(alias, index))
                .then(swap(alias, previous, index))
                .then(Mono.fromRunnable(() -> indexes.rebuilt(alias)))
                .then(Mono.fromRunnable(() -> tracker.finished(alias)))
                .thenReturn(new Rebuilt(alias, previous, index, loaded.accepted(), loaded.seconds(),
                        loaded.rejectedCount(), loaded.rejected())))
            // never leave a half-filled index behind; the alias still points at the
            // complete old one
            .onErrorResume(
                    error -> delete(List.of(index)).onErrorResume(ignored -> Mono.empty()).then(Mono.error(error))));
    }

    /**
     * Converts batches (embedding is CPU-bound) on several threads, adds to the ingester
     * on one (it blocks when Elasticsearch falls behind, which holds back the source:
     * bounded memory). Records whose document Elasticsearch refuses are left out and
     * reported; any other failure fails the load.
     */
    private <T> Mono<BulkLoad> load(String alias, String index, Flux<T> source,
            Function<List<T>, List<IndexDocument>> convert, LongConsumer added) {
        return Mono.using(() -> new BulkLoad(elasticsearch.client(), alias, index, settings.batchSize()),
                load -> source.buffer(settings.embedBatch())
                    .parallel(settings.embedThreads())
                    .runOn(Schedulers.parallel(), 2)
                    .map(convert)
                    .sequential()
                    .publishOn(Schedulers.boundedElastic(), 4)
                    .doOnNext(batch -> {
                        batch.forEach(load::add);
                        added.accept(batch.size());
                    })
                    .then(Mono.fromRunnable(load::close).subscribeOn(Schedulers.boundedElastic()))
                    .then(Mono
                        .defer(() -> load.failed() == 0 ? Mono.just(load)
                                : Mono.error(new IllegalStateException("Reindex of " + alias + " failed for "
                                        + load.failed() + " documents (not counting " + load.rejectedCount()
                                        + " rejected): " + load.failures())))),
                load -> {
                    /*
                     * closed above once the stream completes; close() flushes and waits,
                     * so not twice
                     */ });
    }

    /**
     * What the alias holds now: the expected size of its rebuild (-1 when there is no
     * index yet or it cannot say).
     */
    private Mono<Long> documentsIn(String alias) {
        return elasticsearch.call("count " + alias, client -> client.count(count -> count.index(alias)))
            .map(response -> response.count())
            .onErrorResume(error -> Mono.just(-1L));
    }

    private Mono<List<String>> indexesBehind(String alias) {
        return elasticsearch.call("read alias " + alias, client -> client.indices().getAlias(get -> get.name(alias)))
            .map(response -> (List<String>) new ArrayList<>(response.aliases().keySet()))
            .onErrorResume(Reindex::notFound, missing -> Mono.just(List.of()));
    }

    /** Refresh off while loading: segments are written once, not every second. */
    private Mono<Void> createForLoading(String index) {
        return elasticsearch
            .call("create " + index,
                    client -> client.indices()
                        .create(create -> create.index(index)
                            .settings(settings -> settings.refreshInterval(interval -> interval.time("-1")))))
            .then();
    }

    private Mono<Void> openForSearch(String index) {
        return elasticsearch
            .call("restore refresh on " + index,
                    client -> client.indices()
                        .putSettings(put -> put.index(index)
                            .settings(settings -> settings.refreshInterval(interval -> interval.time("1s")))))
            .then(elasticsearch.call("refresh " + index,
                    client -> client.indices().refresh(refresh -> refresh.index(index))))
            .then();
    }

    /**
     * Merges the loaded index into one segment per shard before anything writes to it: a
     * keyword query pays for building its terms once per segment, and a bulk load leaves
     * a dozen (at 100,000 suppliers, merging took 40 to 63 s and cut match latency p50 by
     * about a tenth; docs/decisions.md). It runs as a task, polled, because it outlasts a
     * request timeout; a merge that fails leaves a correct index that is only slower, so
     * the reindex goes on.
     */
    Mono<Void> merge(String alias, String index) {
        long started = System.nanoTime();
        return elasticsearch
            .call("merge " + index,
                    client -> client.indices()
                        .forcemerge(merge -> merge.index(index).maxNumSegments(1L).waitForCompletion(false)))
            .flatMap(response -> response.task() == null ? Mono.empty() : finished(response.task()))
            .doOnSuccess(ignored -> log.atInfo()
                .addKeyValue("alias", alias)
                .addKeyValue("index", index)
                .addKeyValue("seconds", (System.nanoTime() - started) / 1e9)
                .log("Index merged into one segment"))
            .onErrorResume(error -> {
                log.atWarn()
                    .addKeyValue("alias", alias)
                    .addKeyValue("index", index)
                    .setCause(error)
                    .log("Merging the rebuilt index failed; it serves as loaded");
                return Mono.empty();
            });
    }

    private Mono<Void> finished(String task) {
        return Mono
            .defer(() -> elasticsearch.call("read task " + task, client -> client.tasks().get(get -> get.taskId(task))))
            .filter(response -> response.completed())
            .repeatWhenEmpty(Integer.MAX_VALUE, polls -> polls.concatMap(poll -> Mono.delay(mergePoll(poll))))
            .flatMap(response -> response.error() == null ? Mono.empty() : Mono
                .error(new IllegalStateException("The merge task " + task + " failed: " + response.error().reason())));
    }

    static Duration mergePoll(long poll) {
        long millis = FIRST_MERGE_POLL.toMillis() << Math.min(poll, 10);
        return Duration.ofMillis(Math.min(millis, MERGE_POLL.toMillis()));
    }

    /** One _aliases request: Elasticsearch applies its actions atomically. */
    private Mono<Void> swap(String alias, List<String> previous, String index) {
        return elasticsearch.call("move alias " + alias, client -> client.indices().updateAliases(update -> {
            previous.forEach(old -> update.actions(action -> action.remove(remove -> remove.index(old).alias(alias))));
            return update.actions(action -> action.add(add -> add.index(index).alias(alias).isWriteIndex(true)));
        }))
            .doOnSuccess(ignored -> log.atInfo()
                .addKeyValue("alias", alias)
                .addKeyValue("from", previous)
                .addKeyValue("to", index)
                .log("Alias swapped"))
            .then();
    }

    private Mono<Instant> databaseNow() {
        return database.sql("select now() as now").map(row -> row.get("now", OffsetDateTime.class).toInstant()).one();
    }

    /**
     * Re-applies outbox rows since {@code since} to the new indexes, each row to the
     * index of its alias. Parked rows are not read (Elasticsearch refused them already);
     * a row whose document is refused now, or whose payload this release cannot read, is
     * left out and reported: the indexer still holds it pending and parks it if the
     * refusals go on, so one bad row can never fail the reindex.
     */
    private Mono<Replay> replay(Instant since, List<Rebuilt> rebuilt) {
        Map<String, String> newIndexOf = new HashMap<>();
        rebuilt.forEach(r -> newIndexOf.put(r.alias(), r.index()));
        Queue<RejectedDocument> unreadable = new ConcurrentLinkedQueue<>();
        return Mono.using(
                () -> new BulkLoad(elasticsearch.client(), "outbox replay", String.join(",", newIndexOf.values()),
                        settings.batchSize()),
                load -> database.sql(OUTBOX_SINCE)
                    .bind("since", since.atOffset(ZoneOffset.UTC))
                    .map(row -> new OutboxEvent(row.get("aggregate_type", String.class),
                            row.get("aggregate_id", UUID.class), row.get("payload", String.class)))
                    .all()
                    .buffer(settings.embedBatch())
                    .parallel(settings.embedThreads())
                    .runOn(Schedulers.parallel(), 2)
                    .map(events -> replayed(events, unreadable))
                    .sequential()
                    .publishOn(Schedulers.boundedElastic(), 4)
                    .doOnNext(batch -> batch.forEach(document -> load.addTo(
                            Objects.requireNonNull(newIndexOf.get(document.alias()), "every alias is rebuilt"),
                            document.document())))
                    .then(Mono.fromRunnable(load::close).subscribeOn(Schedulers.boundedElastic()))
                    .then(Mono.defer(() -> load.failed() == 0 ? Mono.just(replay(load, unreadable, rebuilt)) : Mono
                        .error(new IllegalStateException(
                                "Replaying the outbox failed for " + load.failed() + " rows: " + load.failures())))),
                load -> {
                });
    }

    private static Replay replay(BulkLoad load, Collection<RejectedDocument> unreadable, List<Rebuilt> rebuilt) {
        List<RejectedDocument> rejected = new ArrayList<>(unreadable);
        load.rejected()
            .forEach(refused -> rejected.add(new RejectedDocument(aliasOf(refused.index(), rebuilt), refused.id(),
                    From.OUTBOX_REPLAY, refused.error())));
        return new Replay(load.accepted(), load.rejectedCount() + unreadable.size(), rejected);
    }

    private static String aliasOf(String index, List<Rebuilt> rebuilt) {
        return rebuilt.stream().filter(r -> r.index().equals(index)).map(Rebuilt::alias).findFirst().orElse(index);
    }

    /**
     * The record's refusals first, then the replay's, at most
     * {@link ReindexReport#MAX_REJECTED_LISTED}.
     */
    private static List<RejectedDocument> rejected(List<Rebuilt> rebuilt, Replay replay) {
        List<RejectedDocument> all = new ArrayList<>();
        rebuilt.forEach(r -> r.rejected()
            .forEach(refused -> all.add(new RejectedDocument(r.alias(), refused.id(), From.RECORD, refused.error()))));
        all.addAll(replay.rejected());
        return all.size() <= ReindexReport.MAX_REJECTED_LISTED ? all
                : all.subList(0, ReindexReport.MAX_REJECTED_LISTED);
    }

    /**
     * After the replay, so each new index already holds every write the rebuild
     * overlapped; alias → documents removed.
     */
    private Mono<Map<String, Long>> reconcile(SearchableSource source, List<Rebuilt> rebuilt) {
        Map<String, RecordedIds> recordedOf = new HashMap<>();
        RecordedIds.of(names).forEach(recorded -> recordedOf.put(recorded.alias(), recorded));
        return Flux.fromIterable(rebuilt)
            .concatMap(r -> reconcile
                .run(Objects.requireNonNull(recordedOf.get(r.alias()), "RecordedIds covers every alias"), r.index(),
                        source)
                .map(removed -> Map.entry(r.alias(), removed)))
            .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private record OutboxEvent(String type, UUID id, String payload) {
    }

    private List<Replayed> replayed(List<OutboxEvent> events, Collection<RejectedDocument> unreadable) {
        List<SupplierDocument> suppliers = new ArrayList<>();
        List<ChallengeDocument> challenges = new ArrayList<>();
        List<CandidateForMatching> candidates = new ArrayList<>();
        List<BoardRoleForMatching> roles = new ArrayList<>();
        List<Replayed> replayed = new ArrayList<>(events.size());
        for (OutboxEvent event : events) {
            try {
                switch (event.type()) {
                    case "supplier" -> suppliers.add(payloads.readValue(event.payload(), SupplierDocument.class));
                    case "challenge" -> challenges.add(payloads.readValue(event.payload(), ChallengeDocument.class));
                    case "candidate" -> candidates.add(payloads.readValue(event.payload(), CandidateForMatching.class));
                    case "board-role" -> roles.add(payloads.readValue(event.payload(), BoardRoleForMatching.class));
                    case "candidate-removal" -> {
                        CandidateRemoval removal = payloads.readValue(event.payload(), CandidateRemoval.class);
                        replayed.add(new Replayed(names.candidates(),
                                IndexDocument.deletion(removal.id().toString(), removal.version())));
                    }
                    default -> throw new IllegalStateException("unknown outbox aggregate type " + event.type());
                }
            }
            catch (RuntimeException cannotRead) {
                unreadable.add(new RejectedDocument(aliasOfType(event.type()), event.id().toString(),
                        From.OUTBOX_REPLAY, "unreadable payload: " + cannotRead.getMessage()));
            }
        }
        IndexDocument.suppliers(documents, suppliers)
            .forEach(document -> replayed.add(new Replayed(names.suppliers(), document)));
        IndexDocument.challenges(documents, challenges)
            .forEach(document -> replayed.add(new Replayed(names.challenges(), document)));
        IndexDocument.candidates(boardDocuments, candidates)
            .forEach(document -> replayed.add(new Replayed(names.candidates(), document)));
        IndexDocument.boardRoles(boardDocuments, roles)
            .forEach(document -> replayed.add(new Replayed(names.boardRoles(), document)));
        return replayed;
    }

    private String aliasOfType(String aggregateType) {
        return switch (aggregateType) {
            case "supplier" -> names.suppliers();
            case "challenge" -> names.challenges();
            case "candidate", "candidate-removal" -> names.candidates();
            case "board-role" -> names.boardRoles();
            default -> aggregateType;
        };
    }

    private record Replayed(String alias, IndexDocument document) {
    }

    private Mono<Void> deleteAfterGrace(List<String> old) {
        if (old.isEmpty()) {
            return Mono.empty();
        }
        return Mono.delay(settings.graceBeforeDelete())
            .then(delete(old))
            .doOnSuccess(ignored -> log.atInfo().addKeyValue("indexes", old).log("Old indexes deleted"));
    }

    private Mono<Void> delete(List<String> indexNames) {
        return elasticsearch
            .call("delete " + indexNames, client -> client.indices().delete(delete -> delete.index(indexNames)))
            .then();
    }

    private static boolean notFound(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ElasticsearchException failure) {
                return failure.status() == 404;
            }
        }
        return false;
    }

}
