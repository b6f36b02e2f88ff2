package io.launchpad.api.programme;

import io.launchpad.api.support.ApiTestBase;
import io.launchpad.api.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProgrammeApiTest extends ApiTestBase {

    @Test
    void adminsSeeProgrammeFiguresThatMoveWithTheProgrammeAndNobodyElseDoes() {
        String admin = TestTokens.user("admin").bearer();
        Map<?, ?> before = figures(admin);

        Actor association = actor("association");
        String id = (String) api.post()
            .uri("/api/v1/challenges")
            .header("Authorization", association.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(challengeBody(association.organisationId(), "Programme figure challenge"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        api.post()
            .uri("/api/v1/challenges/{id}/publish", id)
            .header("Authorization", association.bearer())
            .exchange()
            .expectStatus()
            .isOk();

        Map<?, ?> after = figures(admin);
        assertThat(stage(after, "published")).isEqualTo(stage(before, "published") + 1);
        assertThat(((Map<?, ?>) after.get("pilotsByOutcome")).keySet()).map(Object::toString)
            .containsExactly("active", "met", "partly-met", "not-met");
        assertThat(after.get("responsesPerChallenge").toString()).contains("Programme figure challenge");
        assertThat(after.get("timeToAward")).isInstanceOf(Map.class);

        api.get()
            .uri("/api/v1/admin/programme")
            .header("Authorization", association.bearer())
            .exchange()
            .expectStatus()
            .isForbidden()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        api.get().uri("/api/v1/admin/programme").exchange().expectStatus().isUnauthorized();
    }

    private Map<?, ?> figures(String admin) {
        return api.get()
            .uri("/api/v1/admin/programme")
            .header("Authorization", admin)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    }

    private static long stage(Map<?, ?> figures, String stage) {
        return ((Number) ((Map<?, ?>) figures.get("challengesByStage")).get(stage)).longValue();
    }

}
