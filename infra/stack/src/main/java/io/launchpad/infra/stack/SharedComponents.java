package io.launchpad.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.jspecify.annotations.Nullable;

/**
 * One real PostgreSQL and one Elasticsearch node per JVM, started on first use and shared
 * by every test class in it (matching's and the API's suites): starting each once per
 * test run is what keeps the suites inside their time on two cores. Both stop when the
 * JVM exits, even after a {@code kill -9} for the node.
 */
public final class SharedComponents {

    private static @Nullable Postgres postgres;

    private static @Nullable ElasticsearchServer elasticsearch;

    private SharedComponents() {
    }

    public static synchronized Postgres postgres() {
        Postgres running = postgres;
        if (running == null) {
            running = Postgres.startClean();
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "postgres-stop-on-exit"));
            postgres = running;
        }
        return running;
    }

    /**
     * The node; its heap is 1g unless {@code -Dlaunchpad.es.heap} says otherwise before
     * the first call.
     */
    public static synchronized ElasticsearchServer elasticsearch() {
        ElasticsearchServer running = elasticsearch;
        if (running == null) {
            try {
                running = ElasticsearchServer.start(Files.createTempDirectory("launchpad-es"), 0);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            elasticsearch = running;
        }
        return running;
    }

    /**
     * For outage tests: the node stops; {@link #restartElasticsearch()} brings it back on
     * the same port and data.
     */
    public static synchronized void stopElasticsearch() {
        elasticsearch().stop();
    }

    public static synchronized void restartElasticsearch() {
        elasticsearch = elasticsearch().restart();
    }

}
