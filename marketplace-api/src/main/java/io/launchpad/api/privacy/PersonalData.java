package io.launchpad.api.privacy;

import reactor.core.publisher.Mono;
import java.util.Set;

/**
 * A feature that holds data about a person contributes it to the person's export and
 * erases it on request. Features implement this (privacy never reaches into them), so the
 * data-rights endpoints cover every feature that registers a bean, and the feature
 * dependency graph stays acyclic.
 */
public interface PersonalData {

    /** The key of this feature's part of the export document. */
    String section();

    /**
     * The tables this feature keeps the person's data in. The erasure catalogue test
     * reads every table that identifies a person from PostgreSQL's catalogue and fails
     * when no feature names it.
     */
    Set<String> tables();

    /** Lower erases first (rows that reference others go before what they reference). */
    int erasureOrder();

    /**
     * Everything this feature holds about the person, as JSON-ready values (empty map
     * when nothing).
     */
    Mono<Object> export(String subject);

    /** Removes or anonymises the person's data, inside the caller's transaction. */
    Mono<Erased> erase(String subject);

    /**
     * How many rows went, and how many search-index deletions were enqueued through the
     * outbox.
     */
    record Erased(long rows, long indexDeletions) {

        public static final Erased NOTHING = new Erased(0, 0);

        public Erased plus(Erased other) {
            return new Erased(rows + other.rows, indexDeletions + other.indexDeletions);
        }
    }

}
