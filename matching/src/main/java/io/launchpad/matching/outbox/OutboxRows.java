package io.launchpad.matching.outbox;

import java.util.Objects;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends one outbox row through {@link DatabaseClient}, which runs on the connection of
 * the caller's reactive transaction when there is one: the row commits or rolls back with
 * the change it records.
 */
final class OutboxRows {

    /**
     * pg_notify in the same statement: PostgreSQL delivers it only on commit, so indexers
     * never wake for a rolled-back row.
     */
    private static final String APPEND = """
            with appended as (
                insert into matching_outbox (aggregate_type, aggregate_id, aggregate_version, payload)
                values (:type, :id, :version, cast(:payload as jsonb))
                returning id
            )
            select pg_notify('%s', '') from appended
            """.formatted(OutboxNotifications.CHANNEL);

    private final DatabaseClient database;

    private final JsonMapper json = PayloadJson.mapper();

    OutboxRows(DatabaseClient database) {
        this.database = database;
    }

    DatabaseClient database() {
        return database;
    }

    Mono<Void> append(AggregateType type, UUID id, long version, Object document) {
        Objects.requireNonNull(id, "document id");
        return Mono.fromCallable(() -> json.writeValueAsString(document))
            .flatMap(payload -> database.sql(APPEND)
                .bind("type", type.code())
                .bind("id", id)
                .bind("version", version)
                .bind("payload", payload)
                .fetch()
                .all()
                .then());
    }

}
