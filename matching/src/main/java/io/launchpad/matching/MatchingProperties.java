package io.launchpad.matching;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import java.util.List;

/**
 * {@code launchpad.matching.*}.
 *
 * @param elasticsearchUrl where the cluster answers HTTP: one node, or several separated
 * by commas, which the client spreads requests over and fails over between when one stops
 * answering
 * @param indexPrefix names of indexes and aliases start with it, so environments (and
 * test runs) can share a cluster
 * @param requestTimeout longest wait for one Elasticsearch call before matching reports
 * itself unavailable
 * @param indexer the outbox drain
 * @param elasticsearch how to log in to a secured cluster (user, password, CA
 * certificate); none on the embedded node
 * @param embeddingModel the sentence-embedding model (an {@code EmbeddingModel} id) whose
 * jar is on the class path; changing it takes a full reindex before meaning counts again
 * (indexes record it)
 * @param reindexGrace how long a reindex leaves the indexes it replaced before deleting
 * them, so searches already running on them finish
 */
@ConfigurationProperties("launchpad.matching")
public record MatchingProperties(@DefaultValue("http://127.0.0.1:9200") List<URI> elasticsearchUrl,
        @DefaultValue("launchpad") String indexPrefix, @DefaultValue("5s") Duration requestTimeout,
        @DefaultValue Indexer indexer, @DefaultValue Security elasticsearch,
        @DefaultValue("all-minilm-l6-v2-q") String embeddingModel, @DefaultValue("2s") Duration reindexGrace) {

    public MatchingProperties {
        if (reindexGrace.isNegative()) {
            throw new IllegalArgumentException("launchpad.matching.reindex-grace must not be negative");
        }
    }

    /**
     * @param username basic authentication user; blank for a cluster without security
     * @param password its password
     * @param caCertificate path of the PEM certificate of the CA that signed the
     * cluster's HTTPS certificate; blank to trust the JDK's default authorities
     */
    public record Security(@DefaultValue("") String username, @DefaultValue("") String password,
            @DefaultValue("") String caCertificate) {

        public boolean authenticates() {
            return username != null && !username.isBlank();
        }

        @Override
        public String toString() {
            // never the password in a log line or an actuator page
            return "Security[username=" + username + ", caCertificate=" + caCertificate + "]";
        }
    }

    /**
     * @param enabled off on instances that must not drain (the outbox still records
     * changes)
     * @param pollInterval how often the outbox is checked when no notification arrives
     * @param batchSize rows claimed and sent in one bulk request
     * @param firstBackoff wait after the first failed attempt; doubles with each further
     * failure
     * @param maxBackoff cap of that wait
     * @param retention how long processed rows are kept (for operators tracing a change)
     * before deletion
     * @param maxAttempts how many times Elasticsearch may reject a row's document before
     * the row is parked (set aside for an operator); failures while the cluster is
     * unreachable never count
     */
    public record Indexer(@DefaultValue("true") boolean enabled, @DefaultValue("500ms") Duration pollInterval,
            @DefaultValue("100") int batchSize, @DefaultValue("1s") Duration firstBackoff,
            @DefaultValue("5m") Duration maxBackoff, @DefaultValue("7d") Duration retention,
            @DefaultValue("5") int maxAttempts) {

        public Indexer {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("launchpad.matching.indexer.max-attempts must be at least 1");
            }
        }
    }
}
