package io.launchpad.infra.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;

/**
 * A real PostgreSQL server from zonky's embedded binaries. With a data directory it keeps
 * its data between runs (the run command); without one it starts clean (tests).
 */
public final class Postgres implements AutoCloseable {

    public static final String DATABASE = "launchpad";

    public static final String USER = "postgres";

    public static final String PASSWORD = "postgres";

    private static final Logger log = LoggerFactory.getLogger(Postgres.class);

    private final EmbeddedPostgres server;

    private final Path dataDir;

    private final boolean temporary;

    private Postgres(EmbeddedPostgres server, Path dataDir, boolean temporary) {
        this.server = server;
        this.dataDir = dataDir;
        this.temporary = temporary;
    }

    /** Starts clean in a temporary directory on a free port. */
    public static Postgres startClean() {
        try {
            return start(Files.createTempDirectory("launchpad-pg"), 0, true, true);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts on {@code dataDir}, reusing what it holds unless {@code clean}; port 0 picks
     * a free one.
     */
    public static Postgres start(Path dataDir, int port, boolean clean) {
        return start(dataDir, port, clean, false);
    }

    private static Postgres start(Path dataDir, int port, boolean clean, boolean temporary) {
        long started = System.nanoTime();
        try {
            // cleaned here, never by zonky: it would delete the data on every stop, and a
            // restart must keep it
            if (clean) {
                delete(dataDir);
            }
            Files.createDirectories(dataDir);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(FreePorts.orFree(port))
                .setServerConfig("max_connections", "200")
                .start();
            Postgres postgres = new Postgres(server, dataDir, temporary);
            postgres.createDatabaseIfMissing();
            log.info("PostgreSQL ready at {} in {} ms", postgres.jdbcUrl(), (System.nanoTime() - started) / 1_000_000);
            return postgres;
        }
        catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start in " + dataDir, e);
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("create database " + DATABASE);
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + DATABASE, e);
        }
    }

    /**
     * Resident memory of the postmaster and all its backends (pg_ctl detaches them from
     * this JVM).
     */
    public long residentKib() {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().trim());
            return ProcessHandle.of(postmaster)
                .map(handle -> Rss.kib(postmaster)
                        + handle.descendants().mapToLong(child -> Rss.kib(child.pid())).sum())
                .orElse(0L);
        }
        catch (IOException | RuntimeException notRunning) {
            return 0;
        }
    }

    Path dataDir() {
        return dataDir;
    }

    public int port() {
        return server.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    public String r2dbcUrl() {
        return "r2dbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    public String username() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    /**
     * Stops the server and starts it again on the same data and port (a restart, as an
     * operator's would be).
     */
    public Postgres restart() {
        int port = port();
        stop();
        return start(dataDir, port, false, temporary);
    }

    /**
     * Stops the server; its data stays (a temporary one from {@link #startClean()} is
     * deleted by {@link #close()}).
     */
    public void stop() {
        try {
            server.close();
        }
        catch (IOException e) {
            log.warn("PostgreSQL did not stop cleanly: {}", e.toString());
        }
    }

    @Override
    public void close() {
        stop();
        if (temporary) {
            try {
                delete(dataDir);
            }
            catch (IOException e) {
                log.warn("could not delete {}: {}", dataDir, e.toString());
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

}
