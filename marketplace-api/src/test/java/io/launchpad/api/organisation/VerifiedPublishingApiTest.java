package io.launchpad.api.organisation;

import io.launchpad.api.support.ApiTestBase;
import io.launchpad.api.support.BoardFixtures;
import io.launchpad.api.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.launchpad.api.support.BoardFixtures.skill;

/**
 * Issue 10: an organisation an admin has not verified registers and drafts, but does not
 * publish.
 */
class VerifiedPublishingApiTest extends ApiTestBase {

    @Test
    void anUnverifiedAssociationDraftsButPublishesNeitherChallengesNorBoardRoles() {
        Actor association = unverifiedActor("association");
        String challenge = created("/api/v1/challenges", association,
                challengeBody(association.organisationId(), "Damp sensing"));
        String role = created("/api/v1/board-roles", association,
                BoardFixtures.roleBody(association.organisationId(), List.of(skill("data-governance", "expert"))));

        refusedAsUnverified(post("/api/v1/challenges/" + challenge + "/publish", association));
        refusedAsUnverified(post("/api/v1/board-roles/" + role + "/publish", association));
        api.get().uri("/api/v1/challenges/{id}", challenge).exchange().expectStatus().isNotFound();

        verify(association.organisationId());
        post("/api/v1/challenges/" + challenge + "/publish", association).expectStatus().isOk();
        post("/api/v1/board-roles/" + role + "/publish", association).expectStatus().isOk();
        api.get().uri("/api/v1/challenges/{id}", challenge).exchange().expectStatus().isOk();
    }

    @Test
    void anUnverifiedSupplierDoesNotPublishItsProfile() {
        Actor supplier = unverifiedActor("supplier");
        String profile = created("/api/v1/suppliers", supplier,
                supplierBody(supplier.organisationId(), "Sensorly " + UUID.randomUUID(), "Damp sensors"));

        refusedAsUnverified(post("/api/v1/suppliers/" + profile + "/publish", supplier));

        verify(supplier.organisationId());
        post("/api/v1/suppliers/" + profile + "/publish", supplier).expectStatus().isOk();
    }

    @Test
    void onlyAdminsVerify() {
        Actor association = unverifiedActor("association");
        api.post()
            .uri("/api/v1/organisations/{id}/verification", association.organisationId())
            .header("Authorization", association.bearer())
            .exchange()
            .expectStatus()
            .isForbidden();
        api.post()
            .uri("/api/v1/organisations/{id}/verification", association.organisationId())
            .header("Authorization", TestTokens.user("partner").bearer())
            .exchange()
            .expectStatus()
            .isForbidden();
        api.get()
            .uri("/api/v1/organisations/{id}", association.organisationId())
            .exchange()
            .expectBody()
            .jsonPath("$.verified")
            .isEqualTo(false);
    }

    @Test
    void theAdminSeesTheQueueAndARefusalGivesTheMembersItsReasonUntilVerified() {
        Actor association = unverifiedActor("association");
        String admin = TestTokens.user("admin").bearer();
        UUID org = association.organisationId();

        api.get()
            .uri("/api/v1/admin/verification-queue")
            .header("Authorization", admin)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items[?(@.id == '" + org + "')].members")
            .isEqualTo(List.of(1));
        api.get()
            .uri("/api/v1/admin/verification-queue")
            .header("Authorization", association.bearer())
            .exchange()
            .expectStatus()
            .isForbidden();

        // a reason is required, on one line, at most 500 characters; nothing changes when
        // it is refused
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("reason", " "), Map.of("reason", "a\nb"),
                Map.of("reason", "x".repeat(501)))) {
            api.post()
                .uri("/api/v1/organisations/{id}/verification-refusal", org)
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(bad)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("reason");
        }
        api.get()
            .uri("/api/v1/organisations/{id}/verification", org)
            .header("Authorization", association.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.refusalReason")
            .doesNotExist();

        api.post()
            .uri("/api/v1/organisations/{id}/verification-refusal", org)
            .header("Authorization", association.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("reason", "mine"))
            .exchange()
            .expectStatus()
            .isForbidden();
        api.post()
            .uri("/api/v1/organisations/{id}/verification-refusal", org)
            .header("Authorization", admin)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("reason", "We could not find this association on the regulator's register"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.verified")
            .isEqualTo(false);
        api.get()
            .uri("/api/v1/organisations/{id}/verification", org)
            .header("Authorization", association.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.refusalReason")
            .isEqualTo("We could not find this association on the regulator's register");
        api.get()
            .uri("/api/v1/organisations/{id}/verification", org)
            .header("Authorization", actor("association").bearer())
            .exchange()
            .expectStatus()
            .isForbidden();

        verify(org);
        api.get()
            .uri("/api/v1/organisations/{id}/verification", org)
            .header("Authorization", association.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.verified")
            .isEqualTo(true)
            .jsonPath("$.refusalReason")
            .doesNotExist();
        api.post()
            .uri("/api/v1/organisations/{id}/verification-refusal", org)
            .header("Authorization", admin)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("reason", "Too late"))
            .exchange()
            .expectStatus()
            .isEqualTo(409)
            .expectBody()
            .jsonPath("$.errors[0].rule")
            .isEqualTo("unverified");
    }

    private static void refusedAsUnverified(WebTestClient.ResponseSpec response) {
        response.expectStatus()
            .isEqualTo(409)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("organisationId")
            .jsonPath("$.errors[0].rule")
            .isEqualTo("verified-organisation");
    }

    private String created(String uri, Actor actor, Object body) {
        return (String) api.post()
            .uri(uri)
            .header("Authorization", actor.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
    }

    private WebTestClient.ResponseSpec post(String uri, Actor actor) {
        return api.post().uri(uri).header("Authorization", actor.bearer()).exchange();
    }

}
