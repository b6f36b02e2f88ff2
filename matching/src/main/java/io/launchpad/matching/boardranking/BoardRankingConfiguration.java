package io.launchpad.matching.boardranking;

import io.launchpad.matching.ranking.QueryVectors;
import java.time.Clock;

import io.launchpad.matching.BoardRanking;
import io.launchpad.matching.indexes.ElasticsearchConnection;
import io.launchpad.matching.indexes.Embeddings;
import io.launchpad.matching.indexes.IndexNames;
import io.launchpad.matching.indexes.IndexSetup;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires board matching; imported by {@code MatchingAutoConfiguration}. */
@Configuration(proxyBeanMethods = false)
public class BoardRankingConfiguration {

    @Bean
    BoardRanking matchingBoardRanking(ElasticsearchConnection matchingElasticsearch, IndexSetup matchingIndexSetup,
            IndexNames matchingIndexNames, Embeddings matchingEmbeddings, ObjectProvider<Clock> clock) {
        return new BoardRanker(matchingElasticsearch, matchingIndexSetup, matchingIndexNames,
                new QueryVectors(matchingEmbeddings), clock.getIfAvailable(Clock::systemUTC));
    }

}
