package io.launchpad.matching;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * How the latest full reindex, started on any instance, is going: per alias, documents
 * loaded so far against the documents the alias held when its rebuild began (null for a
 * first build, when nothing is known yet); then the report, or why it failed. Shared
 * through PostgreSQL: every instance reports the run that any of them started.
 *
 * @param running a reindex is under way
 * @param startedAt when the latest reindex started; null when none has run
 * @param finishedAt when it ended (null while running)
 * @param indexes one entry per alias begun so far, in the order they are rebuilt
 * @param report what it did, once it succeeded
 * @param failure why it failed, once it failed
 */
public record ReindexProgress(boolean running, @Nullable Instant startedAt, @Nullable Instant finishedAt,
        List<IndexProgress> indexes, @Nullable ReindexReport report, @Nullable String failure) {

    public ReindexProgress {
        indexes = List.copyOf(indexes);
    }

    /** No reindex has run. */
    public static ReindexProgress none() {
        return new ReindexProgress(false, null, null, List.of(), null, null);
    }

    /**
     * @param alias the alias being rebuilt
     * @param done documents sent to the new index so far
     * @param expected documents the alias held when its rebuild began (an estimate of the
     * total); null if unknown
     * @param finished this alias's new index is complete and live
     */
    public record IndexProgress(String alias, long done, @Nullable Long expected, boolean finished) {
    }
}
