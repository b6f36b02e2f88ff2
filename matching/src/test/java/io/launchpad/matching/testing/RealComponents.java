package io.launchpad.matching.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.launchpad.infra.stack.ElasticsearchServer;
import io.launchpad.infra.stack.Postgres;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import org.flywaydb.core.Flyway;

/**
 * The real PostgreSQL and Elasticsearch, each started once per test JVM and shared by every test
 * class. Tests stay apart by using a fresh database ({@link #freshDatabase()}) and their own index
 * prefix ({@link #uniqueIndexPrefix()}).
 */
public final class RealComponents {

    private static Postgres postgres;
    private static ElasticsearchServer elasticsearch;

    private RealComponents() {
    }

    public static synchronized Postgres postgres() {
        if (postgres == null) {
            postgres = Postgres.startClean();
            Postgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "postgres-stop-on-exit"));
        }
        return postgres;
    }

    public static synchronized String elasticsearchUrl() {
        if (elasticsearch == null) {
            if (System.getProperty("launchpad.es.heap") == null) {
                System.setProperty("launchpad.es.heap", "512m");
            }
            try {
                elasticsearch = ElasticsearchServer.start(Files.createTempDirectory("matching-es"), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return elasticsearch.httpUrl();
    }

    public static synchronized void stopElasticsearch() {
        elasticsearchUrl();
        elasticsearch.stop();
    }

    /** Starts the node again on the same data and port. */
    public static synchronized void restartElasticsearch() {
        elasticsearchUrl();
        elasticsearch = elasticsearch.restart();
    }

    /** A new database with the shipped migrations applied (by Flyway, as the API applies them). */
    public static TestDatabase freshDatabase() {
        Postgres server = postgres();
        String name = "matching_" + UUID.randomUUID().toString().replace("-", "");
        String adminUrl = "jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres";
        try (Connection connection = DriverManager.getConnection(adminUrl, server.username(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        String jdbcUrl = "jdbc:postgresql://127.0.0.1:" + server.port() + "/" + name;
        Flyway.configure().dataSource(jdbcUrl, server.username(), server.password())
                .locations("classpath:db/migration").load().migrate();
        String r2dbcUrl = "r2dbc:postgresql://127.0.0.1:" + server.port() + "/" + name;
        ConnectionFactory pooled = ConnectionFactories.get("r2dbc:pool:postgresql://" + server.username() + ":"
                + server.password() + "@127.0.0.1:" + server.port() + "/" + name + "?maxSize=10");
        return new TestDatabase(name, jdbcUrl, r2dbcUrl, server.username(), server.password(), pooled);
    }

    public static String uniqueIndexPrefix() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public record TestDatabase(String name, String jdbcUrl, String r2dbcUrl, String username, String password,
                               ConnectionFactory connectionFactory) {

        /** Closes the database's connection pool; every suite does this when it stops. */
        public void dispose() {
            ((io.r2dbc.pool.ConnectionPool) connectionFactory).dispose();
        }
    }
}
