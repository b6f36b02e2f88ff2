package io.launchpad.matching.ranking;

import java.time.Clock;

import io.launchpad.matching.PilotEvidence;
import io.launchpad.matching.Search;
import io.launchpad.matching.Taxonomy;
import io.launchpad.matching.indexes.ElasticsearchConnection;
import io.launchpad.matching.indexes.Embeddings;
import io.launchpad.matching.indexes.IndexNames;
import io.launchpad.matching.indexes.IndexSetup;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the rankers (both directions, one bean) and search; imported by
 * {@code MatchingAutoConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class RankingConfiguration {

    @Bean
    HybridRanker matchingRanker(ElasticsearchConnection matchingElasticsearch, IndexSetup matchingIndexSetup,
            IndexNames matchingIndexNames, Embeddings matchingEmbeddings, PilotEvidence pilotEvidence,
            ObjectProvider<Clock> clock) {
        return new HybridRanker(matchingElasticsearch, matchingIndexSetup, matchingIndexNames, matchingEmbeddings,
                Taxonomy.housing(), pilotEvidence, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    Search matchingSearch(ElasticsearchConnection matchingElasticsearch, IndexSetup matchingIndexSetup,
            IndexNames matchingIndexNames, ObjectProvider<Clock> clock) {
        return new IndexSearch(matchingElasticsearch, matchingIndexSetup, matchingIndexNames, Taxonomy.housing(),
                clock.getIfAvailable(Clock::systemUTC));
    }

    /** Counts nothing until the app knows completed pilots and declares its own. */
    @Bean
    @ConditionalOnMissingBean
    PilotEvidence pilotEvidence() {
        return PilotEvidence.none();
    }

}
