package io.launchpad.api.security;

import io.launchpad.api.support.ApiTestBase;
import io.launchpad.api.support.BoardFixtures;
import io.launchpad.api.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.launchpad.api.support.BoardFixtures.skill;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10: the services client's token (realm role {@code partner} only, as Keycloak
 * issues it for {@code launchpad-services}) reads what is published and nothing about
 * people, and acts as nobody.
 */
class PartnerTokenApiTest extends ApiTestBase {

    @Test
    void aPartnerReadsWhatIsPublishedAndNeverCandidatesApplicationsOrAdminActions() {
        Actor association = actor("association");
        Actor supplier = actor("supplier");
        TestTokens.TestUser candidate = TestTokens.user("candidate");
        BoardFixtures.Identity identity = BoardFixtures.Identity.unique();
        String role = BoardFixtures.openRole(api, association.bearer(),
                BoardFixtures.roleBody(association.organisationId(), List.of(skill("data-governance", "expert"))));
        String candidateId = BoardFixtures.createCandidate(api, candidate.bearer(),
                BoardFixtures.candidateBody(identity, "public", List.of(skill("data-governance", "expert"))));
        String application = BoardFixtures.apply(api, candidate.bearer(), role, "Blind statement " + identity.name());
        String challenge = (String) api.post()
            .uri("/api/v1/challenges")
            .header("Authorization", association.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(challengeBody(association.organisationId(), "Open damp sensing"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        api.post()
            .uri("/api/v1/challenges/{id}/publish", challenge)
            .header("Authorization", association.bearer())
            .exchange()
            .expectStatus()
            .isOk();
        String unverified = (String) api.post()
            .uri("/api/v1/organisations")
            .header("Authorization", TestTokens.user("supplier").bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("name", "Org " + UUID.randomUUID(), "type", "supplier"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");

        String partner = "Bearer " + TestTokens.token("service-account-" + UUID.randomUUID(), List.of("partner"),
                TestTokens.issuer(), "launchpad-api");

        // published reads work
        // open board roles are published reads too since the landing page shows them
        // (issue 12)
        for (String readable : List.of("/api/v1/challenges", "/api/v1/challenges/" + challenge, "/api/v1/suppliers",
                "/api/v1/taxonomy", "/api/v1/me", "/api/v1/board-roles", "/api/v1/board-roles/" + role)) {
            api.get().uri(readable).header("Authorization", partner).exchange().expectStatus().isOk();
        }
        api.get()
            .uri("/api/v1/me")
            .header("Authorization", partner)
            .exchange()
            .expectBody()
            .jsonPath("$.roles[0]")
            .isEqualTo("partner");

        // people's data and every action are refused, whatever a feature's own rule would
        // say
        record Call(HttpMethod method, String uri, Object body) {
        }
        List<Call> refused = List.of(new Call(HttpMethod.GET, "/api/v1/candidates/" + candidateId, null),
                new Call(HttpMethod.GET, "/api/v1/candidates/" + candidateId + "/matches", null),
                new Call(HttpMethod.GET, "/api/v1/applications/" + application, null),
                new Call(HttpMethod.GET, "/api/v1/board-roles/" + role + "/applications", null),
                new Call(HttpMethod.GET, "/api/v1/board-roles/" + role + "/matches", null),
                new Call(HttpMethod.GET, "/api/v1/audit", null),
                new Call(HttpMethod.GET, "/api/v1/challenges/" + challenge + "/responses", null),
                new Call(HttpMethod.GET, "/api/v1/challenges/" + challenge + "/matches", null),
                new Call(HttpMethod.GET, "/api/v1/admin/programme", null),
                new Call(HttpMethod.GET, "/api/v1/pilots", null),
                new Call(HttpMethod.POST, "/api/v1/organisations/" + unverified + "/verification", null),
                new Call(HttpMethod.POST, "/api/v1/organisations",
                        Map.of("name", "Partner Org " + UUID.randomUUID(), "type", "supplier")),
                new Call(HttpMethod.POST, "/api/v1/challenges/" + challenge + "/responses",
                        Map.of("organisationId", supplier.organisationId().toString(), "approach", "x", "evidence",
                                Map.of(), "pricePounds", 1, "availability", "now")),
                new Call(HttpMethod.POST, "/api/v1/applications/" + application + "/status",
                        Map.of("status", "shortlisted")),
                new Call(HttpMethod.POST, "/api/v1/organisations/" + association.organisationId() + "/invitations",
                        Map.of("subject", "someone")));
        List<String> failures = new ArrayList<>();
        for (Call call : refused) {
            var request = api.method(call.method()).uri(call.uri()).header("Authorization", partner);
            var result = (call.body() == null ? request.exchange()
                    : request.contentType(MediaType.APPLICATION_JSON).bodyValue(call.body()).exchange())
                .expectBody(String.class)
                .returnResult();
            if (result.getStatus().value() != 403) {
                failures.add(call.method() + " " + call.uri() + " -> " + result.getStatus().value());
            }
            assertThat(String.valueOf(result.getResponseBody())).as(call.uri())
                .doesNotContain(identity.name(), identity.email(), identity.phone(), "Blind statement");
        }
        assertThat(failures).isEmpty();
        api.get()
            .uri("/api/v1/organisations/{id}", unverified)
            .exchange()
            .expectBody()
            .jsonPath("$.verified")
            .isEqualTo(false);
    }

}
