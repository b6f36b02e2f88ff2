package io.launchpad.matching.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.launchpad.matching.IndexingActivity;
import io.launchpad.matching.MatchingProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Drains the outbox into Elasticsearch. Each batch is one transaction: claim pending rows
 * with {@code FOR UPDATE SKIP LOCKED} (so any number of instances drain side by side,
 * each row claimed by one of them), send them in one bulk request, then mark them
 * processed, or on failure count the attempt and push the next one back exponentially. A
 * row leaves the pending set only once Elasticsearch has accepted it, so nothing is lost
 * while the cluster is down.
 *
 * <p>
 * The one exception is a row whose document Elasticsearch itself refuses
 * ({@link BulkSend}): after {@code max-attempts} refusals it is parked, with its last
 * error, so it stops costing a request every few minutes, holds back nothing, and stays
 * visible for an operator ({@link ParkedRows}). Only refusals count towards parking:
 * failures while the cluster is unreachable keep backing off, however long the outage,
 * and park nothing.
 */
final class OutboxIndexer implements AutoCloseable, IndexingActivity {

    private static final Logger log = LoggerFactory.getLogger(OutboxIndexer.class);

    private static final Duration CLEAN_UP_EVERY = Duration.ofHours(1);

    /**
     * How fresh the parked-rows gauge is kept; another instance may park or an operator
     * re-queue meanwhile.
     */
    private static final Duration COUNT_PARKED_EVERY = Duration.ofSeconds(15);

    private static final String CLAIM = """
            select id, aggregate_type, aggregate_id, aggregate_version, payload::text as payload, attempts
            from matching_outbox
            where processed_at is null and parked_at is null and next_attempt_at <= now()
            order by id
            limit :limit
            for update skip locked
            """;

    private static final String MARK_DONE = """
            update matching_outbox set processed_at = now() where id = any(:ids)
            """;

    // the same or a newer version of the document got in: a row parked for it has nothing
    // left to do
    private static final String SUPERSEDE_PARKED = """
            update matching_outbox parked set processed_at = now()
            from matching_outbox done
            where done.id = any(:ids) and parked.aggregate_id = done.aggregate_id
              and parked.aggregate_version <= done.aggregate_version
              and parked.parked_at is not null and parked.processed_at is null
            returning parked.id
            """;

    // a removal applied leaves nothing to keep: its row would be the erased person's last
    // trace
    private static final String FORGET_REMOVALS = """
            delete from matching_outbox where id = any(:ids) and aggregate_type = 'candidate-removal'
            """;

    // the wait doubles per attempt already made (least(attempts, 30) keeps power()
    // finite); it counts from
    // clock_timestamp(), the end of the failed attempt, not now(), which is the start of
    // this transaction
    private static final String POSTPONE = """
            update matching_outbox
            set attempts = attempts + 1,
                last_error = :error,
                next_attempt_at = clock_timestamp() + least(:maxMillis, :firstMillis * power(2, least(attempts, 30))) * interval '1 millisecond'
            where id = any(:ids)
            """;

    // as POSTPONE, and parks the row at its maxAttempts-th refusal (the right-hand sides
    // read the row as it was)
    private static final String REJECT = """
            update matching_outbox
            set attempts = attempts + 1,
                rejections = rejections + 1,
                last_error = :error,
                parked_at = case when rejections + 1 >= :maxAttempts then clock_timestamp() end,
                next_attempt_at = clock_timestamp() + least(:maxMillis, :firstMillis * power(2, least(attempts, 30))) * interval '1 millisecond'
            where id = :id
            returning id, aggregate_type, aggregate_id, aggregate_version, attempts, rejections, parked_at is not null as parked
            """;

    private static final String CLEAN_UP = """
            delete from matching_outbox where processed_at < now() - :retentionMillis * interval '1 millisecond'
            """;

    /**
     * What one batch did; {@code failed} includes the {@code rejected} and those the
     * {@code parked}.
     */
    record Batch(int claimed, int done, int failed, int rejected, int parked) {

        /**
         * A full batch that got through means more may be waiting; a failing one means
         * stop hammering.
         */
        boolean worthContinuing(int batchSize) {
            return claimed == batchSize && done > 0;
        }
    }

    private final DatabaseClient database;

    private final TransactionalOperator transactions;

    private final BulkSend bulk;

    private final ParkedRows parkedRows;

    private final MatchingProperties.Indexer settings;

