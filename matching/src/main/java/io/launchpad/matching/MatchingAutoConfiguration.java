package io.launchpad.matching;

import io.launchpad.matching.boardranking.BoardRankingConfiguration;
import io.launchpad.matching.indexes.IndexesConfiguration;
import io.launchpad.matching.lifecycle.LifecycleConfiguration;
import io.launchpad.matching.outbox.OutboxConfiguration;
import io.launchpad.matching.ranking.RankingConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * Matching inside the app: {@link Outbox}, {@link SupplierMatching},
 * {@link ChallengeMatching} and {@link Search} beans, the outbox indexer and the index
 * set-up. Needs the app's R2DBC {@code DatabaseClient}, {@code ConnectionFactory} and
 * {@code ReactiveTransactionManager}, hence after Boot's R2DBC auto-configurations.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
        "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration" })
@EnableConfigurationProperties(MatchingProperties.class)
@Import({ IndexesConfiguration.class, OutboxConfiguration.class, RankingConfiguration.class,
        LifecycleConfiguration.class, BoardRankingConfiguration.class })
public class MatchingAutoConfiguration {

}
