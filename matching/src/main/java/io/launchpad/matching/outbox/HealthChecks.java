package io.launchpad.matching.outbox;

import java.time.Duration;

import io.launchpad.matching.MatchingHealth;
import io.launchpad.matching.indexes.ElasticsearchConnection;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * {@link MatchingHealth} from the cluster's own health API and one query over the outbox.
 */
final class HealthChecks implements MatchingHealth {

    private static final String BACKLOG = """
            select count(*) as pending,
                   coalesce(extract(epoch from now() - min(created_at)) * 1000, 0)::bigint as oldest_millis
            from matching_outbox where processed_at is null and parked_at is null
            """;

    private final ElasticsearchConnection elasticsearch;

    private final DatabaseClient database;

    HealthChecks(ElasticsearchConnection elasticsearch, DatabaseClient database) {
        this.elasticsearch = elasticsearch;
        this.database = database;
    }

    @Override
    public Mono<String> clusterStatus() {
        return elasticsearch.call("cluster health", client -> client.cluster().health())
            .map(health -> health.status().jsonValue());
    }

    @Override
    public Mono<OutboxBacklog> outboxBacklog() {
        return database.sql(BACKLOG)
            .map(row -> new OutboxBacklog(row.get("pending", Long.class),
                    Duration.ofMillis(row.get("oldest_millis", Long.class))))
            .one();
    }

}