    private final AtomicLong rowsDone = new AtomicLong();

    private final AtomicLong rowsFailed = new AtomicLong();

    private volatile Instant lastCleanUp = Instant.EPOCH;

    private volatile Instant lastParkedCount = Instant.EPOCH;

    private volatile @Nullable Disposable loop;

    OutboxIndexer(DatabaseClient database, TransactionalOperator transactions, BulkSend bulk, ParkedRows parkedRows,
            MatchingProperties.Indexer settings) {
        this.database = database;
        this.transactions = transactions;
        this.bulk = bulk;
        this.parkedRows = parkedRows;
        this.settings = settings;
    }

    /**
     * Drains on every poll tick and every wake-up, one drain at a time; ticks during a
     * drain collapse into one.
     */
    synchronized void start(Flux<?> wakeUps) {
        if (loop != null) {
            return;
        }
        log.atInfo()
            .addKeyValue("pollInterval", settings.pollInterval())
            .addKeyValue("batchSize", settings.batchSize())
            .addKeyValue("maxAttempts", settings.maxAttempts())
            .log("Matching outbox indexer started");
        loop = Flux.merge(Flux.interval(Duration.ZERO, settings.pollInterval()), wakeUps)
            .onBackpressureDrop()
            .concatMap(signal -> drainUntilIdle().onErrorResume(error -> {
                log.atWarn().addKeyValue("error", error.toString()).log("Matching outbox drain failed; will retry");
                return Mono.empty();
            }), 1)
            .subscribe();
    }

    /** Batches until a batch comes back short or nothing in it got through. */
    Mono<Void> drainUntilIdle() {
        return drainOnce().expand(batch -> batch.worthContinuing(settings.batchSize()) ? drainOnce() : Mono.empty())
            .then(cleanUpIfDue())
            .then(countParkedIfDue());
    }

    Mono<Batch> drainOnce() {
        return transactions
            .transactional(
                    claim().flatMap(rows -> rows.isEmpty() ? Mono.just(new Batch(0, 0, 0, 0, 0)) : sendAndRecord(rows)))
            .doOnNext(batch -> {
                rowsDone.addAndGet(batch.done());
                rowsFailed.addAndGet(batch.failed() + batch.rejected());
            })
            // counted once committed: a rolled-back batch parked nothing
            .flatMap(batch -> batch.parked() == 0 ? Mono.just(batch)
                    : Mono.fromRunnable(() -> parkedRows.parked(batch.parked()))
                        .then(parkedRows.count())
                        .thenReturn(batch));
    }

    /** Rows this instance has indexed since it started. */
    long rowsDone() {
        return rowsDone.get();
    }

    @Override
    public long documentsIndexed() {
        return rowsDone.get();
    }

    @Override
    public long documentsFailed() {
        return rowsFailed.get();
    }

    private Mono<List<OutboxRow>> claim() {
        return database.sql(CLAIM)
            .bind("limit", settings.batchSize())
            .map((row, metadata) -> new OutboxRow(row.get("id", Long.class),
                    AggregateType.ofCode(row.get("aggregate_type", String.class)), row.get("aggregate_id", UUID.class),
                    row.get("aggregate_version", Long.class), row.get("payload", String.class),
                    row.get("attempts", Integer.class)))
            .all()
            .collectList();
    }

    /**
     * Refusals are recorded before the successes, so a newer version accepted in the same
     * batch resolves an older one parked in it.
     */
    private Mono<Batch> sendAndRecord(List<OutboxRow> rows) {
        return bulk.send(rows)
            .flatMap(outcome -> Flux.fromIterable(outcome.failed().entrySet())
                .filter(failure -> !failure.getValue().isEmpty())
                .concatMap(failure -> postpone(failure.getKey(), failure.getValue(), rows))
                .then(Flux.fromIterable(outcome.rejected().entrySet())
                    .concatMap(this::reject)
                    .filter(parked -> parked)
                    .count())
                .flatMap(parked -> markDone(outcome.done()).thenReturn(new Batch(rows.size(), outcome.done().size(),
                        outcome.failedCount(), outcome.rejected().size(), parked.intValue()))));
    }

