package io.launchpad.matching;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The outbox rows the indexer parked: a document Elasticsearch rejected
 * {@code launchpad.matching.indexer.max-attempts} times stops being retried, so it holds
 * back no other row, the indexer or a reindex. Operators find them here, fix the cause,
 * then re-queue or discard them. A parked row is also resolved on its own when a newer
 * version of the same document is indexed.
 */
public interface ParkedOutboxRows {

    /**
     * Parked rows in id order, after {@code afterId} (0 for the first page), at most
     * {@code limit}.
     */
    Flux<ParkedOutboxRow> list(long afterId, int limit);

    /** Parked rows now, read from the database. */
    Mono<Long> count();

    /**
     * Back to the pending set, as a new row would be (no attempts counted, due now), and
     * wakes the indexers; false when no parked row has this id.
     */
    Mono<Boolean> retry(long id);

    /**
     * Deletes the parked row (its change will never be indexed); false when no parked row
     * has this id.
     */
    Mono<Boolean> discard(long id);

    /**
     * The last count read (the indexer refreshes it as it drains), for a gauge that must
     * not block.
     */
    long lastKnownCount();

    /** Rows this instance has parked since it started, for a counter. */
    long parkedSinceStart();

}
