package io.launchpad.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * One real PostgreSQL and one Elasticsearch node per JVM, started on first use and shared by every test
 * class in it (matching's and the API's suites): starting each once per test run is what keeps the suites
 * inside their time on two cores. Both stop when the JVM exits, even after a {@code kill -9} for the node.
 */
public final class SharedComponents {

    private static Postgres postgres;
    private static ElasticsearchServer elasticsearch;

    private SharedComponents() {
    }

    public static synchronized Postgres postgres() {
        if (postgres == null) {
            Postgres started = Postgres.startClean();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "postgres-stop-on-exit"));
            postgres = started;
        }
        return postgres;
    }

    /** The node; its heap is 1g unless {@code -Dlaunchpad.es.heap} says otherwise before the first call. */
    public static synchronized ElasticsearchServer elasticsearch() {
        if (elasticsearch == null) {
            try {
                elasticsearch = ElasticsearchServer.start(Files.createTempDirectory("launchpad-es"), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return elasticsearch;
    }

    /** For outage tests: the node stops; {@link #restartElasticsearch()} brings it back on the same port and data. */
    public static synchronized void stopElasticsearch() {
        elasticsearch().stop();
    }

    public static synchronized void restartElasticsearch() {
        elasticsearch = elasticsearch().restart();
    }
}
