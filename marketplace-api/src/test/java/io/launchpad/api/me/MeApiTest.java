package io.launchpad.api.me;

import io.launchpad.api.support.ApiTestBase;
import io.launchpad.api.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.List;

class MeApiTest extends ApiTestBase {

    @Test
    void meShowsRolesAndTheOrganisationsIActFor() {
        Actor association = actor("association");
        api.get()
            .uri("/api/v1/me")
            .header("Authorization", association.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.subject")
            .isEqualTo(association.user().subject())
            .jsonPath("$.roles[0]")
            .isEqualTo("association")
            .jsonPath("$.memberships[0].organisationId")
            .isEqualTo(association.organisationId().toString())
            .jsonPath("$.memberships[0].organisationType")
            .isEqualTo("association");
    }

    @Test
    void meNeedsAValidTokenFromTheRightIssuerForTheApi() {
        api.get()
            .uri("/api/v1/me")
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        String wrongAudience = TestTokens.token("someone-else", List.of("admin"), TestTokens.issuer(), "another-api");
        api.get()
            .uri("/api/v1/me")
            .header("Authorization", "Bearer " + wrongAudience)
            .exchange()
            .expectStatus()
            .isUnauthorized();
        String wrongIssuer = TestTokens.token("someone-else", List.of("admin"), "http://evil.example/realms/launchpad",
                "launchpad-api");
        api.get()
            .uri("/api/v1/me")
            .header("Authorization", "Bearer " + wrongIssuer)
            .exchange()
            .expectStatus()
            .isUnauthorized();
    }

    @Test
    void organisationTypesFollowRealmRoles() {
        var candidate = TestTokens.user("candidate");
        api.post()
            .uri("/api/v1/organisations")
            .header("Authorization", candidate.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"name\":\"Candidate Co\",\"type\":\"supplier\"}")
            .exchange()
            .expectStatus()
            .isForbidden()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        Actor association = actor("association");
        api.get()
            .uri("/api/v1/organisations/{id}/members", association.organisationId())
            .header("Authorization", candidate.bearer())
            .exchange()
            .expectStatus()
            .isForbidden();
        api.get()
            .uri("/api/v1/organisations/{id}/members", association.organisationId())
            .header("Authorization", association.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.subjects[0]")
            .isEqualTo(association.user().subject());
    }

}
