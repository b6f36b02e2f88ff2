package io.launchpad.infra.stack;

import static io.launchpad.infra.stack.KeycloakTestSupport.PASSWORD;
import static io.launchpad.infra.stack.KeycloakTestSupport.S256_CHALLENGE;
import static io.launchpad.infra.stack.KeycloakTestSupport.authorize;
import static io.launchpad.infra.stack.KeycloakTestSupport.claims;
import static io.launchpad.infra.stack.KeycloakTestSupport.get;
import static io.launchpad.infra.stack.KeycloakTestSupport.json;
import static io.launchpad.infra.stack.KeycloakTestSupport.postForm;
import static io.launchpad.infra.stack.KeycloakTestSupport.realmRoles;
import static io.launchpad.infra.stack.KeycloakTestSupport.rssMegabytes;
import static io.launchpad.infra.stack.KeycloakTestSupport.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

/** One real Keycloak with the launchpad realm, started fresh in a temporary folder. */
class KeycloakServerTest {

    private static final String WEB_CALLBACK = "/login/oauth2/code/keycloak";

    private static final String EXTRA_WEB_BASE_URL = "http://127.0.0.1:" + FreePorts.pick();

    @TempDir
    static Path dataDir;

    private static KeycloakServer keycloak;

    @BeforeAll
    static void startKeycloak() {
        long started = System.nanoTime();
        keycloak = KeycloakServer.start(dataDir, 0, List.of(EXTRA_WEB_BASE_URL));
        System.out.printf(Locale.ROOT, "Keycloak first start: %.1f s, Java process RSS %d MB%n",
                (System.nanoTime() - started) / 1e9, rssMegabytes(keycloak.pid()));
    }

    @AfterAll
    static void stopKeycloak() throws Exception {
        ProcessHandle java = ProcessHandle.of(keycloak.pid()).orElseThrow();
        keycloak.close();
        assertThat(java.isAlive()).as("Keycloak's Java process after close").isFalse();
    }

    @Test
    void passwordGrantTokenCarriesRolesAudienceIssuerAndFixedSubject() {
        Map<String, Object> claims = claims(keycloak.passwordGrantToken("amara.okafor", PASSWORD));

        assertThat(realmRoles(claims)).contains("association").doesNotContain("supplier", "admin");
        assertThat(strings(claims.get("aud"))).contains("launchpad-api");
        assertThat(claims.get("iss")).isEqualTo(keycloak.issuerUri());
        assertThat(claims.get("sub")).isEqualTo("7b3f1c52-0d7e-4a8e-9a41-1a2b3c4d5e01");
        assertThat(claims.get("azp")).isEqualTo("launchpad-test");
    }

    @ParameterizedTest
    @CsvSource({
            "amara.okafor, amara.okafor@riverside-housing.example, Amara Okafor,    association, 7b3f1c52-0d7e-4a8e-9a41-1a2b3c4d5e01",
            "ben.hughes,   ben.hughes@northgate-homes.example,     Ben Hughes,      association, 7b3f1c52-0d7e-4a8e-9a41-1a2b3c4d5e02",
            "sofia.marin,  sofia.marin@sensorly.example,           Sofia Marin,     supplier,    7b3f1c52-0d7e-4a8e-9a41-1a2b3c4d5e03",
            "tom.reid,     tom.reid@fixflow.example,               Tom Reid,        supplier,    7b3f1c52-0d7e-4a8e-9a41-1a2b3c4d5e04",
            "chidi.eze,    chidi.eze@example.org,                  Chidi Eze,       candidate,   7b3f1c52-0d7e-4a8e-9a41-1a2b3c4d5e05",
            "admin,        admin@launchpad.example,                Launchpad Admin, admin,       7b3f1c52-0d7e-4a8e-9a41-1a2b3c4d5e06", })
    void everyDemoUserSignsInWithTheirRoleProfileAndFixedId(String username, String email, String name, String role,
            String id) {
        Map<String, Object> claims = claims(keycloak.passwordGrantToken(username, PASSWORD));

        assertThat(claims.get("sub")).isEqualTo(id);
        assertThat(claims.get("preferred_username")).isEqualTo(username);
        assertThat(claims.get("email")).isEqualTo(email);
        assertThat(claims.get("email_verified")).isEqualTo(true);
        assertThat(claims.get("name")).isEqualTo(name);
        assertThat(realmRoles(claims)).contains(role);
        assertThat(strings(claims.get("aud"))).contains("launchpad-api");
    }

