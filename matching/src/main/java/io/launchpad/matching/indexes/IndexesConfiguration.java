package io.launchpad.matching.indexes;

import io.launchpad.matching.MatchingProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import io.launchpad.matching.Taxonomy;

/**
 * Wires the Elasticsearch connection and index set-up; imported by
 * {@code MatchingAutoConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class IndexesConfiguration {

    @Bean
    IndexNames matchingIndexNames(MatchingProperties properties) {
        return new IndexNames(properties.indexPrefix());
    }

    @Bean
    ElasticsearchConnection matchingElasticsearch(MatchingProperties properties) {
        return new ElasticsearchConnection(properties.elasticsearchUrl(), properties.requestTimeout(),
                properties.elasticsearch());
    }

    @Bean
    Embeddings matchingEmbeddings(MatchingProperties properties) {
        return new Embeddings(EmbeddingModel.named(properties.embeddingModel()));
    }

    @Bean
    IndexedDocuments matchingIndexedDocuments(Embeddings matchingEmbeddings,
            ElasticsearchConnection matchingElasticsearch, IndexNames matchingIndexNames) {
        return new IndexedDocuments(matchingEmbeddings, Taxonomy.housing(),
                PreviousVectors.in(matchingElasticsearch, matchingIndexNames));
    }

    @Bean
    BoardDocuments matchingBoardDocuments(Embeddings matchingEmbeddings) {
        return new BoardDocuments(matchingEmbeddings);
    }

    @Bean
    IndexSetup matchingIndexSetup(ElasticsearchConnection matchingElasticsearch, IndexNames matchingIndexNames,
            Embeddings matchingEmbeddings) {
        return new IndexSetup(matchingElasticsearch, matchingIndexNames, matchingEmbeddings.model());
    }

    /**
     * Not at construction: the app must start, and take writes, while Elasticsearch is
     * still down.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> matchingIndexSetupStarter(IndexSetup matchingIndexSetup) {
        return ready -> matchingIndexSetup.startInBackground();
    }

}
