package io.launchpad.matching;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * The outcome of comparing the system of record with the indexes. {@code consistent()}
 * when no difference was found and no outbox row is parked; {@code differences} lists
 * them (at most {@link #MAX_LISTED}, counts are exact).
 *
 * @param parkedOutboxRows outbox rows set aside because Elasticsearch kept rejecting
 * their document: changes the indexes will not receive until an operator re-queues them
 * ({@link ParkedOutboxRows})
 * @param parkedOutboxRowIds the first {@link #MAX_PARKED_LISTED} of them
 */
public record ConsistencyReport(List<IndexCount> indexes, List<Difference> differences, boolean truncated,
        long parkedOutboxRows, List<Long> parkedOutboxRowIds) {

    public static final int MAX_LISTED = 10_000;

    public static final int MAX_PARKED_LISTED = 100;

    public ConsistencyReport {
        indexes = List.copyOf(indexes);
        differences = List.copyOf(differences);
        parkedOutboxRowIds = List.copyOf(parkedOutboxRowIds);
    }

    /**
     * A parked row counts against it: a write is missing from the index even where the
     * counts agree.
     */
    public boolean consistent() {
        return parkedOutboxRows == 0
                && indexes.stream().allMatch(index -> index.missing() == 0 && index.extra() == 0 && index.stale() == 0);
    }

    /** Per alias: documents on each side and how many differ, by kind. */
    public record IndexCount(String alias, String index, long inDatabase, long inIndex, long missing, long extra,
            long stale) {
    }

    /**
     * One document that differs.
     *
     * @param databaseVersion null when the document is not in the database
     * @param indexVersion null when it is not in the index
     */
    public record Difference(String alias, String id, Kind kind, @Nullable Long databaseVersion,
            @Nullable Long indexVersion) {
    }

    public enum Kind {

        /** In the database, not in the index: searches cannot find it. */
        MISSING_IN_INDEX,
        /**
         * In the index, not in the database: searches return something that does not
         * exist.
         */
        EXTRA_IN_INDEX,
        /** In both, but the index holds another version than the database. */
        STALE_VERSION

    }
}
