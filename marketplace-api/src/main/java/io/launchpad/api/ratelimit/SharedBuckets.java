package io.launchpad.api.ratelimit;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The buckets all API instances share, in PostgreSQL, so N instances allow the limit
 * once, not N times. A bucket is a row holding its tokens at its last use; one statement
 * refills it for the time since (greedily, {@code capacity} per {@code period}, as the
 * local Bucket4j buckets do) and takes a token if there is one, under the row's lock, so
 * concurrent requests on any instance never both take the last token. One round trip, no
 * transaction held, no blocking driver.
 *
 * <p>
 * Written here rather than with Bucket4j's PostgreSQL proxy manager: that one is JDBC
 * (blocking, a second pool) and takes three statements in a transaction per check.
 */
final class SharedBuckets {

    /**
     * Whether a token was taken, how many are left (or available, when refused), and the
     * refill rate.
     */
    record Take(boolean consumed, double tokens, double perSecond) {

        /** Whole seconds until one token is back (at least 1). */
        long secondsToWait() {
            return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        }
    }

    // The main query sees the table as it was before the upsert: the second branch only
    // answers for a
    // refusal (no row taken), with the tokens available then, for Retry-After.
    private static final String TAKE = """
            with refill as (
                select cast(:capacity as float8) as capacity, cast(:perSecond as float8) as rate
            ), taken as (
                insert into rate_limit_bucket as b (bucket_key, tokens, updated_at)
                select :key, capacity - 1, now() from refill
                on conflict (bucket_key) do update
                    set tokens = least((select capacity from refill),
                            b.tokens + extract(epoch from now() - b.updated_at)::float8 * (select rate from refill)) - 1,
                        updated_at = now()
                    where least((select capacity from refill),
                            b.tokens + extract(epoch from now() - b.updated_at)::float8 * (select rate from refill)) >= 1
                returning tokens
            )
            select true as consumed, tokens from taken
            union all
            select false, least(refill.capacity, b.tokens + extract(epoch from now() - b.updated_at)::float8 * refill.rate)
            from rate_limit_bucket b, refill
            where b.bucket_key = :key and not exists (select 1 from taken)
            """;

    private final DatabaseClient db;

    SharedBuckets(DatabaseClient db) {
        this.db = db;
    }

    Mono<Take> take(String key, long capacity, Duration period) {
        double perSecond = capacity / (period.toNanos() / 1e9);
        return db.sql(TAKE)
            .bind("key", stored(key))
            .bind("capacity", (double) capacity)
            .bind("perSecond", perSecond)
            .map(row -> new Take(Boolean.TRUE.equals(row.get("consumed", Boolean.class)),
                    row.get("tokens", Double.class), perSecond))
            .one()
            // the row was taken between our snapshot and the upsert's lock: treat as just
            // refused
            .defaultIfEmpty(new Take(false, 0, perSecond));
    }

    /**
     * The key as stored: a SHA-256 of it, so the table never holds who asked (a person's
     * subject, an address), which erasure would otherwise have to find; the same caller
     * still maps to the same row.
     */
    static String stored(String key) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Rows idle this long are full again; forgetting them changes nothing. Returns how
     * many went.
     */
    Mono<Long> forgetIdle(Duration idleUntilFull) {
        return db.sql("delete from rate_limit_bucket where updated_at < now() - make_interval(secs => :seconds)")
            .bind("seconds", (double) idleUntilFull.toSeconds())
            .fetch()
            .rowsUpdated();
    }

}
