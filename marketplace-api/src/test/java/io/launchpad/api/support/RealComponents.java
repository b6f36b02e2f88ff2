package io.launchpad.api.support;

import io.launchpad.infra.stack.ElasticsearchServer;
import io.launchpad.infra.stack.Postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The real PostgreSQL and Elasticsearch node, started once per test JVM and shared by every
 * test class (Spring caches one application context on top of them).
 */
public final class RealComponents {

    private static Postgres postgres;
    private static ElasticsearchServer elasticsearch;

    private RealComponents() {
    }

    public static synchronized Postgres postgres() {
        if (postgres == null) {
            postgres = Postgres.startClean();
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close));
        }
        return postgres;
    }

    public static synchronized ElasticsearchServer elasticsearch() {
        if (elasticsearch == null) {
            try {
                elasticsearch = ElasticsearchServer.start(Files.createTempDirectory("launchpad-api-es"), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(elasticsearch::close));
        }
        return elasticsearch;
    }

    /** Stops the node and starts it again on the same port and data (for outage tests). */
    public static synchronized void stopElasticsearch() {
        elasticsearch().stop();
    }

    public static synchronized void restartElasticsearch() {
        elasticsearch = elasticsearch.restart();
    }
}
