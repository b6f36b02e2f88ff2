package io.launchpad.benchmarks;

import java.util.List;

import io.launchpad.matching.ChallengeDocument;
import io.launchpad.matching.SearchableSource;
import io.launchpad.matching.SupplierDocument;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import reactor.core.publisher.Flux;

/**
 * The matching library on its own, as the API embeds it, over the same PostgreSQL and
 * Elasticsearch: the direct side of the latency ratio (same code, same Elasticsearch
 * queries, no HTTP, no token, no database read) and the quality runs, whose indexes it
 * loads with a reindex from lists.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class InProcessMatching {

    /** The documents the next reindex loads. */
    static final class Lists implements SearchableSource {

        volatile List<SupplierDocument> suppliers = List.of();

        volatile List<ChallengeDocument> challenges = List.of();

        @Override
        public Flux<SupplierDocument> suppliers() {
            return Flux.fromIterable(suppliers);
        }

        @Override
        public Flux<ChallengeDocument> challenges() {
            return Flux.fromIterable(challenges);
        }

    }

    static ConfigurableApplicationContext start(String r2dbcUrl, String user, String password, String elasticsearchUrl,
            String indexPrefix, Lists source) {
        return new SpringApplicationBuilder(InProcessMatching.class).web(WebApplicationType.NONE)
            .initializers(
                    context -> ((GenericApplicationContext) context).registerBean(SearchableSource.class, () -> source))
            .properties("spring.main.banner-mode=off", "spring.r2dbc.url=" + r2dbcUrl, "spring.r2dbc.username=" + user,
                    "spring.r2dbc.password=" + password, "launchpad.matching.elasticsearch-url=" + elasticsearchUrl,
                    "launchpad.matching.index-prefix=" + indexPrefix, "launchpad.matching.request-timeout=30s",
                    "launchpad.matching.embedding-model=" + Benchmarks.EMBEDDING_MODEL,
                    // the API instance drains the outbox; this one only reads and
                    // reindexes
                    "launchpad.matching.indexer.enabled=false")
            .run();
    }

}
