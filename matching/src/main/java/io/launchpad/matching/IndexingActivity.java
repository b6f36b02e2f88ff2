package io.launchpad.matching;

/**
 * What this instance's outbox indexer has done since it started, for counters an operator
 * turns into an indexing rate and a failure rate. Read without blocking: the indexer
 * keeps the totals as it drains.
 */
public interface IndexingActivity {

    /** Outbox rows whose change Elasticsearch accepted. */
    long documentsIndexed();

    /**
     * Rows sent and not accepted: unreachable cluster, timeouts, or the document refused
     * (each attempt counts).
     */
    long documentsFailed();

}
