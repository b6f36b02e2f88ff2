package io.launchpad.matching;

import reactor.core.publisher.Mono;

/**
 * Operating the matching indexes: rebuild them from the system of record without
 * downtime, and compare the two. Needs a {@link SearchableSource} bean from the app.
 */
public interface IndexLifecycle {

    /**
     * Rebuilds every matching index from {@link SearchableSource} into a new physical
     * index, swaps the alias over atomically, re-applies writes made meanwhile and
     * deletes the old index. Readers see the old index until the swap and the new one
     * after it, never neither. Fails with {@link ReindexInProgressException} while
     * another reindex runs, on this instance or any other sharing the database.
     */
    Mono<ReindexReport> reindex();

    /**
     * How the latest reindex, started on any instance sharing the database, is going or
     * went.
     */
    Mono<ReindexProgress> progress();

    /**
     * Every document that differs between the system of record and the index behind each
     * alias.
     */
    Mono<ConsistencyReport> checkConsistency();

}
