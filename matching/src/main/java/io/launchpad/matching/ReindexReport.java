package io.launchpad.matching;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.List;

/**
 * What a full reindex did.
 *
 * @param indexes one entry per alias rebuilt
 * @param replayed outbox rows re-applied to the new indexes after the swap (writes made
 * during the rebuild)
 * @param replayRejected outbox rows the replay left out because Elasticsearch refused
 * their document (the indexer retries them and parks them if the refusals go on); parked
 * rows are not replayed
 * @param rejected the first {@link #MAX_REJECTED_LISTED} documents left out, from the
 * record or the replay
 * @param duration wall time of the whole reindex
 */
public record ReindexReport(List<RebuiltIndex> indexes, long replayed, long replayRejected,
        List<RejectedDocument> rejected, Duration duration) {

    public static final int MAX_REJECTED_LISTED = 100;

    public ReindexReport {
        indexes = List.copyOf(indexes);
        rejected = List.copyOf(rejected);
    }

    /**
     * @param alias the name readers and writers use
     * @param previousIndex the physical index the alias pointed at before (deleted after
     * the swap); null if none
     * @param newIndex the physical index the alias points at now
     * @param documents documents loaded from the system of record
     * @param duration time to stream, embed and bulk-load them
     * @param documentsPerSecond load rate
     * @param removed documents deleted from the new index after the replay because the
     * system of record no longer held them (removed while the rebuild ran, e.g. an erased
     * candidate)
     * @param rejected records left out of the new index because Elasticsearch refused
     * their document (the consistency check then reports them missing until the record is
     * fixed)
     */
    public record RebuiltIndex(String alias, @Nullable String previousIndex, String newIndex, long documents,
            Duration duration, double documentsPerSecond, long removed, long rejected) {
    }

    /**
     * A document Elasticsearch refused during the reindex.
     *
     * @param from RECORD when loading from the system of record, OUTBOX_REPLAY when
     * re-applying recent writes
     * @param id the document's id (the aggregate id)
     * @param error Elasticsearch's reason
     */
    public record RejectedDocument(String alias, String id, From from, String error) {
    }

    public enum From {

        RECORD, OUTBOX_REPLAY

    }
}
