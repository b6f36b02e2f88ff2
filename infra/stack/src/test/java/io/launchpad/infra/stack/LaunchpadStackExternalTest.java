package io.launchpad.infra.stack;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LaunchpadStackExternalTest {

    @Test
    void nothingConfiguredMeansEverythingEmbedded() {
        LaunchpadStack.External external = LaunchpadStack.External.fromEnvironment(Map.of());
        assertThat(external.database()).isFalse();
        assertThat(external.elasticsearch()).isFalse();
        assertThat(external.keycloak()).isFalse();
    }

    @Test
    void eachConfiguredComponentReplacesItsEmbeddedOne() {
        LaunchpadStack.External external = LaunchpadStack.External.fromEnvironment(Map.of("ELASTICSEARCH_URL",
                "https://search.internal:9200", "KEYCLOAK_ISSUER_URI", "https://id.example.org/realms/launchpad"));
        assertThat(external.elasticsearch()).isTrue();
        assertThat(external.keycloak()).isTrue();
        assertThat(external.database()).isFalse();
    }

    @Test
    void aDatabaseNeedsBothItsJdbcAndR2dbcAddresses() {
        assertThatThrownBy(() -> LaunchpadStack.External
            .fromEnvironment(Map.of("LAUNCHPAD_DB_JDBC_URL", "jdbc:postgresql://db:5432/launchpad")))
            .hasMessageContaining("LAUNCHPAD_DB_R2DBC_URL");
        LaunchpadStack.External both = LaunchpadStack.External.fromEnvironment(
                Map.of("LAUNCHPAD_DB_JDBC_URL", "jdbc:postgresql://db:5432/launchpad", "LAUNCHPAD_DB_R2DBC_URL",
                        "r2dbc:postgresql://db:5432/launchpad", "LAUNCHPAD_DB_USER", "launchpad"));
        assertThat(both.database()).isTrue();
        assertThat(both.databaseUser()).isEqualTo("launchpad");
    }

}
