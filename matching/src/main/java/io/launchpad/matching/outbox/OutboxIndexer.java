package io.launchpad.matching.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.launchpad.matching.MatchingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Drains the outbox into Elasticsearch. Each batch is one transaction: claim pending rows with
 * {@code FOR UPDATE SKIP LOCKED} (so any number of instances drain side by side, each row claimed
 * by one of them), send them in one bulk request, then mark them processed, or on failure count the
 * attempt and push the next one back exponentially. A row leaves the pending set only once
 * Elasticsearch has accepted it, so nothing is lost while the cluster is down.
 */
final class OutboxIndexer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxIndexer.class);
    private static final Duration CLEAN_UP_EVERY = Duration.ofHours(1);

    private static final String CLAIM = """
            select id, aggregate_type, aggregate_id, aggregate_version, payload::text as payload, attempts
            from matching_outbox
            where processed_at is null and next_attempt_at <= now()
            order by id
            limit :limit
            for update skip locked
            """;
    private static final String MARK_DONE = """
            update matching_outbox set processed_at = now() where id = any(:ids)
            """;
    // a removal applied leaves nothing to keep: its row would be the erased person's last trace
    private static final String FORGET_REMOVALS = """
            delete from matching_outbox where id = any(:ids) and aggregate_type = 'candidate-removal'
            """;
    // the wait doubles per attempt already made (least(attempts, 30) keeps power() finite); it counts from
    // clock_timestamp(), the end of the failed attempt, not now(), which is the start of this transaction
    private static final String POSTPONE = """
            update matching_outbox
            set attempts = attempts + 1,
                last_error = :error,
                next_attempt_at = clock_timestamp() + least(:maxMillis, :firstMillis * power(2, least(attempts, 30))) * interval '1 millisecond'
            where id = any(:ids)
            """;
    private static final String CLEAN_UP = """
            delete from matching_outbox where processed_at < now() - :retentionMillis * interval '1 millisecond'
            """;

    /** What one batch did. */
    record Batch(int claimed, int done, int failed) {

        /** A full batch that got through means more may be waiting; a failing one means stop hammering. */
        boolean worthContinuing(int batchSize) {
            return claimed == batchSize && done > 0;
        }
    }

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final BulkSend bulk;
    private final MatchingProperties.Indexer settings;
    private final AtomicLong rowsDone = new AtomicLong();
    private volatile Instant lastCleanUp = Instant.EPOCH;
    private volatile Disposable loop;

    OutboxIndexer(DatabaseClient database, TransactionalOperator transactions, BulkSend bulk,
                  MatchingProperties.Indexer settings) {
        this.database = database;
        this.transactions = transactions;
        this.bulk = bulk;
        this.settings = settings;
    }

    /** Drains on every poll tick and every wake-up, one drain at a time; ticks during a drain collapse into one. */
    synchronized void start(Flux<?> wakeUps) {
        if (loop != null) {
            return;
        }
        log.atInfo().addKeyValue("pollInterval", settings.pollInterval()).addKeyValue("batchSize", settings.batchSize())
                .log("Matching outbox indexer started");
        loop = Flux.merge(Flux.interval(Duration.ZERO, settings.pollInterval()), wakeUps)
                .onBackpressureDrop()
                .concatMap(signal -> drainUntilIdle()
                        .onErrorResume(error -> {
                            log.atWarn().addKeyValue("error", error.toString()).log("Matching outbox drain failed; will retry");
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    /** Batches until a batch comes back short or nothing in it got through. */
    Mono<Void> drainUntilIdle() {
        return drainOnce()
                .expand(batch -> batch.worthContinuing(settings.batchSize()) ? drainOnce() : Mono.empty())
                .then(cleanUpIfDue());
    }

    Mono<Batch> drainOnce() {
        return transactions.transactional(claim()
                        .flatMap(rows -> rows.isEmpty() ? Mono.just(new Batch(0, 0, 0)) : sendAndRecord(rows)))
                .doOnNext(batch -> rowsDone.addAndGet(batch.done()));
    }

    /** Rows this instance has indexed since it started. */
    long rowsDone() {
        return rowsDone.get();
    }

    private Mono<List<OutboxRow>> claim() {
        return database.sql(CLAIM)
                .bind("limit", settings.batchSize())
                .map((row, metadata) -> new OutboxRow(
                        row.get("id", Long.class),
                        AggregateType.ofCode(row.get("aggregate_type", String.class)),
                        row.get("aggregate_id", UUID.class),
                        row.get("aggregate_version", Long.class),
                        row.get("payload", String.class),
                        row.get("attempts", Integer.class)))
                .all()
                .collectList();
    }

    private Mono<Batch> sendAndRecord(List<OutboxRow> rows) {
        return bulk.send(rows).flatMap(outcome -> markDone(outcome.done())
                .then(Flux.fromIterable(outcome.failed().entrySet())
                        .concatMap(failure -> postpone(failure.getKey(), failure.getValue(), rows))
                        .then())
                .thenReturn(new Batch(rows.size(), outcome.done().size(), outcome.failedCount())));
    }

    private Mono<Void> markDone(List<Long> ids) {
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        return database.sql(FORGET_REMOVALS).bind("ids", ids.toArray(Long[]::new)).fetch().rowsUpdated()
                .then(database.sql(MARK_DONE).bind("ids", ids.toArray(Long[]::new)).fetch().rowsUpdated()).then();
    }

    private Mono<Void> postpone(String error, List<Long> ids, List<OutboxRow> rows) {
        int highestAttempt = rows.stream().filter(row -> ids.contains(row.id())).mapToInt(OutboxRow::attempts).max().orElse(0) + 1;
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
                .fetch().rowsUpdated().then();
    }

    private Mono<Void> cleanUpIfDue() {
        Instant now = Instant.now();
        if (lastCleanUp.plus(CLEAN_UP_EVERY).isAfter(now)) {
            return Mono.empty();
        }
        lastCleanUp = now;
        return database.sql(CLEAN_UP).bind("retentionMillis", settings.retention().toMillis()).fetch().rowsUpdated()
                .doOnNext(deleted -> {
                    if (deleted > 0) {
                        log.atInfo().addKeyValue("rows", deleted).log("Deleted processed matching outbox rows past retention");
                    }
                })
                .then();
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
