package io.launchpad.api.onboarding;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.launchpad.api.support.ApiTestBase;
import io.launchpad.api.support.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * Issue 12: a person who signed up on their own chooses association, supplier or
 * candidate once, and the API maps that realm role in Keycloak (WireMock stands in for
 * Keycloak's admin API, as for erasure).
 */
class FirstRoleApiTest extends ApiTestBase {

    /**
     * Keycloak's answer to "realm roles this user could be given": ids as a real realm
     * has them.
     */
    private static final String AVAILABLE = """
            [{"id":"id-association","name":"association"},{"id":"id-supplier","name":"supplier"},
             {"id":"id-candidate","name":"candidate"},{"id":"id-admin","name":"admin"},
             {"id":"id-partner","name":"partner"},{"id":"id-offline","name":"offline_access"}]""";

    private final List<StubMapping> stubs = new ArrayList<>();

    @AfterEach
    void removeStubs() {
        stubs.forEach(TestTokens.keycloak()::removeStub);
    }

    @Test
    void aPersonWithoutARoleChoosesSupplierAndKeycloakMapsExactlyThatRole() {
        TestTokens.TestUser person = TestTokens.user();
        keycloakHolds(person, "[{\"id\":\"id-default\",\"name\":\"default-roles-launchpad\"}]");

        choose(person, "supplier").expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.role")
            .isEqualTo("supplier")
            .jsonPath("$.newTokenNeeded")
            .isEqualTo(true);

        TestTokens.keycloak()
            .verify(1,
                    postRequestedFor(urlEqualTo(mappings(person)))
                        .withHeader("Authorization", WireMock.equalTo("Bearer admin-token"))
                        .withRequestBody(equalToJson("[{\"id\":\"id-supplier\",\"name\":\"supplier\"}]")));
    }

    @Test
    void adminAndPartnerAreNeverSelfAssigned() {
        TestTokens.TestUser person = TestTokens.user();
        keycloakHolds(person, "[]");
        for (String role : List.of("admin", "partner", "offline_access", "")) {
            choose(person, role).expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("role")
                .jsonPath("$.errors[0].rule")
                .isEqualTo("self-assignable");
        }
        api.post()
            .uri("/api/v1/me/role")
            .header("Authorization", person.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}")
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("role");
        TestTokens.keycloak().verify(0, postRequestedFor(urlEqualTo(mappings(person))));
    }

    @Test
    void someoneWhoAlreadyHasARoleKeepsIt() {
        for (String held : List.of("association", "candidate", "admin")) {
            TestTokens.TestUser person = TestTokens.user(held);
            keycloakHolds(person, "[{\"id\":\"id-" + held + "\",\"name\":\"" + held + "\"}]");
            choose(person, "supplier").expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("role")
                .jsonPath("$.errors[0].rule")
                .isEqualTo("no-role-yet");
            TestTokens.keycloak().verify(0, postRequestedFor(urlEqualTo(mappings(person))));
        }
    }

    @Test
    void aTokenOlderThanTheFirstChoiceCannotMakeASecond() {
        // the token carries no role, but Keycloak already mapped one: the person chose
        // before this token was refreshed
        TestTokens.TestUser person = TestTokens.user();
        keycloakHolds(person, "[{\"id\":\"id-candidate\",\"name\":\"candidate\"}]");

        choose(person, "association").expectStatus()
            .isEqualTo(409)
            .expectBody()
            .jsonPath("$.errors[0].rule")
            .isEqualTo("no-role-yet");
        TestTokens.keycloak().verify(0, postRequestedFor(urlEqualTo(mappings(person))));
    }

    @Test
    void whenKeycloakIsDownTheChoiceIsRefusedForNowNotFailed() {
        TestTokens.TestUser person = TestTokens.user();
        stubs.add(TestTokens.keycloak()
            .stubFor(WireMock.get(urlEqualTo(mappings(person))).willReturn(aResponse().withStatus(503))));

        choose(person, "candidate").expectStatus()
            .isEqualTo(503)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .exists("Retry-After");
        TestTokens.keycloak().verify(0, postRequestedFor(urlEqualTo(mappings(person))));
    }

    @Test
    void onlyASignedInPersonChooses() {
        api.post()
            .uri("/api/v1/me/role")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("role", "supplier"))
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private WebTestClient.ResponseSpec choose(TestTokens.TestUser person, String role) {
        return api.post()
            .uri("/api/v1/me/role")
            .header("Authorization", person.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("role", role))
            .exchange();
    }

    private void keycloakHolds(TestTokens.TestUser person, String heldRoles) {
        stubs.add(TestTokens.keycloak()
            .stubFor(WireMock.get(urlEqualTo(mappings(person)))
                .withHeader("Authorization", WireMock.equalTo("Bearer admin-token"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(heldRoles))));
        stubs.add(TestTokens.keycloak()
            .stubFor(WireMock.get(urlEqualTo(mappings(person) + "/available"))
                .withHeader("Authorization", WireMock.equalTo("Bearer admin-token"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(AVAILABLE))));
        stubs.add(TestTokens.keycloak()
            .stubFor(WireMock.post(urlEqualTo(mappings(person)))
                .withHeader("Authorization", WireMock.equalTo("Bearer admin-token"))
                .willReturn(aResponse().withStatus(204))));
    }

    private static String mappings(TestTokens.TestUser person) {
        return "/admin/realms/launchpad/users/" + person.subject() + "/role-mappings/realm";
    }

}
