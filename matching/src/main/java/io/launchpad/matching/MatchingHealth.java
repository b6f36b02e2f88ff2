package io.launchpad.matching;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * What an operator needs to know about matching's dependencies, for health checks and
 * alerts.
 */
public interface MatchingHealth {

    /**
     * The Elasticsearch cluster's status: {@code green}, {@code yellow} or {@code red};
     * an error when unreachable.
     */
    Mono<String> clusterStatus();

    /**
     * Outbox rows waiting to reach the index (parked ones aside) and how long the oldest
     * has waited.
     */
    Mono<OutboxBacklog> outboxBacklog();

    record OutboxBacklog(long pending, Duration oldestWait) {
    }

}
