package io.launchpad.web.observability;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.launchpad.infra.correlation.CorrelationIdFilter;
import io.launchpad.web.ApiStub;
import io.launchpad.web.WebPageTest;
import java.time.Duration;

/**
 * One page request is one correlation id and one trace, on the web's side and on each API
 * call it makes.
 */
@ExtendWith(OutputCaptureExtension.class)
class TraceContextTest extends WebPageTest {

    @Test
    void apiCallsCarryThePagesCorrelationIdAndW3cTraceContextAndTheAccessLineNamesBoth(CapturedOutput output) {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/challenges/ch-trace")).willReturn(aResponse().withStatus(404)
            .withHeader("Content-Type", "application/problem+json")
            .withBody(
                    "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"No such challenge\"}")));
        String correlationId = "page-" + UUID.randomUUID();

        web.get()
            .uri("/challenges/ch-trace")
            .header(CorrelationIdFilter.HEADER, correlationId)
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .valueEquals(CorrelationIdFilter.HEADER, correlationId);

        LoggedRequest call = ApiStub.SERVER.findAll(getRequestedFor(urlPathEqualTo("/api/v1/challenges/ch-trace")))
            .getFirst();
        assertThat(call.getHeader(CorrelationIdFilter.HEADER)).isEqualTo(correlationId);
        String traceparent = call.getHeader("traceparent");
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        String traceId = traceparent.split("-")[1];
        // the access line is written when the exchange completes, which can be just after
        // the client has its answer
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (output.getOut()
            .lines()
            .noneMatch(line -> line.contains("/challenges/ch-trace") && line.contains(correlationId))
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(output.getOut()
            .lines()
            .filter(line -> line.contains("/challenges/ch-trace") && line.contains(correlationId)))
            .anySatisfy(line -> assertThat(line).contains(traceId).contains("io.launchpad.web.access"));
    }

    @Test
    void prometheusFiguresAreServedAndOtherActuatorEndpointsStayClosed() {
        web.get().uri("/challenges/ch-none").exchange();
        // every page the suite rendered before adds a histogram series: the text outgrows
        // the default 256 KB buffer
        String metrics = web.mutate()
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
            .build()
            .get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        assertThat(metrics).contains("http_server_requests_seconds_count", "jvm_memory_used_bytes");
        // not exposed, and denied to everyone besides (an anonymous visitor is sent to
        // sign in)
        web.get().uri("/actuator/env").exchange().expectStatus().value(status -> assertThat(status).isNotEqualTo(200));
    }

}
