package io.launchpad.matching.indexes;

import com.sun.net.httpserver.HttpServer;
import io.launchpad.matching.MatchingProperties;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.util.Base64;

/**
 * A secured cluster (ECK, compose) is called with basic authentication; the password
 * never shows in a log line.
 */
class SecuredClusterTest {

    @Test
    void everyCallCarriesBasicAuthenticationAndThePasswordIsNotPrinted() throws Exception {
        AtomicReference<String> authorization = new AtomicReference<>();
        HttpServer cluster = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cluster.createContext("/", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"cluster_name\":\"c\",\"status\":\"green\",\"timed_out\":false,\"number_of_nodes\":1,\"number_of_data_nodes\":1,\"active_primary_shards\":0,\"active_shards\":0,\"relocating_shards\":0,\"initializing_shards\":0,\"unassigned_shards\":0,\"unassigned_primary_shards\":0,\"delayed_unassigned_shards\":0,\"number_of_pending_tasks\":0,\"number_of_in_flight_fetch\":0,\"task_max_waiting_in_queue_millis\":0,\"active_shards_percent_as_number\":100.0}"
                .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        cluster.start();
        var security = new MatchingProperties.Security("launchpad", "s3cret-pw", "");
        try (var connection = new ElasticsearchConnection(
                List.of(URI.create("http://127.0.0.1:" + cluster.getAddress().getPort())), Duration.ofSeconds(5),
                security)) {
            String status = connection.call("cluster health", client -> client.cluster().health())
                .map(health -> health.status().jsonValue())
                .block();
            assertThat(status).isEqualTo("green");
        }
        finally {
            cluster.stop(0);
        }
        assertThat(authorization.get()).isEqualTo(
                "Basic " + Base64.getEncoder().encodeToString("launchpad:s3cret-pw".getBytes(StandardCharsets.UTF_8)));
        assertThat(security.toString()).doesNotContain("s3cret-pw");
    }

    @Test
    void aMissingCaCertificateIsNamedAtStart() {
        assertThatThrownBy(() -> ClusterCertificates.trusting(Path.of("/nonexistent/ca.crt")))
            .hasMessageContaining("/nonexistent/ca.crt");
    }

}
