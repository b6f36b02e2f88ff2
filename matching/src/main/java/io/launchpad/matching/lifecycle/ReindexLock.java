package io.launchpad.matching.lifecycle;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Mono;

/**
 * One reindex at a time across every instance sharing the database: a PostgreSQL session
 * advisory lock, taken with {@code pg_try_advisory_lock} on a connection of its own and
 * held for the whole run. An instance that dies takes its session, and so the lock, with
 * it; a finished, failed or cancelled run unlocks before the connection goes back.
 */
final class ReindexLock {

    /**
     * "LPREINDX": one key for the whole product, in this database's advisory lock space.
     */
    static final long KEY = 0x4C50_5245_494E_4458L;

    private final ConnectionFactory connections;

    ReindexLock(ConnectionFactory connections) {
        this.connections = connections;
    }

    /**
     * Runs {@code work} while holding the lock; empty, without running it, when another
     * session holds it.
     */
    <T> Mono<T> whileHeld(Mono<T> work) {
        return Mono.usingWhen(Mono.from(connections.create()),
                connection -> query(connection, "select pg_try_advisory_lock(" + KEY + ") as held")
                    .flatMap(held -> held ? work : Mono.empty()),
                ReindexLock::unlockAndClose, (connection, error) -> unlockAndClose(connection),
                ReindexLock::unlockAndClose);
    }

    private static Mono<Void> unlockAndClose(Connection connection) {
        // unlocking a lock this session does not hold only returns false
        return query(connection, "select pg_advisory_unlock(" + KEY + ") as held")
            .onErrorResume(error -> Mono.just(false))
            .then(Mono.from(connection.close()));
    }

    private static Mono<Boolean> query(Connection connection, String sql) {
        return Mono.from(connection.createStatement(sql).execute())
            .flatMap(
                    result -> Mono.from(result.map((row, metadata) -> Boolean.TRUE.equals(row.get(0, Boolean.class)))));
    }

}