    private Mono<Void> markDone(List<Long> ids) {
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        Long[] done = ids.toArray(Long[]::new);
        return database.sql(FORGET_REMOVALS)
            .bind("ids", done)
            .fetch()
            .rowsUpdated()
            .then(database.sql(MARK_DONE).bind("ids", done).fetch().rowsUpdated())
            .then(database.sql(SUPERSEDE_PARKED)
                .bind("ids", done)
                .map(row -> row.get("id", Long.class))
                .all()
                .doOnNext(id -> log.atInfo()
                    .addKeyValue("outboxRowId", id)
                    .log("Parked matching outbox row resolved: a newer version of its document was indexed"))
                .then());
    }

    private Mono<Void> postpone(String error, List<Long> ids, List<OutboxRow> rows) {
        int highestAttempt = rows.stream()
            .filter(row -> ids.contains(row.id()))
            .mapToInt(OutboxRow::attempts)
            .max()
            .orElse(0) + 1;
        log.atWarn()
            .addKeyValue("rows", ids.size())
            .addKeyValue("firstRowId", ids.getFirst())
            .addKeyValue("attempt", highestAttempt)
            .addKeyValue("error", error)
            .log("Matching outbox rows not indexed; postponed with backoff");
        return database.sql(POSTPONE)
            .bind("error", error)
            .bind("maxMillis", settings.maxBackoff().toMillis())
            .bind("firstMillis", settings.firstBackoff().toMillis())
            .bind("ids", ids.toArray(Long[]::new))
            .fetch()
            .rowsUpdated()
            .then();
    }

    /**
     * Counts one refusal; true when it parked the row. Logs ids, the kind of error and
     * counts, never the payload or Elasticsearch's reason: the reason can quote the
     * document's field values, so it is kept only in the row, for admins.
     */
    private Mono<Boolean> reject(Map.Entry<Long, String> rejection) {
        return database.sql(REJECT)
            .bind("id", rejection.getKey())
            .bind("error", rejection.getValue())
            .bind("maxAttempts", settings.maxAttempts())
            .bind("maxMillis", settings.maxBackoff().toMillis())
            .bind("firstMillis", settings.firstBackoff().toMillis())
            .map(row -> {
                boolean parked = Boolean.TRUE.equals(row.get("parked", Boolean.class));
                var line = (parked ? log.atError() : log.atWarn()).addKeyValue("outboxRowId", row.get("id", Long.class))
                    .addKeyValue("aggregateType", row.get("aggregate_type", String.class))
                    .addKeyValue("aggregateId", row.get("aggregate_id", UUID.class))
                    .addKeyValue("aggregateVersion", row.get("aggregate_version", Long.class))
                    .addKeyValue("attempts", row.get("attempts", Integer.class))
                    .addKeyValue("rejections", row.get("rejections", Integer.class))
                    .addKeyValue("maxAttempts", settings.maxAttempts())
                    .addKeyValue("errorType", errorType(rejection.getValue()));
                if (parked) {
                    line.log("Matching outbox row parked: Elasticsearch keeps rejecting its document; "
                            + "see GET /api/v1/admin/outbox/parked, fix the cause, then retry it");
                }
                else {
                    line.log("Matching outbox row rejected by Elasticsearch; will retry with backoff");
                }
                return parked;
            })
            .one()
            .defaultIfEmpty(false);
    }

    /** The leading error name ("document_parsing_exception"), which quotes no data. */
    static String errorType(String error) {
        int colon = error.indexOf(':');
        String type = colon < 0 ? error : error.substring(0, colon);
        return type.length() <= 80 ? type : type.substring(0, 80);
    }

    private Mono<Void> cleanUpIfDue() {
        Instant now = Instant.now();
        if (lastCleanUp.plus(CLEAN_UP_EVERY).isAfter(now)) {
            return Mono.empty();
        }
        lastCleanUp = now;
        return database.sql(CLEAN_UP)
            .bind("retentionMillis", settings.retention().toMillis())
            .fetch()
            .rowsUpdated()
            .doOnNext(deleted -> {
                if (deleted > 0) {
                    log.atInfo()
                        .addKeyValue("rows", deleted)
                        .log("Deleted processed matching outbox rows past retention");
                }
            })
            .then();
    }

    private Mono<Void> countParkedIfDue() {
        Instant now = Instant.now();
        if (lastParkedCount.plus(COUNT_PARKED_EVERY).isAfter(now)) {
            return Mono.empty();
        }
        lastParkedCount = now;
        return parkedRows.count().then();
    }

    @Override
    public synchronized void close() {
        if (loop != null) {
            loop.dispose();
            loop = null;
            log.info("Matching outbox indexer stopped");
        }
    }

}
