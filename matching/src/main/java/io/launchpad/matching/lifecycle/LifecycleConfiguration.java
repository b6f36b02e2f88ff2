package io.launchpad.matching.lifecycle;

import java.time.Duration;

import io.launchpad.matching.IndexLifecycle;
import io.launchpad.matching.MatchingProperties;
import io.launchpad.matching.ParkedOutboxRows;
import io.launchpad.matching.SearchableSource;
import io.launchpad.matching.indexes.BoardDocuments;
import io.launchpad.matching.indexes.ElasticsearchConnection;
import io.launchpad.matching.indexes.IndexNames;
import io.launchpad.matching.indexes.IndexSetup;
import io.launchpad.matching.indexes.IndexedDocuments;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Wires the index lifecycle; imported by {@code MatchingAutoConfiguration}. The app
 * provides the {@link SearchableSource}; without one, reindex and the check fail with a
 * clear message.
 */
@Configuration(proxyBeanMethods = false)
public class LifecycleConfiguration {

    /**
     * A bulk request with embeddings can take longer than a search may: the load gets its
     * own, patient connection.
     */
    private static final Duration BULK_TIMEOUT = Duration.ofMinutes(2);

    @Bean(destroyMethod = "close")
    LifecycleConnection matchingLifecycleConnection(MatchingProperties properties) {
        return new LifecycleConnection(new ElasticsearchConnection(properties.elasticsearchUrl(),
                properties.requestTimeout().compareTo(BULK_TIMEOUT) > 0 ? properties.requestTimeout() : BULK_TIMEOUT,
                properties.elasticsearch()));
    }

    @Bean
    IndexLifecycle matchingIndexLifecycle(LifecycleConnection matchingLifecycleConnection,
            IndexSetup matchingIndexSetup, IndexNames matchingIndexNames, DatabaseClient databaseClient,
            IndexedDocuments matchingIndexedDocuments, BoardDocuments matchingBoardDocuments,
            ParkedOutboxRows matchingParkedOutboxRows, ObjectProvider<SearchableSource> sources,
            MatchingProperties properties) {
        ElasticsearchConnection elasticsearch = matchingLifecycleConnection.elasticsearch();
        // one converting rail: each model run already uses every core (ONNX Runtime's own
        // threads), and
        // two rails would only make them fight; 64 texts make four model batches per
        // conversion
        Reindex.Settings settings = new Reindex.Settings(500, 64, 1, properties.reindexGrace());
        return new IndexLifecycleService(
                new Reindex(elasticsearch, matchingIndexSetup, matchingIndexNames, databaseClient,
                        matchingIndexedDocuments, matchingBoardDocuments, settings),
                new ConsistencyCheck(elasticsearch, matchingIndexSetup, matchingIndexNames, matchingParkedOutboxRows),
                () -> {
                    SearchableSource source = sources.getIfAvailable();
                    if (source == null) {
                        throw new IllegalStateException(
                                "No SearchableSource bean: the app must provide one to reindex or check indexes");
                    }
                    return source;
                }, new ReindexLock(databaseClient.getConnectionFactory()), new SharedReindexProgress(databaseClient));
    }

    /**
     * A holder, so the second connection is not an {@code ElasticsearchConnection} bean
     * others could be wired with by type.
     */
    record LifecycleConnection(ElasticsearchConnection elasticsearch) implements AutoCloseable {

        @Override
        public void close() {
            elasticsearch.close();
        }
    }

}
