package io.launchpad.api.webhook;

import io.launchpad.api.database.Rows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.time.OffsetDateTime;

/**
 * Turns recorded events into deliveries, one per subscribed endpoint entitled to hear of
 * the event. Events wait in {@code webhook_pending} (written with the event); they are
 * claimed with {@code FOR UPDATE SKIP LOCKED} and removed in the same transaction that
 * writes their deliveries, so several instances share the work and no event is delivered
 * twice. The queue is its own table so that these locks never make the notification
 * fan-out skip an event.
 */
@Component
class WebhookFanOut {

    private static final Logger log = LoggerFactory.getLogger(WebhookFanOut.class);

    private record PendingEvent(long id, String kind, UUID challengeId, UUID subjectId, String title, Instant at) {
    }

    private final DatabaseClient db;

    private final TransactionalOperator transaction;

    private final JsonMapper json;

    private final String apiBaseUrl;

    private final int maxAttempts;

    WebhookFanOut(DatabaseClient db, ReactiveTransactionManager transactions, JsonMapper json,
            WebhookProperties properties, @Value("${launchpad.api-base-url:http://127.0.0.1:8080}") String apiBaseUrl) {
        this.db = db;
        this.transaction = TransactionalOperator.create(transactions);
        this.json = json;
        this.apiBaseUrl = apiBaseUrl.endsWith("/") ? apiBaseUrl.substring(0, apiBaseUrl.length() - 1) : apiBaseUrl;
        this.maxAttempts = properties.maxAttempts();
    }

    @Scheduled(fixedDelayString = "${launchpad.webhooks.fan-out-interval:PT2S}")
    void scheduled() {
        try {
            fanOut().block(Duration.ofMinutes(1));
        }
        catch (RuntimeException e) {
            // the events stay unmarked and are taken again on the next run
            log.atWarn().setCause(e).log("webhook fan-out failed");
        }
    }

    /** Fans out every pending event; returns how many deliveries were created. */
    Mono<Long> fanOut() {
        return batch().expand(done -> done[0] == 0 ? Mono.empty() : batch()).map(done -> done[1]).reduce(0L, Long::sum);
    }

    private Mono<long[]> batch() {
        return db.sql("""
                select e.id, e.kind, e.challenge_id, e.subject_id, e.title, e.created_at
                from webhook_pending p join notification_event e on e.id = p.event_id
                order by p.event_id limit 50 for update of p skip locked""")
            .map(row -> new PendingEvent(row.get("id", Long.class), row.get("kind", String.class),
                    row.get("challenge_id", UUID.class), row.get("subject_id", UUID.class),
                    row.get("title", String.class), row.get("created_at", OffsetDateTime.class).toInstant()))
            .all()
            .as(Rows::whole)
            .concatMap(event -> deliveries(event)
                .flatMap(created -> db.sql("delete from webhook_pending where event_id = :id")
                    .bind("id", event.id())
                    .then()
                    .thenReturn(created)))
            .collectList()
            .map(created -> new long[] { created.size(), created.stream().mapToLong(Long::longValue).sum() })
            .as(transaction::transactional);
    }

    private Mono<Long> deliveries(PendingEvent event) {
        return WebhookEventType.ofKind(event.kind())
            .map(type -> endpoints(type, event).concatMap(endpoint -> insert(endpoint, type, event)).count())
            .orElse(Mono.just(0L));
    }

    private Flux<UUID> endpoints(WebhookEventType type, PendingEvent event) {
        String audience = type.audience().organisations();
        var spec = db
            .sql("select id from webhook_endpoint where :type = any(events)"
                    + (audience == null ? "" : " and organisation_id in (" + audience + ")"))
            .bind("type", type.code());
        if (audience != null && audience.contains(":challenge")) {
            spec = event.challengeId() == null ? spec.bindNull("challenge", UUID.class)
                    : spec.bind("challenge", event.challengeId());
        }
        if (audience != null && audience.contains(":subject")) {
            spec = event.subjectId() == null ? spec.bindNull("subject", UUID.class)
                    : spec.bind("subject", event.subjectId());
        }
        return spec.map(row -> row.get("id", UUID.class)).all().as(Rows::whole);
    }

    private Mono<Long> insert(UUID endpoint, WebhookEventType type, PendingEvent event) {
        UUID id = UUID.randomUUID();
        UUID resource = event.challengeId() != null ? event.challengeId() : event.subjectId();
        var spec = db
            .sql("""
                    insert into webhook_delivery (id, endpoint_id, event_id, event_type, resource_id, payload, status, give_up_after)
                    values (:id, :endpoint, :event, :type, :resource, :payload, 'pending', :max)
                    on conflict (endpoint_id, event_id) do nothing""")
            .bind("id", id)
            .bind("endpoint", endpoint)
            .bind("event", event.id())
            .bind("type", type.code())
            .bind("payload", payload(id, type, event))
            .bind("max", maxAttempts);
        spec = resource == null ? spec.bindNull("resource", UUID.class) : spec.bind("resource", resource);
        return spec.fetch().rowsUpdated();
    }

    /**
     * Thin events: what happened and where to read it; the partner reads the rest with
     * its own access.
     */
    private String payload(UUID id, WebhookEventType type, PendingEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (event.challengeId() != null) {
            data.put("challengeId", event.challengeId().toString());
        }
        if (event.subjectId() != null) {
            data.put("subjectId", event.subjectId().toString());
        }
        data.put("title", event.title());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id.toString());
        body.put("type", type.code());
        body.put("occurredAt", event.at().toString());
        body.put("data", data);
        if (event.challengeId() != null) {
            body.put("links", Map.of("challenge", apiBaseUrl + "/api/v1/challenges/" + event.challengeId()));
        }
        return json.writeValueAsString(body);
    }

}
