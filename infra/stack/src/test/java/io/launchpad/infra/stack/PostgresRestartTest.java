package io.launchpad.infra.stack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.DriverManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart keeps the data (the fault tests restart PostgreSQL under load); a temporary
 * server leaves nothing behind.
 */
class PostgresRestartTest {

    @Test
    void aRestartKeepsTheDataAndClosingATemporaryServerDeletesIt() throws Exception {
        Postgres postgres = Postgres.startClean();
        Path dataDir = postgres.dataDir();
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                var sql = connection.createStatement()) {
            sql.execute("create table kept (id int)");
            sql.execute("insert into kept values (42)");
        }
        int port = postgres.port();
        postgres = postgres.restart();
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                var sql = connection.createStatement();
                var rows = sql.executeQuery("select id from kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(42);
            assertThat(postgres.port()).isEqualTo(port);
        }
        finally {
            postgres.close();
        }
        assertThat(dataDir).doesNotExist();
    }

}
