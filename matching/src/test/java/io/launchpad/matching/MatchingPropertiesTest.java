package io.launchpad.matching;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatchingPropertiesTest {

    @Test
    void defaultsApplyToEverythingNotSet() {
        MatchingProperties properties = bind(Map.of("launchpad.matching.index-prefix", "staging"));

        assertThat(properties.indexPrefix()).isEqualTo("staging");
        assertThat(properties.elasticsearchUrl()).containsExactly(URI.create("http://127.0.0.1:9200"));
        assertThat(properties.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.indexer()).isEqualTo(new MatchingProperties.Indexer(true, Duration.ofMillis(500), 100,
                Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofDays(7), 5));
        assertThat(properties.reindexGrace()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void kebabCasePropertiesBind() {
        MatchingProperties properties = bind(Map.of("launchpad.matching.elasticsearch-url",
                "http://search-1.internal:9200,http://search-2.internal:9200", "launchpad.matching.indexer.enabled",
                "false", "launchpad.matching.indexer.poll-interval", "2s", "launchpad.matching.indexer.batch-size", "7",
                "launchpad.matching.indexer.max-backoff", "1m", "launchpad.matching.indexer.max-attempts", "3",
                "launchpad.matching.reindex-grace", "100ms"));

        // a cluster's nodes, comma separated, as ELASTICSEARCH_URL may list them
        assertThat(properties.elasticsearchUrl()).containsExactly(URI.create("http://search-1.internal:9200"),
                URI.create("http://search-2.internal:9200"));
        assertThat(properties.indexPrefix()).isEqualTo("launchpad");
        assertThat(properties.indexer().enabled()).isFalse();
        assertThat(properties.indexer().pollInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.indexer().batchSize()).isEqualTo(7);
        assertThat(properties.indexer().maxBackoff()).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.indexer().maxAttempts()).isEqualTo(3);
        assertThat(properties.reindexGrace()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void aNegativeGraceIsRefusedAtStart() {
        assertThatThrownBy(() -> bind(Map.of("launchpad.matching.reindex-grace", "-1s")))
            .hasRootCauseMessage("launchpad.matching.reindex-grace must not be negative");
    }

    private static MatchingProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("launchpad.matching",
                MatchingProperties.class);
    }

}
