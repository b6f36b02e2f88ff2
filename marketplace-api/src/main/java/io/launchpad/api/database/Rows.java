package io.launchpad.api.database;

import reactor.core.publisher.Flux;

import java.util.function.Function;

/**
 * Query results read to the end before the first row is handed on:
 * {@code .all().as(Rows::whole)}.
 *
 * <p>
 * A result that is still streaming keeps its connection busy. Inside a transaction every
 * statement shares that one connection, so a statement issued per row waits for the
 * stream, while the stream waits for demand that only comes once that statement is done:
 * a deadlock as soon as a result outgrows the operator's prefetch (a published challenge
 * with more than 32 people to notify held the notification fan-out for a minute at a
 * time, every time). Outside a transaction each such caller holds one pool connection
 * while it waits for a second, and enough of them at once starve the pool. Every list
 * read here is bounded (page limits, one person's rows, one challenge's audience), so
 * reading it whole costs little. {@code QueryRowsTest} fails when a query's rows are
 * streamed any other way.
 */
public final class Rows {

    private Rows() {
    }

    public static <T> Flux<T> whole(Flux<T> rows) {
        return rows.collectList().flatMapIterable(Function.identity());
    }

}
