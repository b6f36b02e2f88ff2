package io.launchpad.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.io.TempDir;

/**
 * The realm file's security settings, checked without a Keycloak so a careless edit fails
 * in a second.
 */
class KeycloakRealmFileTest {

    private static String realmJson;

    private static Map<String, Object> realm;

    @BeforeAll
    static void readRealm() throws Exception {
        realmJson = Files.readString(ProjectPaths.root().resolve("infra/keycloak/realm/launchpad-realm.json"));
        realm = json(realmJson);
    }

    @Test
    void realmGuardsAgainstBruteForce() {
        assertThat(realm).containsEntry("realm", "launchpad")
            .containsEntry("bruteForceProtected", true)
            .containsEntry("accessTokenLifespan", 300)
            .containsEntry("ssoSessionMaxLifespan", 36000);
    }

    /**
     * Issue 12: people sign themselves up, confirm their address by email and can reset a
     * forgotten password, on Launchpad's own sign-in pages, with mail going to whatever
     * SMTP server the stack runs.
     */
    @Test
    @SuppressWarnings("unchecked")
    void realmIsOpenToSelfRegistrationWithEmailVerificationOnTheLaunchpadTheme() {
        assertThat(realm).containsEntry("registrationAllowed", true)
            .containsEntry("verifyEmail", true)
            .containsEntry("resetPasswordAllowed", true)
            .containsEntry("duplicateEmailsAllowed", false)
            .containsEntry("loginTheme", KeycloakServer.LOGIN_THEME);
        assertThat((String) realm.get("passwordPolicy")).contains("length(8)");
        assertThat((Map<String, Object>) realm.get("smtpServer"))
            .containsEntry("host", "${LAUNCHPAD_SMTP_HOST:127.0.0.1}")
            .containsEntry("port", "${LAUNCHPAD_SMTP_PORT:" + KeycloakServer.DEFAULT_SMTP_PORT + "}");
        assertThat(ProjectPaths.root()
            .resolve("infra/keycloak/theme/" + KeycloakServer.LOGIN_THEME + "/login/theme.properties")).isRegularFile();
    }

    /**
     * A self-registered person gets no marketplace role: onboarding in the web app
     * decides which, if any.
     */
    @Test
    @SuppressWarnings("unchecked")
    void selfRegisteredPeopleGetNoMarketplaceRoleAndDemoUsersAreAlreadyVerified() {
        assertThat(realm).doesNotContainKeys("defaultRoles", "defaultRole", "defaultGroups");
        assertThat(realmJson).doesNotContain("default-roles-launchpad");
        for (Map<String, Object> user : (List<Map<String, Object>>) realm.get("users")) {
            if (user.get("serviceAccountClientId") == null) {
                // a demo user is never sent through email verification on sign-in
                assertThat(user).as((String) user.get("username")).containsEntry("emailVerified", true);
                assertThat(user).as((String) user.get("username")).doesNotContainKey("requiredActions");
            }
        }
    }

    @Test
    void browserAndAppClientsArePublicWithS256AndCodeFlowOnly() {
        for (String clientId : List.of("launchpad-web", "launchpad-mobile")) {
            Map<String, Object> client = client(clientId);
            assertThat(client).as(clientId)
                .containsEntry("publicClient", true)
                .containsEntry("standardFlowEnabled", true)
                .containsEntry("implicitFlowEnabled", false)
                .containsEntry("directAccessGrantsEnabled", false)
                .containsEntry("serviceAccountsEnabled", false);
            assertThat(attributes(client)).as(clientId).containsEntry("pkce.code.challenge.method", "S256");
        }
    }

    @Test
    void onlyTheTestClientHasThePasswordGrantAndOnlyTheServicesClientASecret() {
        assertThat(client("launchpad-test")).containsEntry("publicClient", true)
            .containsEntry("directAccessGrantsEnabled", true)
            .containsEntry("standardFlowEnabled", false);
        assertThat((String) client("launchpad-test").get("description")).contains("TEST ONLY");
        assertThat(client("launchpad-services")).containsEntry("publicClient", false)
            .containsEntry("serviceAccountsEnabled", true)
            .containsEntry("standardFlowEnabled", false)
            .containsEntry("directAccessGrantsEnabled", false);
    }

    /**
     * Issue 10: the services client is a partner, never an admin, and its secret is not
     * in the file.
     */
    @Test
    void servicesClientHasOnlyThePartnerRoleAndItsSecretComesFromTheEnvironment() {
        assertThat(client("launchpad-services")).containsEntry("secret", "${LAUNCHPAD_SERVICES_SECRET}");
        assertThat(serviceAccountRoles("launchpad-services")).containsExactly("partner");
        assertThat(realmJson).doesNotContain("launchpad-services-dev-secret");
        @SuppressWarnings("unchecked")
        var realmRoles = ((Map<String, List<Map<String, Object>>>) realm.get("roles")).get("realm")
            .stream()
            .map(role -> role.get("name"))
            .toList();
        assertThat(realmRoles).contains("partner");
        // Keycloak stores descriptions in a 255-character column; a longer one stops the
        // import
        for (Map<String, Object> client : clients()) {
            assertThat(String.valueOf(client.get("description"))).as((String) client.get("clientId"))
                .hasSizeLessThanOrEqualTo(255);
        }
    }

