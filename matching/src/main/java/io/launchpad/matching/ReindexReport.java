package io.launchpad.matching;

import java.time.Duration;
import java.util.List;

/**
 * What a full reindex did.
 *
 * @param indexes     one entry per alias rebuilt
 * @param replayed    outbox rows re-applied to the new indexes after the swap (writes made during the rebuild)
 * @param duration    wall time of the whole reindex
 */
public record ReindexReport(List<RebuiltIndex> indexes, long replayed, Duration duration) {

    public ReindexReport {
        indexes = List.copyOf(indexes);
    }

    /**
     * @param alias            the name readers and writers use
     * @param previousIndex    the physical index the alias pointed at before (deleted after the swap); null if none
     * @param newIndex         the physical index the alias points at now
     * @param documents        documents loaded from the system of record
     * @param duration         time to stream, embed and bulk-load them
     * @param documentsPerSecond load rate
     * @param removed          documents deleted from the new index after the replay because the system of record
     *                         no longer held them (removed while the rebuild ran, e.g. an erased candidate)
     */
    public record RebuiltIndex(String alias, String previousIndex, String newIndex, long documents, Duration duration,
                               double documentsPerSecond, long removed) {
    }
}
