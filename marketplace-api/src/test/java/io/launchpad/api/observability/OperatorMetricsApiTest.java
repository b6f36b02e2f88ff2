package io.launchpad.api.observability;

import io.launchpad.api.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The figures an operator scrapes from {@code /actuator/prometheus}, each after the work
 * that moves it.
 */
@ExtendWith(OutputCaptureExtension.class)
class OperatorMetricsApiTest extends ApiTestBase {

    @Test
    void prometheusShowsRequestsByRouteClassMatchLatencyTheOutboxIndexingAndTheScheduledJobs() {
        Actor association = actor("association");
        String marker = "zm" + UUID.randomUUID().toString().substring(0, 6);
        Map<?, ?> created = api.post()
            .uri("/api/v1/challenges")
            .header("Authorization", association.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(challengeBody(association.organisationId(), "Metrics " + marker))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        // the draft reaches the index through the outbox: the indexing counter moves
        await().atMost(Duration.ofSeconds(60))
            .until(() -> figure(scrape(), "launchpad_index_documents_total{outcome=\"indexed\"") > 0);
        api.get()
            .uri("/api/v1/challenges/{id}/matches", created.get("id"))
            .header("Authorization", association.bearer())
            .exchange()
            .expectStatus()
            .isOk();
        api.post()
            .uri("/api/v1/challenges")
            .header("Authorization", association.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("title", ""))
            .exchange()
            .expectStatus()
            .isBadRequest();

        String metrics = scrape();
        assertThat(figure(metrics, "http_server_requests_seconds_count{", "route_class=\"search\"", "status=\"200\""))
            .isPositive();
        assertThat(figure(metrics, "http_server_requests_seconds_count{", "route_class=\"write\"", "status=\"201\""))
            .isPositive();
        assertThat(figure(metrics, "http_server_requests_seconds_count{", "route_class=\"write\"", "status=\"400\""))
            .isPositive();
        assertThat(figure(metrics, "http_server_requests_seconds_bucket{", "route_class=\"search\"")).isPositive();
        assertThat(figure(metrics, "launchpad_matching_duration_seconds_count{list=\"challenge-suppliers\""))
            .isPositive();
        assertThat(figure(metrics, "launchpad_matching_duration_seconds_bucket{list=\"challenge-suppliers\""))
            .isPositive();
        assertThat(metrics).contains("launchpad_index_documents_total{outcome=\"failed\"");
        // the backlog gauges are read by a job; -1 means never read
        await().atMost(Duration.ofSeconds(30))
            .until(() -> figure(scrape(), "launchpad_outbox_pending_rows") >= 0
                    && figure(scrape(), "launchpad_outbox_oldest_age_seconds") >= 0);
        assertThat(metrics).contains("launchpad_emails_total{outcome=\"sent\"",
                "launchpad_emails_total{outcome=\"failed\"", "launchpad_notifications_fanout_lag_seconds_count",
                "launchpad_ratelimit_rejections_total{", "launchpad_outbox_parked_rows");
        // the committed dashboard and alert rules only name figures that exist
        Pattern names = Pattern.compile(
                "\\b(launchpad_[a-z_]+|http_server_requests_seconds_[a-z]+|tasks_scheduled_execution_seconds_[a-z]+)");
        for (String file : List.of("launchpad-dashboard.json", "alert-rules.yaml")) {
            String text = readMonitoring(file);
            var used = names.matcher(text).results().map(m -> m.group(1)).distinct().toList();
            assertThat(used).as(file).isNotEmpty();
            assertThat(used).as(file).allSatisfy(name -> assertThat(metrics).contains("\n" + name));
        }
        // Spring's own observation of every @Scheduled job: durations per job method
        assertThat(figure(metrics, "tasks_scheduled_execution_seconds_count{", "code_function=\"fanOut\"")
                + figure(metrics, "tasks_scheduled_execution_seconds_count{", "code_function=\"scheduled\""))
            .isPositive();
    }

    @Test
    void aCallFromTheWebIsLoggedWithTheWebsCorrelationId(CapturedOutput output) {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String correlationId = "web-page-" + UUID.randomUUID();
        api.get()
            .uri("/api/v1/taxonomy")
            .header("X-Correlation-Id", correlationId)
            .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("X-Correlation-Id", correlationId);
        await().atMost(Duration.ofSeconds(5))
            .until(() -> output.getOut()
                .lines()
                .anyMatch(line -> line.contains(correlationId) && line.contains("/api/v1/taxonomy")
                // the web's trace continues in the API: the same trace id on the API's
                // line
                        && line.contains(traceId)));
    }

    private static String readMonitoring(String file) {
        try {
            return Files.readString(Path.of("..", "infra", "deploy", "monitoring", file));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String scrape() {
        // after a whole suite's requests the page outgrows the client's default 256 KB
        // buffer
        return api.mutate()
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
    }

    /**
     * The sum of every sample whose line starts with {@code prefix} and contains all of
     * {@code parts}.
     */
    static double figure(String metrics, String prefix, String... parts) {
        return metrics.lines()
            .filter(line -> line.startsWith(prefix))
            .filter(line -> Arrays.stream(parts).allMatch(line::contains))
            .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
            .sum();
    }

}
