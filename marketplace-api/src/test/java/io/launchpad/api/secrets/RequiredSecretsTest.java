package io.launchpad.api.secrets;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequiredSecretsTest {

    @Test
    void outsideTheEmbeddedProfileEveryMissingSecretIsNamedByItsVariable() {
        MockEnvironment production = new MockEnvironment().withProperty("spring.r2dbc.password", "s3cret")
            .withProperty("spring.flyway.password", " ");
        assertThatThrownBy(() -> RequiredSecrets.check(production)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("LAUNCHPAD_DB_MIGRATION_PASSWORD")
            .hasMessageContaining("KEYCLOAK_ACCOUNT_ADMIN_SECRET")
            .hasMessageNotContaining("LAUNCHPAD_DB_PASSWORD,")
            .hasMessageNotContaining("s3cret");
    }

    @Test
    void startsWhenAllAreSetOrWhenEmbedded() {
        assertThatCode(() -> RequiredSecrets.check(new MockEnvironment().withProperty("spring.r2dbc.password", "a")
            .withProperty("spring.flyway.password", "b")
            .withProperty("launchpad.identity.account-admin.client-secret", "c"))).doesNotThrowAnyException();
        MockEnvironment embedded = new MockEnvironment();
        embedded.setActiveProfiles(RequiredSecrets.EMBEDDED_PROFILE);
        assertThatCode(() -> RequiredSecrets.check(embedded)).doesNotThrowAnyException();
    }

}