    @Test
    void aSecretIsGeneratedOncePerStateFolderUnlessTheEnvironmentGivesOne(@TempDir Path home) throws Exception {
        String first = KeycloakServer.servicesClientSecret(home, null);
        assertThat(first).hasSizeGreaterThanOrEqualTo(40);
        assertThat(KeycloakServer.servicesClientSecret(home, "")).isEqualTo(first);
        assertThat(Files.getPosixFilePermissions(home.resolve("launchpad-services.secret")))
            .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(KeycloakServer.servicesClientSecret(home, "from-the-environment")).isEqualTo("from-the-environment");
        assertThat(KeycloakServer.servicesClientSecret(home.resolve("other"), null)).isNotEqualTo(first);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> serviceAccountRoles(String clientId) {
        return ((List<Map<String, Object>>) realm.get("users")).stream()
            .filter(user -> clientId.equals(user.get("serviceAccountClientId")))
            .findFirst()
            .map(user -> (List<Object>) user.get("realmRoles"))
            .orElseThrow(() -> new AssertionError("no service account for " + clientId));
    }

    /**
     * Issue 12: the API deletes erased people's sign-in accounts as this client. It may
     * manage users and nothing else, has no realm role, cannot sign people in, and its
     * secret is not in the file.
     */
    @Test
    @SuppressWarnings("unchecked")
    void accountAdminClientManagesUsersOnlyWithASecretFromTheEnvironment() {
        assertThat(client("launchpad-account-admin")).containsEntry("publicClient", false)
            .containsEntry("serviceAccountsEnabled", true)
            .containsEntry("standardFlowEnabled", false)
            .containsEntry("directAccessGrantsEnabled", false)
            .containsEntry("secret", "${LAUNCHPAD_ACCOUNT_ADMIN_SECRET}");
        assertThat(client("launchpad-account-admin")).doesNotContainKey("protocolMappers");
        Map<String, Object> account = ((List<Map<String, Object>>) realm.get("users")).stream()
            .filter(user -> "launchpad-account-admin".equals(user.get("serviceAccountClientId")))
            .findFirst()
            .orElseThrow();
        assertThat((List<Object>) account.get("realmRoles")).isEmpty();
        assertThat((Map<String, Object>) account.get("clientRoles"))
            .containsExactly(Map.entry("realm-management", List.of("manage-users")));
    }

    @Test
    void everyClientPutsTheApiInTheAudience() {
        // except the account-admin client, whose tokens are for Keycloak's admin API and
        // never for ours
        for (Map<String, Object> client : clients().stream()
            .filter(client -> !"launchpad-account-admin".equals(client.get("clientId")))
            .toList()) {
            assertThat(client.get("protocolMappers").toString()).as((String) client.get("clientId"))
                .contains("oidc-audience-mapper")
                .contains("included.custom.audience=launchpad-api");
        }
    }

    @Test
    void extraWebRedirectUrisAreAddedToTheWebClientOnly() {
        String withExtra = KeycloakServer.withWebRedirectUris(realmJson,
                List.of(KeycloakServer.redirectUriBelow("http://127.0.0.1:34567/")));

        Map<String, Object> rewritten = json(withExtra);
        assertThat(clientIn(rewritten, "launchpad-web").get("redirectUris"))
            .asInstanceOf(InstanceOfAssertFactories.LIST)
            .containsExactly("http://127.0.0.1:8081/*", "http://localhost:8081/*", "http://127.0.0.1:34567/*");
        assertThat(clientIn(rewritten, "launchpad-mobile").get("redirectUris"))
            .isEqualTo(client("launchpad-mobile").get("redirectUris"));
    }

    @Test
    void extraRedirectBaseUrlsMustBeHttp() {
        assertThatThrownBy(() -> KeycloakServer.redirectUriBelow("javascript:alert(1)"))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeycloakServer.redirectUriBelow("http://127.0.0.1:1/\"x"))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String body) {
        return JsonMapper.builder().build().readValue(body, Map.class);
    }

    private static Map<String, Object> client(String clientId) {
        return clientIn(realm, clientId);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> clients() {
        return (List<Map<String, Object>>) realm.get("clients");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> clientIn(Map<String, Object> realm, String clientId) {
        return ((List<Map<String, Object>>) realm.get("clients")).stream()
            .filter(client -> clientId.equals(client.get("clientId")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no client " + clientId));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> attributes(Map<String, Object> client) {
        return (Map<String, Object>) client.get("attributes");
    }

}
