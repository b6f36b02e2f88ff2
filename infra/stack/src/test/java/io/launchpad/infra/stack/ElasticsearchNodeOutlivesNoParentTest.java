package io.launchpad.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node must not outlive the process that started it, whatever way that process ends:
 * here the parent is a stand-in process killed with SIGKILL, as a crashed or cancelled
 * test run would be.
 */
class ElasticsearchNodeOutlivesNoParentTest {

    @TempDir
    Path home;

    @Test
    void nodeExitsWhenItsParentIsKilled() throws Exception {
        Process parent = new ProcessBuilder("sleep", "600").start();
        int httpPort = FreePorts.pick();
        Path distribution = ProjectPaths.built(ElasticsearchServer.DISTRIBUTION);
        Process node = new ProcessBuilder(
                ElasticsearchServer.command(distribution, home, httpPort, FreePorts.pick(), parent.pid()))
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("node.log").toFile())
            .start();
        try {
            awaitHealth(httpPort, node);

            parent.destroyForcibly().waitFor();

            assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("node exited after its parent died").isTrue();
            assertThat(Files.readString(home.resolve("node.log"))).contains("Parent process " + parent.pid() + " ended")
                .contains("closed");
        }
        finally {
            node.destroyForcibly();
            parent.destroyForcibly();
        }
    }

    private static void awaitHealth(int port, Process node) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_cluster/health"))
            .build();
        await().alias("node answering on port " + port)
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(200))
            .failFast("node exited before it answered", () -> !node.isAlive())
            // refused while still starting
            .ignoreExceptionsInstanceOf(IOException.class)
            .until(() -> http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }

}
