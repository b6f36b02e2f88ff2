package io.launchpad.api.observability;

import io.launchpad.matching.MatchingHealth;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Elasticsearch and the matching outbox in {@code /actuator/health}. Neither can make an
 * instance unready: writes go on while the cluster is down (the outbox holds them), so
 * taking every instance out of the load balancer then would turn a search outage into a
 * total one. They report {@link #DEGRADED} instead (HTTP 200), which operators and alerts
 * see; readiness follows the instance itself and PostgreSQL only (see
 * {@code management.endpoint.health.group} in application.yml).
 */
@Configuration(proxyBeanMethods = false)
class DependencyHealth {

    static final Status DEGRADED = new Status("DEGRADED", "works, without something it depends on");

    @Bean
    ReactiveHealthIndicator searchHealthIndicator(MatchingHealth matching) {
        return () -> matching.clusterStatus()
            .map(status -> ("red".equals(status) ? Health.status(DEGRADED) : Health.up()).withDetail("cluster", status)
                .build())
            .onErrorResume(error -> Mono.just(Health.status(DEGRADED)
                .withDetail("error", "Elasticsearch cannot be reached; matching answers 503, writes wait in the outbox")
                .build()));
    }

    @Bean
    ReactiveHealthIndicator outboxHealthIndicator(MatchingHealth matching,
            @Value("${launchpad.health.outbox-max-wait:PT5M}") Duration maxWait) {
        return () -> matching.outboxBacklog()
            .map(backlog -> (backlog.oldestWait().compareTo(maxWait) > 0 ? Health.status(DEGRADED) : Health.up())
                .withDetail("pending", backlog.pending())
                .withDetail("oldestWaitSeconds", backlog.oldestWait().toSeconds())
                .build())
            // the outbox lives in PostgreSQL: when that is down, r2dbc says so; this one
            // must not turn the
            // whole probe into an error
            .onErrorResume(error -> Mono
                .just(Health.status(DEGRADED).withDetail("error", "the outbox cannot be read").build()));
    }

}
