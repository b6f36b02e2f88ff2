package io.launchpad.api.idempotency;

import io.r2dbc.postgresql.codec.Json;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * The {@code idempotency_keys} table: claim a key, complete it with the response, or let
 * it go.
 */
@Repository
class IdempotencyKeys {

    record Stored(String requestHash, String state, @Nullable Integer status, @Nullable String headers,
            byte @Nullable [] body) {
    }

    private final DatabaseClient db;

    IdempotencyKeys(DatabaseClient db) {
        this.db = db;
    }

    /**
     * True when this request now owns the key: it was unused or had expired. The primary
     * key makes two concurrent claims of one key serialise, and exactly one of them wins.
     */
    Mono<Boolean> claim(String owner, String key, String hash, Duration ttl) {
        return db.sql("""
                insert into idempotency_keys (owner, idempotency_key, request_hash, state, expires_at)
                values (:owner, :key, :hash, 'in_progress', now() + make_interval(secs => :ttl))
                on conflict (owner, idempotency_key) do update
                   set request_hash = excluded.request_hash, state = 'in_progress',
                       response_status = null, response_headers = null, response_body = null,
                       created_at = now(), expires_at = excluded.expires_at
                 where idempotency_keys.expires_at < now()
                returning owner""")
            .bind("owner", owner)
            .bind("key", key)
            .bind("hash", hash)
            .bind("ttl", (double) ttl.toSeconds())
            .map(row -> true)
            .first()
            .defaultIfEmpty(false);
    }

    Mono<Stored> find(String owner, String key) {
        return db.sql("""
                select request_hash, state, response_status, response_headers, response_body
                  from idempotency_keys where owner = :owner and idempotency_key = :key""")
            .bind("owner", owner)
            .bind("key", key)
            .map(row -> {
                Json headers = row.get("response_headers", Json.class);
                ByteBuffer body = row.get("response_body", ByteBuffer.class);
                byte[] bytes = null;
                if (body != null) {
                    bytes = new byte[body.remaining()];
                    body.get(bytes);
                }
                return new Stored(row.get("request_hash", String.class), row.get("state", String.class),
                        row.get("response_status", Integer.class), headers == null ? null : headers.asString(), bytes);
            })
            .one();
    }

    Mono<Void> complete(String owner, String key, int status, String headersJson, byte[] body) {
        return db.sql("""
                update idempotency_keys
                   set state = 'completed', response_status = :status,
                       response_headers = :headers, response_body = :body
                 where owner = :owner and idempotency_key = :key""")
            .bind("owner", owner)
            .bind("key", key)
            .bind("status", status)
            .bind("headers", Json.of(headersJson))
            .bind("body", ByteBuffer.wrap(body))
            .then();
    }

    Mono<Void> release(String owner, String key) {
        return db.sql(
                "delete from idempotency_keys where owner = :owner and idempotency_key = :key and state = 'in_progress'")
            .bind("owner", owner)
            .bind("key", key)
            .then();
    }

    Mono<Long> purgeExpired() {
        return db.sql("delete from idempotency_keys where expires_at < now()").fetch().rowsUpdated();
    }

}
