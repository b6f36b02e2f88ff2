package io.launchpad.api.database;

import io.launchpad.infra.stack.SharedComponents;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Migrations as the schema's owner, the app as a user that can only read and write rows:
 * every table the migrations make, now and later, is usable by the app user, and the
 * schema is not changeable by it.
 */
@Tag("real")
class SeparateMigrationUserTest {

    @Test
    void theAppUserReadsAndWritesRowsButCannotChangeTheSchema() throws SQLException {
        var postgres = SharedComponents.postgres();
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String database = "migrations_" + suffix;
        String appUser = "launchpad_app_" + suffix;
        try (Connection admin = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                postgres.password()); Statement sql = admin.createStatement()) {
            sql.execute("create database " + database);
            sql.execute("create role " + appUser + " login password 'app-password'");
        }
        String url = postgres.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        Flyway.configure()
            .dataSource(url, postgres.username(), postgres.password())
            .locations("classpath:db/migration")
            .placeholders(Map.of("app_user", appUser))
            .load()
            .migrate();

        try (Connection app = DriverManager.getConnection(url, appUser, "app-password");
                Statement sql = app.createStatement()) {
            sql.execute("insert into rate_limit_bucket (bucket_key, tokens, updated_at) values ('k', 1, now())");
            try (var rows = sql.executeQuery("select count(*) from organisation")) {
                assertThat(rows.next()).isTrue();
            }
            assertThatThrownBy(() -> sql.execute("drop table rate_limit_bucket")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> sql.execute("create table mine (id int)")).isInstanceOf(SQLException.class);
        }
    }

}
