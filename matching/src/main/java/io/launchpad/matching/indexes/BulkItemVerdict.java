package io.launchpad.matching.indexes;

import java.util.Set;

import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;

/**
 * What one item of a bulk response means for the document it carried. The line that
 * matters is between a refusal of the document itself (a mapping error, a value the field
 * cannot hold: sending it again gets the same answer, so it may be set aside) and a
 * failure of the cluster's state (overload, a shard away, a block, an index not there
 * yet: it passes with time, so it must be retried and never held against the document).
 */
public enum BulkItemVerdict {

    /** Indexed, deleted, or already superseded by the same or a newer version. */
    ACCEPTED,
    /** Elasticsearch refuses this document; retrying unchanged will not help. */
    REJECTED,
    /** The cluster could not take it now; retry later. */
    UNAVAILABLE;

    private static final String VERSION_CONFLICT = "version_conflict_engine_exception";

    /** 4xx item errors that describe the cluster, not the document. */
    private static final Set<String> CLUSTER_STATE = Set.of("index_not_found_exception", "cluster_block_exception",
            "es_rejected_execution_exception", "circuit_breaking_exception");

    private static final int MAX_DESCRIPTION = 1_000;

    public static BulkItemVerdict of(BulkResponseItem item) {
        ErrorCause error = item.error();
        // a conflict means the index already holds this version or a newer one: what we
        // wanted
        if (error == null || VERSION_CONFLICT.equals(error.type())) {
            return ACCEPTED;
        }
        int status = item.status();
        if (status == 429 || status >= 500 || CLUSTER_STATE.contains(error.type())) {
            return UNAVAILABLE;
        }
        return REJECTED;
    }

    /**
     * One line for an operator: the error, and what caused it when Elasticsearch says.
     */
    public static String describe(ErrorCause error) {
        String text = error.type() + ": " + error.reason();
        if (error.causedBy() != null) {
            text += " (caused by " + error.causedBy().type() + ": " + error.causedBy().reason() + ")";
        }
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION) + "…";
    }

}
