package io.launchpad.api.observability;

import io.launchpad.api.support.ApiTestBase;
import io.launchpad.api.support.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import org.assertj.core.api.Assertions;

/**
 * Liveness and readiness for orchestrators; Elasticsearch and the outbox reported without
 * ever making the instance unready.
 */
class HealthApiTest extends ApiTestBase {

    @Test
    void healthReportsPostgresqlElasticsearchAndTheOutboxAndTheProbesAnswerUp() {
        api.get()
            .uri("/actuator/health")
            .header("Authorization", TestTokens.user("admin").bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("UP")
            .jsonPath("$.components.r2dbc.status")
            .isEqualTo("UP")
            .jsonPath("$.components.search.status")
            .isEqualTo("UP")
            .jsonPath("$.components.search.details.cluster")
            .exists()
            .jsonPath("$.components.outbox.status")
            .isEqualTo("UP")
            .jsonPath("$.components.outbox.details.pending")
            .exists();
        // anyone sees the statuses, only operators the figures behind them
        api.get()
            .uri("/actuator/health")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.components.outbox.status")
            .isEqualTo("UP")
            .jsonPath("$.components.outbox.details")
            .doesNotExist();
        api.get()
            .uri("/actuator/health/liveness")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("UP");
        api.get()
            .uri("/actuator/health/readiness")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("UP");
    }

    @Test
    void anOutboxRowWaitingTooLongDegradesHealthAndReadinessWithoutMakingTheInstanceUnready() {
        Long row = db
            .sql("""
                    insert into matching_outbox (aggregate_type, aggregate_id, aggregate_version, payload, created_at, next_attempt_at)
                    values ('supplier', :id, 1, '{}'::jsonb, now() - interval '10 minutes', now() + interval '1 hour')
                    returning id""")
            .bind("id", UUID.randomUUID())
            .map(r -> r.get("id", Long.class))
            .one()
            .block();
        try {
            api.get()
                .uri("/actuator/health")
                .header("Authorization", TestTokens.user("admin").bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("DEGRADED")
                .jsonPath("$.components.outbox.status")
                .isEqualTo("DEGRADED")
                .jsonPath("$.components.outbox.details.oldestWaitSeconds")
                .value((Number seconds) -> Assertions.assertThat(seconds.longValue()).isGreaterThanOrEqualTo(600));
            // readiness shows it (HTTP 200 still): the instance keeps taking writes,
            // which wait in the outbox
            api.get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("DEGRADED");
        }
        finally {
            db.sql("delete from matching_outbox where id = :id").bind("id", row).then().block();
        }
    }

}
