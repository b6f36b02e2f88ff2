package io.launchpad.api.onboarding;

import io.launchpad.api.support.ApiTestBase;
import io.launchpad.api.support.BoardFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.List;
import java.util.Map;

/**
 * Issue 12: what the landing page reads without a token: open board roles (never drafts)
 * and completed pilots.
 */
class LandingReadsApiTest extends ApiTestBase {

    @Test
    void aVisitorReadsOpenBoardRolesButNoDraft() {
        Actor association = actor("association");
        Map<String, Object> body = BoardFixtures.roleBody(association.organisationId(),
                List.of(BoardFixtures.skill("data-governance", "expert")));
        String open = BoardFixtures.openRole(api, association.bearer(), body);
        String draft = (String) api.post()
            .uri("/api/v1/board-roles")
            .header("Authorization", association.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");

        api.get()
            .uri("/api/v1/board-roles?limit=100")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items[?(@.id == '" + open + "')].status")
            .isEqualTo(List.of("open"))
            .jsonPath("$.items[?(@.id == '" + draft + "')]")
            .isEmpty();
        api.get()
            .uri("/api/v1/board-roles?organisationId={org}", association.organisationId())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items[?(@.id == '" + draft + "')]")
            .isEmpty();
        api.get().uri("/api/v1/board-roles/{id}", open).exchange().expectStatus().isOk();
        api.get()
            .uri("/api/v1/board-roles/{id}", draft)
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        // what a role's association reviews stays theirs
        api.get().uri("/api/v1/board-roles/{id}/applications", open).exchange().expectStatus().isUnauthorized();
        api.get().uri("/api/v1/board-roles/{id}/matches", open).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void completedPilotsAreListedForEveryoneWithABoundedPage() {
        api.get()
            .uri("/api/v1/pilots/completed")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items")
            .isArray();
        api.get()
            .uri("/api/v1/pilots/completed?limit=0")
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("limit");
    }

}
