package io.launchpad.api.webhook;

import io.launchpad.api.database.Rows;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Repository
class WebhookRepository {

    record Endpoint(UUID id, UUID organisationId, String url, List<String> events, String description,
            Instant createdAt) {
    }

    record Delivery(UUID id, UUID endpointId, String eventType, UUID resourceId, String status, int attempts,
            Instant createdAt, Instant nextAttemptAt, Instant deliveredAt) {
    }

    record Attempt(int attempt, Instant attemptedAt, Integer statusCode, String error, int durationMs) {
    }

    /** A delivery claimed for one attempt: what to send where. */
    record Claimed(UUID id, String url, String secret, String payload, int attempts, int giveUpAfter) {
    }

    private final DatabaseClient db;

    WebhookRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Endpoint> insert(UUID id, UUID organisationId, String url, List<String> events, String description,
            String secret) {
        return db.sql("""
                insert into webhook_endpoint (id, organisation_id, url, events, description, secret)
                values (:id, :org, :url, :events, :description, :secret) returning *""")
            .bind("id", id)
            .bind("org", organisationId)
            .bind("url", url)
            .bind("events", events.toArray(String[]::new))
            .bind("description", description)
            .bind("secret", secret)
            .map(WebhookRepository::endpoint)
            .one();
    }

    Flux<Endpoint> forOrganisation(UUID organisationId) {
        return db.sql("select * from webhook_endpoint where organisation_id = :org order by created_at, id")
            .bind("org", organisationId)
            .map(WebhookRepository::endpoint)
            .all()
            .as(Rows::whole);
    }

    Mono<Endpoint> find(UUID organisationId, UUID id) {
        return db.sql("select * from webhook_endpoint where id = :id and organisation_id = :org")
            .bind("id", id)
            .bind("org", organisationId)
            .map(WebhookRepository::endpoint)
            .one();
    }

    Mono<Long> delete(UUID organisationId, UUID id) {
        return db.sql("delete from webhook_endpoint where id = :id and organisation_id = :org")
            .bind("id", id)
            .bind("org", organisationId)
            .fetch()
            .rowsUpdated();
    }

    /** The endpoint's deliveries, newest first, with before (sequence) for paging. */
    Flux<Delivery> deliveries(UUID endpointId, Long beforeSequence, int limit) {
        return db.sql("""
                select * from webhook_delivery where endpoint_id = :endpoint and sequence < :before
                order by sequence desc limit :limit""")
            .bind("endpoint", endpointId)
            .bind("before", beforeSequence == null ? Long.MAX_VALUE : beforeSequence)
            .bind("limit", limit)
            .map(WebhookRepository::delivery)
            .all()
            .as(Rows::whole);
    }

    Mono<Long> sequenceOf(UUID deliveryId) {
        return db.sql("select sequence from webhook_delivery where id = :id")
            .bind("id", deliveryId)
            .map(row -> row.get("sequence", Long.class))
            .one();
    }

    Mono<List<Attempt>> attempts(UUID deliveryId) {
        return db.sql("select * from webhook_attempt where delivery_id = :id order by attempt")
            .bind("id", deliveryId)
            .map(row -> new Attempt(row.get("attempt", Integer.class), row.get("attempted_at", Instant.class),
                    row.get("status_code", Integer.class), row.get("error", String.class),
                    row.get("duration_ms", Integer.class)))
            .all()
            .collectList();
    }

    /** Sends the delivery again from now, with a full set of attempts. */
    Mono<Delivery> replay(UUID endpointId, UUID deliveryId, int maxAttempts) {
        return db.sql("""
                update webhook_delivery set status = 'pending', next_attempt_at = now(), delivered_at = null,
                       give_up_after = attempts + :max
                where id = :id and endpoint_id = :endpoint returning *""")
            .bind("id", deliveryId)
            .bind("endpoint", endpointId)
            .bind("max", maxAttempts)
            .map(WebhookRepository::delivery)
            .one();
    }

    /**
     * Claims due deliveries for one attempt each: each is leased (its next attempt pushed
     * past the call's timeout) in one statement, so no call is made inside a transaction
     * and no two instances send one delivery at once. A delivery waits while an earlier
     * one to the same endpoint about the same resource is still pending, so a partner
     * hears of a resource's changes in order.
     */
    Flux<Claimed> claim(int limit, Duration lease) {
        return db.sql("""
                with due as (
                    select d.id from webhook_delivery d
                    where d.status = 'pending' and d.next_attempt_at <= now()
                      and not exists (select 1 from webhook_delivery e
                                      where e.endpoint_id = d.endpoint_id and e.resource_id = d.resource_id
                                        and e.status = 'pending' and e.sequence < d.sequence)
                    order by d.sequence limit :limit for update skip locked)
                update webhook_delivery d set attempts = d.attempts + 1,
                       next_attempt_at = now() + make_interval(secs => :lease)
                from due, webhook_endpoint w
                where d.id = due.id and w.id = d.endpoint_id
                returning d.id, w.url, w.secret, d.payload, d.attempts, d.give_up_after""")
            .bind("limit", limit)
            .bind("lease", (double) lease.toSeconds())
            .map(row -> new Claimed(row.get("id", UUID.class), row.get("url", String.class),
                    row.get("secret", String.class), row.get("payload", String.class),
                    row.get("attempts", Integer.class), row.get("give_up_after", Integer.class)))
            .all()
            .as(Rows::whole);
    }

    /**
     * The attempt's outcome: delivered, or retried after {@code retryIn}, or failed when
     * out of attempts.
     */
    Mono<Void> recordAttempt(Claimed claimed, @Nullable Integer statusCode, @Nullable String error, int durationMs,
            Duration retryIn) {
        boolean delivered = statusCode != null && statusCode >= 200 && statusCode < 300;
        String status = delivered ? "delivered" : claimed.attempts() >= claimed.giveUpAfter() ? "failed" : "pending";
        var attempt = db.sql("""
                insert into webhook_attempt (delivery_id, attempt, status_code, error, duration_ms)
                values (:id, :attempt, :code, :error, :ms) on conflict do nothing""")
            .bind("id", claimed.id())
            .bind("attempt", claimed.attempts())
            .bind("ms", durationMs);
        attempt = statusCode == null ? attempt.bindNull("code", Integer.class) : attempt.bind("code", statusCode);
        attempt = error == null ? attempt.bindNull("error", String.class) : attempt.bind("error", error);
        return attempt.then()
            .then(db.sql("""
                    update webhook_delivery set status = :status,
                           delivered_at = case when :status = 'delivered' then now() end,
                           next_attempt_at = now() + make_interval(secs => :retry)
                    where id = :id""")
                .bind("status", status)
                .bind("retry", retryIn.toMillis() / 1000.0)
                .bind("id", claimed.id())
                .then());
    }

    private static Endpoint endpoint(Readable row) {
        String[] events = row.get("events", String[].class);
        return new Endpoint(row.get("id", UUID.class), row.get("organisation_id", UUID.class),
                row.get("url", String.class), events == null ? List.of() : List.of(events),
                row.get("description", String.class), row.get("created_at", Instant.class));
    }

    private static Delivery delivery(Readable row) {
        return new Delivery(row.get("id", UUID.class), row.get("endpoint_id", UUID.class),
                row.get("event_type", String.class), row.get("resource_id", UUID.class),
                row.get("status", String.class), row.get("attempts", Integer.class),
                row.get("created_at", Instant.class), row.get("next_attempt_at", Instant.class),
                row.get("delivered_at", Instant.class));
    }

}
