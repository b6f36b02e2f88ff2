package io.launchpad.api.contract;

import io.launchpad.api.support.ApiTestBase;
import io.launchpad.api.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limiter with tiny limits of its own (a separate application context; every other
 * suite runs with the generous limits of src/test/resources/config/application.yml).
 */
@TestPropertySource(properties = { "launchpad.rate-limits.classes.read.per-user=3",
        "launchpad.rate-limits.classes.read.per-client=1000", "launchpad.rate-limits.classes.read.period=1h",
        "launchpad.rate-limits.classes.write.per-user=2", "launchpad.rate-limits.classes.write.per-client=1000",
        "launchpad.rate-limits.classes.write.period=1h", "launchpad.rate-limits.classes.search.per-user=1000",
        "launchpad.rate-limits.classes.search.per-client=1000", "launchpad.rate-limits.classes.search.period=1h" })
class RateLimitApiTest extends ApiTestBase {

    @Test
    void pastThePerUserLimitA429ProblemSaysWhenToRetry() {
        var user = TestTokens.user("association");
        for (int i = 0; i < 3; i++) {
            api.get().uri("/api/v1/me").header("Authorization", user.bearer()).exchange().expectStatus().isOk();
        }
        var refused = api.get()
            .uri("/api/v1/me")
            .header("Authorization", user.bearer())
            .exchange()
            .expectStatus()
            .isEqualTo(429)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody(Map.class)
            .returnResult();
        assertThat(refused.getResponseBody().get("type")).isEqualTo("https://launchpad.example/problems/rate-limited");
        long retryAfter = Long.parseLong(refused.getResponseHeaders().getFirst("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 3600L);

        // another person is not affected, and writes are a separate class with their own
        // budget
        var other = TestTokens.user("candidate");
        api.get().uri("/api/v1/me").header("Authorization", other.bearer()).exchange().expectStatus().isOk();
        for (int i = 0; i < 2; i++) {
            api.post()
                .uri("/api/v1/organisations")
                .header("Authorization", user.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Limited " + i + " " + user.subject(), "type", "association"))
                .exchange()
                .expectStatus()
                .isCreated();
        }
        api.post()
            .uri("/api/v1/organisations")
            .header("Authorization", user.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("name", "Limited 3 " + user.subject(), "type", "association"))
            .exchange()
            .expectStatus()
            .isEqualTo(429)
            .expectHeader()
            .exists("Retry-After");
    }

}
