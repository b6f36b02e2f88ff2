package io.launchpad.matching.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.launchpad.infra.stack.Postgres;
import io.launchpad.infra.stack.SharedComponents;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import org.flywaydb.core.Flyway;
import io.r2dbc.pool.ConnectionPool;

/**
 * The real PostgreSQL and Elasticsearch ({@link SharedComponents}: started once per test
 * JVM and shared by every test class). Matching's tests stay apart by using a fresh
 * database ({@link #freshDatabase()}) and their own index prefix
 * ({@link #uniqueIndexPrefix()}).
 */
public final class RealComponents {

    private RealComponents() {
    }

    public static Postgres postgres() {
        return SharedComponents.postgres();
    }

    /**
     * Matching's suites index small documents only, so the node runs on half the usual
     * heap.
     */
    public static synchronized String elasticsearchUrl() {
        if (System.getProperty("launchpad.es.heap") == null) {
            System.setProperty("launchpad.es.heap", "512m");
        }
        return SharedComponents.elasticsearch().httpUrl();
    }

    public static void stopElasticsearch() {
        elasticsearchUrl();
        SharedComponents.stopElasticsearch();
    }

    /** Starts the node again on the same data and port. */
    public static void restartElasticsearch() {
        SharedComponents.restartElasticsearch();
    }

    /**
     * A new database with the shipped migrations applied (by Flyway, as the API applies
     * them).
     */
    public static TestDatabase freshDatabase() {
        Postgres server = postgres();
        String name = "matching_" + UUID.randomUUID().toString().replace("-", "");
        String adminUrl = "jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres";
        try (Connection connection = DriverManager.getConnection(adminUrl, server.username(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        String jdbcUrl = "jdbc:postgresql://127.0.0.1:" + server.port() + "/" + name;
        Flyway.configure()
            .dataSource(jdbcUrl, server.username(), server.password())
            .locations("classpath:db/migration")
            .load()
            .migrate();
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
            ((ConnectionPool) connectionFactory).dispose();
        }
    }

}
