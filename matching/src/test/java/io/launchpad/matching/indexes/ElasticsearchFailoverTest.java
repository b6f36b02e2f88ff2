package io.launchpad.matching.indexes;

import io.launchpad.matching.testing.RealComponents;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a cluster's nodes listed, a node that does not answer is stepped over and every
 * call still succeeds.
 */
@Tag("real")
class ElasticsearchFailoverTest {

    @Test
    void callsSucceedWhileOneOfTheListedNodesIsDown() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        try (var connection = new ElasticsearchConnection(
                List.of(URI.create("http://127.0.0.1:" + deadPort), URI.create(RealComponents.elasticsearchUrl())),
                Duration.ofSeconds(5))) {
            for (int i = 0; i < 6; i++) {
                String status = connection.call("cluster health", client -> client.cluster().health())
                    .map(health -> health.status().jsonValue())
                    .block();
                assertThat(status).isIn("green", "yellow");
            }
        }
    }

}
