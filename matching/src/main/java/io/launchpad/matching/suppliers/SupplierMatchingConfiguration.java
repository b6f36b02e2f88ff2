package io.launchpad.matching.suppliers;

import io.launchpad.matching.SupplierMatching;
import io.launchpad.matching.indexes.ElasticsearchConnection;
import io.launchpad.matching.indexes.IndexNames;
import io.launchpad.matching.indexes.IndexSetup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the supplier ranker; imported by {@code MatchingAutoConfiguration}. */
@Configuration(proxyBeanMethods = false)
public class SupplierMatchingConfiguration {

    @Bean
    SupplierMatching supplierMatching(ElasticsearchConnection matchingElasticsearch, IndexSetup indexSetup, IndexNames indexNames) {
        return new SupplierRanker(matchingElasticsearch, indexSetup, indexNames);
    }
}
