package io.launchpad.matching.outbox;

import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

import io.launchpad.matching.ParkedOutboxRow;
import io.launchpad.matching.ParkedOutboxRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import java.util.UUID;

/**
 * {@link ParkedOutboxRows} over the outbox table; the indexer parks rows, this is the
 * operator's side.
 */
final class ParkedRows implements ParkedOutboxRows {

    private static final Logger log = LoggerFactory.getLogger(ParkedRows.class);

    static final String IS_PARKED = "parked_at is not null and processed_at is null";

    private static final String LIST = """
            select id, aggregate_type, aggregate_id, aggregate_version, attempts, rejections, last_error, parked_at
            from matching_outbox where %s and id > :after order by id limit :limit
            """.formatted(IS_PARKED);

    private static final String COUNT = "select count(*) as parked from matching_outbox where " + IS_PARKED;

    // as if newly written: due now, no attempt counted, so the first failure waits the
    // first backoff again;
    // last_error stays as the trace of why it was parked until the next attempt
    // overwrites it
    private static final String RETRY = """
            with requeued as (
                update matching_outbox set parked_at = null, attempts = 0, rejections = 0, next_attempt_at = now()
                where id = :id and %s
                returning id
            )
            select id, pg_notify('%s', '') from requeued
            """.formatted(IS_PARKED, OutboxNotifications.CHANNEL);

    private static final String DISCARD = "delete from matching_outbox where id = :id and " + IS_PARKED;

    private final DatabaseClient database;

    private final AtomicLong lastKnownCount = new AtomicLong();

    private final AtomicLong parkedSinceStart = new AtomicLong();

    ParkedRows(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Flux<ParkedOutboxRow> list(long afterId, int limit) {
        return database.sql(LIST)
            .bind("after", afterId)
            .bind("limit", limit)
            .map((row, metadata) -> new ParkedOutboxRow(row.get("id", Long.class),
                    row.get("aggregate_type", String.class), row.get("aggregate_id", UUID.class),
                    row.get("aggregate_version", Long.class), row.get("attempts", Integer.class),
                    row.get("rejections", Integer.class), row.get("last_error", String.class),
                    row.get("parked_at", OffsetDateTime.class).toInstant()))
            .all();
    }

    @Override
    public Mono<Long> count() {
        return database.sql(COUNT).map(row -> row.get("parked", Long.class)).one().doOnNext(lastKnownCount::set);
    }

    @Override
    public Mono<Boolean> retry(long id) {
        return database.sql(RETRY)
            .bind("id", id)
            .fetch()
            .all()
            .hasElements()
            .flatMap(requeued -> afterOperatorAction("re-queued", id, requeued));
    }

    @Override
    public Mono<Boolean> discard(long id) {
        return database.sql(DISCARD)
            .bind("id", id)
            .fetch()
            .rowsUpdated()
            .map(deleted -> deleted > 0)
            .flatMap(deleted -> afterOperatorAction("discarded", id, deleted));
    }

    private Mono<Boolean> afterOperatorAction(String action, long id, boolean happened) {
        if (!happened) {
            return Mono.just(false);
        }
        log.atInfo().addKeyValue("outboxRowId", id).log("Parked matching outbox row " + action + " by an operator");
        return count().thenReturn(true);
    }

    @Override
    public long lastKnownCount() {
        return lastKnownCount.get();
    }

    @Override
    public long parkedSinceStart() {
        return parkedSinceStart.get();
    }

    /** The indexer parked {@code rows} just now. */
    void parked(int rows) {
        parkedSinceStart.addAndGet(rows);
    }

}
