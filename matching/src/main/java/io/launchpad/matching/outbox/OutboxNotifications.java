package io.launchpad.matching.outbox;

import java.time.Duration;

import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;

/**
 * Wakes the indexer as soon as any instance commits an outbox row
 * ({@code LISTEN}/{@code NOTIFY}), so a change reaches the index in milliseconds rather
 * than at the next poll. Polling stays the guarantee: a lost notification (connection
 * drop, another driver) only costs latency.
 */
final class OutboxNotifications {

    static final String CHANNEL = "matching_outbox";

    private static final Logger log = LoggerFactory.getLogger(OutboxNotifications.class);

    private final ConnectionFactory connectionFactory;

    OutboxNotifications(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    /**
     * Never completes; empty forever when the database is not reached through
     * r2dbc-postgresql.
     */
    Flux<String> wakeUps() {
        ConnectionFactory target = unwrap(connectionFactory);
        if (!(target instanceof PostgresqlConnectionFactory postgres)) {
            log.info("Matching outbox: no PostgreSQL driver underneath, polling only");
            return Flux.never();
        }
        // its own connection, outside the pool: a listening connection is held for the
        // app's lifetime
        return Flux
            .usingWhen(postgres.create(),
                    connection -> connection.createStatement("LISTEN " + CHANNEL)
                        .execute()
                        .flatMap(PostgresqlResult::getRowsUpdated)
                        .thenMany(connection.getNotifications())
                        .map(notification -> CHANNEL),
                    connection -> connection.close())
            .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
                .maxBackoff(Duration.ofSeconds(30))
                .doBeforeRetry(signal -> log.atWarn()
                    .addKeyValue("error", signal.failure().toString())
                    .log("Matching outbox LISTEN connection lost; reconnecting")))
            .repeatWhen(completed -> completed.delayElements(Duration.ofSeconds(1)));
    }

    private static ConnectionFactory unwrap(ConnectionFactory factory) {
        ConnectionFactory current = factory;
        while (current instanceof Wrapped<?> wrapped && wrapped.unwrap() instanceof ConnectionFactory inner
                && inner != current) {
            current = inner;
        }
        return current;
    }

}