    /**
     * Keycloak 26.7 answers a wrong password with 400 invalid_grant, as RFC 6749 section
     * 5.2 says.
     */
    @Test
    void wrongPasswordGetsNoToken() {
        HttpResponse<String> response = postForm(keycloak.issuerUri() + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "launchpad-test", "username", "ben.hughes", "password",
                        "not-the-password"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body())).containsEntry("error", "invalid_grant")
            .containsEntry("error_description", "Invalid user credentials")
            .doesNotContainKey("access_token");
        assertThatThrownBy(() -> keycloak.passwordGrantToken("ben.hughes", "still-wrong"))
            .hasMessageContaining("HTTP 400")
            .hasMessageContaining("invalid_grant");
    }

    @Test
    void wrongClientSecretIsUnauthorized() {
        HttpResponse<String> response = postForm(keycloak.issuerUri() + "/protocol/openid-connect/token",
                Map.of("grant_type", "client_credentials", "client_id", "launchpad-services", "client_secret",
                        "not-the-secret"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response.body())).containsEntry("error", "unauthorized_client");
    }

    @Test
    void onlyTheTestClientAllowsThePasswordGrant() {
        HttpResponse<String> response = postForm(keycloak.issuerUri() + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "launchpad-web", "username", "amara.okafor", "password",
                        PASSWORD));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body())).containsEntry("error", "unauthorized_client");
    }

    /**
     * Issue 12: what the API does when a person erases their data, with the client and
     * secret it is given.
     */
    @Test
    void theAccountAdminClientDeletesASignInAccountAndNothingMore() throws Exception {
        String secret = KeycloakServer.accountAdminClientSecret(dataDir);
        assertThat(secret).hasSizeGreaterThanOrEqualTo(40).doesNotContain("${");
        String token = keycloak.clientCredentialsToken(KeycloakServer.ACCOUNT_ADMIN_CLIENT, secret);
        assertThat(strings(claims(token).get("aud"))).doesNotContain("launchpad-api");
        String users = keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/users";
        HttpClient http = HttpClient.newHttpClient();

        var created = http.send(HttpRequest.newBuilder(URI.create(users))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"erase-me\",\"enabled\":true}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();

        var deleted = http.send(HttpRequest.newBuilder(URI.create(location))
            .header("Authorization", "Bearer " + token)
            .DELETE()
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        var gone = http.send(
                HttpRequest.newBuilder(URI.create(location)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(gone.statusCode()).isEqualTo(404);

        // users only: the realm's clients (and their secrets) are out of its reach
        var clients = http.send(HttpRequest
            .newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/clients"))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(clients.statusCode()).isEqualTo(403);
        assertThatThrownBy(() -> keycloak.clientCredentialsToken(KeycloakServer.ACCOUNT_ADMIN_CLIENT,
                "${LAUNCHPAD_ACCOUNT_ADMIN_SECRET}"))
            .hasMessageContaining("HTTP 401");
    }

    /**
     * Issue 12: onboarding gives a self-registered person their first realm role with the
     * same client, through the calls the API makes (the user's available realm roles,
     * then a realm role mapping), and with manage-users alone: reading realm roles by
     * name needs view-realm, which it must not have.
     */
    @Test
    void theAccountAdminClientMapsAFirstRealmRoleWithManageUsersAlone() throws Exception {
        String token = keycloak.clientCredentialsToken(KeycloakServer.ACCOUNT_ADMIN_CLIENT,
                KeycloakServer.accountAdminClientSecret(dataDir));
        String realm = keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM;
        HttpClient http = HttpClient.newHttpClient();
        var created = http.send(HttpRequest.newBuilder(URI.create(realm + "/users"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"new-supplier\",\"enabled\":true}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String user = created.headers().firstValue("Location").orElseThrow();

        var available = http.send(HttpRequest.newBuilder(URI.create(user + "/role-mappings/realm/available"))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(available.statusCode()).as(available.body()).isEqualTo(200);
        String supplier = available.body()
            .replaceAll("\\s", "")
            .replaceAll("(?s).*(\\{[^{}]*\"name\":\"supplier\"[^{}]*}).*", "$1");
        assertThat(supplier).as(available.body()).startsWith("{").contains("\"id\":");

        var mapped = http.send(HttpRequest.newBuilder(URI.create(user + "/role-mappings/realm"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("[" + supplier + "]"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(mapped.statusCode()).as(mapped.body()).isEqualTo(204);
        var held = http.send(HttpRequest.newBuilder(URI.create(user + "/role-mappings/realm"))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(held.statusCode()).isEqualTo(200);
        assertThat(held.body()).contains("\"name\":\"supplier\"");

        var byName = http.send(HttpRequest.newBuilder(URI.create(realm + "/roles/supplier"))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(byName.statusCode()).as("reading realm roles needs view-realm, which this client lacks")
            .isEqualTo(403);
        http.send(HttpRequest.newBuilder(URI.create(user)).header("Authorization", "Bearer " + token).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servicesClientGetsAPartnerTokenWithTheSecretFromTheEnvironmentNeverAdmin() {
        String secret = keycloak.servicesClientSecret();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(40)
            .isNotEqualTo("launchpad-services-dev-secret")
            .doesNotContain("${");
        Map<String, Object> claims = claims(keycloak.clientCredentialsToken("launchpad-services", secret));

        assertThat(realmRoles(claims)).contains("partner")
            .doesNotContain("admin", "association", "supplier", "candidate");
        assertThat(strings(claims.get("aud"))).contains("launchpad-api");
        assertThat(claims.get("azp")).isEqualTo("launchpad-services");
        // the old committed dev secret and the unresolved placeholder are refused
        for (String guess : List.of("launchpad-services-dev-secret", "${LAUNCHPAD_SERVICES_SECRET}")) {
            assertThatThrownBy(() -> keycloak.clientCredentialsToken("launchpad-services", guess))
                .hasMessageContaining("HTTP 401");
        }
    }

    @Test
    void discoveryAdvertisesS256AndTheFixedIssuer() {
        HttpResponse<String> response = get(keycloak.issuerUri() + "/.well-known/openid-configuration");

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> discovery = json(response.body());
        assertThat(strings(discovery.get("code_challenge_methods_supported"))).contains("S256");
        assertThat(discovery.get("issuer")).isEqualTo(keycloak.issuerUri());
    }

    @Test
    void webClientRequiresAnS256CodeChallenge() {
        String redirectUri = "http://127.0.0.1:8081" + WEB_CALLBACK;

        HttpResponse<String> withoutChallenge = authorize(keycloak, "launchpad-web", redirectUri, "");
        assertThat(withoutChallenge.statusCode()).isEqualTo(302);
        assertThat(withoutChallenge.headers().firstValue("Location")).get()
            .asString()
            .startsWith(redirectUri)
            .contains("error=invalid_request")
            .contains("code_challenge");

        HttpResponse<String> plainChallenge = authorize(keycloak, "launchpad-web", redirectUri,
                "&code_challenge=" + S256_CHALLENGE + "&code_challenge_method=plain");
        assertThat(plainChallenge.statusCode()).isEqualTo(302);
        assertThat(plainChallenge.headers().firstValue("Location")).get().asString().contains("error=invalid_request");

        HttpResponse<String> s256Challenge = authorize(keycloak, "launchpad-web", redirectUri,
                "&code_challenge=" + S256_CHALLENGE + "&code_challenge_method=S256");
        assertThat(s256Challenge.statusCode()).as("login page").isEqualTo(200);
        assertThat(s256Challenge.body()).contains("kc-form-login");
    }

    @Test
    void webClientAcceptsTheExtraRedirectBaseUrlAndNoOtherPort() {
        String pkce = "&code_challenge=" + S256_CHALLENGE + "&code_challenge_method=S256";

        HttpResponse<String> extra = authorize(keycloak, "launchpad-web", EXTRA_WEB_BASE_URL + WEB_CALLBACK, pkce);
        HttpResponse<String> unknown = authorize(keycloak, "launchpad-web", "http://127.0.0.1:1" + WEB_CALLBACK, pkce);

        assertThat(extra.statusCode()).isEqualTo(200);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("redirect_uri");
    }

    @Test
    void mobileClientRedirectsToTheAppScheme() {
        String pkce = "&code_challenge=" + S256_CHALLENGE + "&code_challenge_method=S256";

        HttpResponse<String> app = authorize(keycloak, "launchpad-mobile", "io.launchpad.app:/oauth2redirect", pkce);
        HttpResponse<String> web = authorize(keycloak, "launchpad-mobile", "http://127.0.0.1:8081" + WEB_CALLBACK,
                pkce);

        assertThat(app.statusCode()).isEqualTo(200);
        assertThat(web.statusCode()).isEqualTo(400);
    }

}
