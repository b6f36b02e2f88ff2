package io.launchpad.api.contract;

import io.launchpad.api.support.ApiTestBase;
import io.launchpad.api.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Correlation ids on every response and log line; the deprecated alias announcing its
 * sunset.
 */
@ExtendWith(OutputCaptureExtension.class)
class EdgeApiTest extends ApiTestBase {

    @Test
    void aGivenCorrelationIdIsEchoedAndLoggedOnEveryLine(CapturedOutput output) {
        String id = "phone-" + UUID.randomUUID();
        api.get()
            .uri("/api/v1/organisations/" + UUID.randomUUID())
            .header("X-Correlation-Id", id)
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .valueEquals("X-Correlation-Id", id);
        // the access line is written when the exchange completes, which can be just after
        // the client has the response
        Supplier<List<String>> lines = () -> output.getOut().lines().filter(line -> line.contains(id)).toList();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (lines.get().stream().noneMatch(line -> line.contains("io.launchpad.api.access"))
                && System.nanoTime() < deadline) {
            LockSupport.parkNanos(50_000_000);
        }
        assertThat(lines.get()).anyMatch(
                line -> line.contains("\"correlationId\":\"" + id + "\"") && line.contains("io.launchpad.api.access"));
    }

    @Test
    void aMissingOrUnsafeCorrelationIdIsReplacedByAGeneratedOne() {
        String generated = api.get()
            .uri("/api/v1/taxonomy")
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst("X-Correlation-Id");
        assertThat(UUID.fromString(generated)).isNotNull();
        String replaced = api.get()
            .uri("/api/v1/taxonomy")
            .header("X-Correlation-Id", "bad id\twith spaces")
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst("X-Correlation-Id");
        assertThat(UUID.fromString(replaced)).isNotNull();
    }

    @Test
    void errorsFromTheSecurityChainCarryItToo() {
        api.get()
            .uri("/api/v1/me")
            .header("X-Correlation-Id", "no-token-1")
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .valueEquals("X-Correlation-Id", "no-token-1");
    }

    @Test
    void theDeprecatedProfileAliasAnswersLikeMeWithDeprecationSunsetAndLink() {
        var user = TestTokens.user("candidate");
        Map<?, ?> me = api.get()
            .uri("/api/v1/me")
            .header("Authorization", user.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        var profile = api.get()
            .uri("/api/v1/profile")
            .header("Authorization", user.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .exists("Deprecation")
            .expectHeader()
            .exists("Sunset")
            .expectBody(Map.class)
            .returnResult();
        assertThat(profile.getResponseBody()).isEqualTo(me);
        var headers = profile.getResponseHeaders();
        assertThat(headers.getFirst("Deprecation")).matches("@\\d+");
        ZonedDateTime sunset = ZonedDateTime.parse(headers.getFirst("Sunset"), DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(sunset.toEpochSecond()).isGreaterThan(Long.parseLong(headers.getFirst("Deprecation").substring(1)));
        assertThat(headers.get("Link")).anyMatch(link -> link.equals("</api/v1/me>; rel=\"successor-version\""))
            .anyMatch(link -> link.contains("rel=\"deprecation\""));
        // the successor itself is not deprecated
        api.get()
            .uri("/api/v1/me")
            .header("Authorization", user.bearer())
            .exchange()
            .expectHeader()
            .doesNotExist("Deprecation");
        // and the alias needs a token like its successor
        api.get().uri("/api/v1/profile").exchange().expectStatus().isUnauthorized();
    }

}
