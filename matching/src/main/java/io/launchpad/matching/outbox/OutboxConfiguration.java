package io.launchpad.matching.outbox;

import io.launchpad.matching.MatchingProperties;
import io.launchpad.matching.BoardOutbox;
import io.launchpad.matching.MatchingHealth;
import io.launchpad.matching.Outbox;
import io.launchpad.matching.ParkedOutboxRows;
import io.launchpad.matching.indexes.BoardDocuments;
import io.launchpad.matching.indexes.ElasticsearchConnection;
import io.launchpad.matching.indexes.IndexNames;
import io.launchpad.matching.indexes.IndexedDocuments;
import io.launchpad.matching.indexes.IndexSetup;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Wires the outbox writer and its indexer; imported by {@code MatchingAutoConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class OutboxConfiguration {

    @Bean
    Outbox matchingOutbox(DatabaseClient databaseClient) {
        return new OutboxWriter(databaseClient);
    }

    @Bean
    BoardOutbox matchingBoardOutbox(DatabaseClient databaseClient) {
        return new BoardOutboxWriter(databaseClient);
    }

    @Bean
    MatchingHealth matchingHealth(ElasticsearchConnection matchingElasticsearch, DatabaseClient databaseClient) {
        return new HealthChecks(matchingElasticsearch, databaseClient);
    }

    /**
     * Declared as the class so the indexer can report what it parks; others see
     * {@link ParkedOutboxRows}.
     */
    @Bean
    ParkedRows matchingParkedOutboxRows(DatabaseClient databaseClient) {
        return new ParkedRows(databaseClient);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "launchpad.matching.indexer.enabled", matchIfMissing = true)
    OutboxIndexer matchingOutboxIndexer(DatabaseClient databaseClient, ReactiveTransactionManager transactionManager,
            ElasticsearchConnection matchingElasticsearch, IndexSetup matchingIndexSetup, IndexNames matchingIndexNames,
            IndexedDocuments matchingIndexedDocuments, BoardDocuments matchingBoardDocuments,
            ParkedRows matchingParkedOutboxRows, MatchingProperties properties) {
        return new OutboxIndexer(
                databaseClient, TransactionalOperator.create(transactionManager), new BulkSend(matchingElasticsearch,
                        matchingIndexSetup, matchingIndexNames, matchingIndexedDocuments, matchingBoardDocuments),
                matchingParkedOutboxRows, properties.indexer());
    }

    /**
     * Draining starts once the app is ready and stops (close) before the connection
     * factory goes.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> matchingOutboxIndexerStarter(ObjectProvider<OutboxIndexer> indexer,
            ConnectionFactory connectionFactory) {
        return ready -> indexer.ifAvailable(it -> it.start(new OutboxNotifications(connectionFactory).wakeUps()));
    }

}
