package io.launchpad.api.moderation;

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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 5, over the real PostgreSQL and Elasticsearch: an admin hides a
 * challenge, a supplier profile, a board role or a public question with a reason; it
 * leaves lists, search and matching and its page is a 404 to others, while its owner
 * reads it with the reason and an admin sees everything; restoring brings it back; every
 * decision is on the trail; nobody else may moderate.
 */
class ModerationApiTest extends ApiTestBase {

    private static final String MODERATION = "/api/v1/admin/moderation";

    @Test
    void onlyAdminsModerateAndAReasonIsRequired() {
        UUID any = UUID.randomUUID();
        for (String role : List.of("association", "supplier", "candidate")) {
            String bearer = TestTokens.user(role).bearer();
            api.put()
                .uri(MODERATION + "/challenge/{id}", any)
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "Spam"))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
            api.delete()
                .uri(MODERATION + "/challenge/{id}", any)
                .header("Authorization", bearer)
                .exchange()
                .expectStatus()
                .isForbidden();
            api.get().uri(MODERATION).header("Authorization", bearer).exchange().expectStatus().isForbidden();
        }
        api.get().uri(MODERATION).exchange().expectStatus().isUnauthorized();
        String admin = TestTokens.user("admin").bearer();
        hide(admin, "challenge", any.toString(), "Spam").expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        hide(admin, "poem", any.toString(), "Spam").expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("kind");
        hide(admin, "challenge", any.toString(), "  ").expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("reason");
        hide(admin, "challenge", any.toString(), "x".repeat(501)).expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("reason");
        api.put()
            .uri(MODERATION + "/challenge/{id}", any)
            .header("Authorization", admin)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of())
            .exchange()
            .expectStatus()
            .isBadRequest();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aHiddenChallengeLeavesListsAndSearchIsShownToItsOwnerWithTheReasonAndComesBackWhenRestored() {
        Actor association = actor("association");
        Actor other = actor("association");
        String admin = TestTokens.user("admin").bearer();
        String word = "Zorbling" + UUID.randomUUID().toString().substring(0, 8);
        String id = published(association, "Misleading " + word + " sensors");
        String search = "/api/v1/search/challenges?q=" + word;
        BoardFixtures.awaitBody(api, other.bearer(), search, body -> body.contains(id));

        Map<String, Object> hold = hide(admin, "challenge", id, "Claims savings no pilot has shown").expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        assertThat(hold).containsEntry("kind", "challenge")
            .containsEntry("id", id)
            .containsEntry("reason", "Claims savings no pilot has shown")
            .containsEntry("title", "Misleading " + word + " sensors");

        api.get().uri("/api/v1/challenges/{id}", id).exchange().expectStatus().isNotFound();
        api.get()
            .uri("/api/v1/challenges/{id}", id)
            .header("Authorization", other.bearer())
            .exchange()
            .expectStatus()
            .isNotFound();
        api.get().uri("/api/v1/challenges/{id}/questions", id).exchange().expectStatus().isNotFound();
        for (String owner : List.of(association.bearer(), admin)) {
            api.get()
                .uri("/api/v1/challenges/{id}", id)
                .header("Authorization", owner)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.hiddenReason")
                .isEqualTo("Claims savings no pilot has shown");
        }
        String ownList = "/api/v1/challenges?organisationId=" + association.organisationId();
        assertThat(listedIds(ownList, null)).doesNotContain(id);
        assertThat(listedIds(ownList, other.bearer())).doesNotContain(id);
        assertThat(listedIds(ownList, association.bearer())).contains(id);
        BoardFixtures.awaitBody(api, other.bearer(), search, body -> !body.contains(id));
        assertThat(heldIds(admin)).contains(id);
        // the owner is told, with the reason and a link to the item; nobody else hears of
        // it
        BoardFixtures.awaitBody(api, association.bearer(), "/api/v1/notifications",
                body -> body.contains("content-hidden") && body.contains("Claims savings no pilot has shown")
                        && body.contains("\"/challenges/" + id + "\""));
        assertThat(get("/api/v1/notifications", other.bearer())).doesNotContain(id).doesNotContain("content-hidden");

        api.delete()
            .uri(MODERATION + "/challenge/{id}", id)
            .header("Authorization", admin)
            .exchange()
            .expectStatus()
            .isNoContent();

        api.get()
            .uri("/api/v1/challenges/{id}", id)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.hiddenReason")
            .doesNotExist();
        assertThat(listedIds(ownList, null)).contains(id);
        BoardFixtures.awaitBody(api, other.bearer(), search, body -> body.contains(id));
        assertThat(heldIds(admin)).doesNotContain(id);
        BoardFixtures.awaitBody(api, association.bearer(), "/api/v1/notifications",
                body -> body.contains("content-restored") && body.contains("it is shown again"));
        List<Map<String, Object>> trail = api.get()
            .uri(MODERATION + "/challenge/{id}/actions", id)
            .header("Authorization", admin)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(List.class)
            .returnResult()
            .getResponseBody();
        assertThat(trail).extracting(entry -> entry.get("action")).containsExactly("restored", "hidden");
        assertThat(trail.get(1)).containsEntry("reason", "Claims savings no pilot has shown");
        assertThat(count("moderation_action where target_id = '" + id + "' and actor_subject is not null"))
            .isEqualTo(2);
    }

    @Test
    void aHiddenSupplierProfileLeavesTheListSearchAndMatchingButItsMembersStillSeeItWithTheReason() {
        Actor supplier = actor("supplier");
        Actor association = actor("association");
        String admin = TestTokens.user("admin").bearer();
        String word = "Quibbleton" + UUID.randomUUID().toString().substring(0, 8);
        String profile = created("/api/v1/suppliers", supplier.bearer(), supplierBody(supplier.organisationId(),
                word + " Ltd", word + " repairs reporting from a phone for tenants"));
        api.post()
            .uri("/api/v1/suppliers/{id}/publish", profile)
            .header("Authorization", supplier.bearer())
            .exchange()
            .expectStatus()
            .isOk();
        String search = "/api/v1/search/suppliers?q=" + word;
        BoardFixtures.awaitBody(api, association.bearer(), search, body -> body.contains(profile));
        String challenge = published(association, word + " repairs reporting from a phone");
        String matches = "/api/v1/challenges/" + challenge + "/matches?limit=50";
        BoardFixtures.awaitBody(api, association.bearer(), matches, body -> body.contains(profile));

        hide(admin, "supplier-profile", profile, "Accreditations it does not hold").expectStatus().isOk();

        api.get()
            .uri("/api/v1/suppliers/{id}", profile)
            .header("Authorization", association.bearer())
            .exchange()
            .expectStatus()
            .isNotFound();
        api.get()
            .uri("/api/v1/suppliers/{id}", profile)
            .header("Authorization", supplier.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.hiddenReason")
            .isEqualTo("Accreditations it does not hold");
        api.get()
            .uri("/api/v1/me/supplier-profiles")
            .header("Authorization", supplier.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items[0].hiddenReason")
            .isEqualTo("Accreditations it does not hold");
        assertThat(listedIds("/api/v1/suppliers?limit=100", null)).doesNotContain(profile);
        BoardFixtures.awaitBody(api, association.bearer(), search, body -> !body.contains(profile));
        BoardFixtures.awaitBody(api, association.bearer(), matches, body -> !body.contains(profile));
    }

    @Test
    void aHiddenBoardRoleIsGoneForCandidatesAndTakesNoApplications() {
        Actor association = actor("association");
        String admin = TestTokens.user("admin").bearer();
        String candidate = TestTokens.user("candidate").bearer();
        String role = BoardFixtures.openRole(api, association.bearer(),
                BoardFixtures.roleBody(association.organisationId(), List.of(skill("data-governance", "expert"))));

        hide(admin, "board-role", role, "Asks applicants for payment").expectStatus().isOk();

        api.get()
            .uri("/api/v1/board-roles/{id}", role)
            .header("Authorization", candidate)
            .exchange()
            .expectStatus()
            .isNotFound();
        api.get()
            .uri("/api/v1/board-roles/{id}", role)
            .header("Authorization", association.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.hiddenReason")
            .isEqualTo("Asks applicants for payment");
        assertThat(listedIds("/api/v1/board-roles?limit=100", candidate)).doesNotContain(role);
        assertThat(
                listedIds("/api/v1/board-roles?organisationId=" + association.organisationId(), association.bearer()))
            .contains(role);
        api.post()
            .uri("/api/v1/board-roles/{id}/applications", role)
            .header("Authorization", candidate)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("statement", "I chaired a digital committee."))
            .exchange()
            .expectStatus()
            .value(status -> assertThat(status).isBetween(400, 499));
    }

    @Test
    void aHiddenQuestionLeavesThePublicQuestionsAndAnswersButTheAskerSeesWhy() {
        Actor association = actor("association");
        Actor asker = actor("supplier");
        Actor otherSupplier = actor("supplier");
        String admin = TestTokens.user("admin").bearer();
        String challenge = published(association, "Damp reporting");
        String question = created("/api/v1/challenges/" + challenge + "/questions", asker.bearer(),
                Map.<String, Object>of("organisationId", asker.organisationId().toString(), "question",
                        "Will you pay us before the pilot?"));
        api.post()
            .uri("/api/v1/challenges/{c}/questions/{q}/answer", challenge, question)
            .header("Authorization", association.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("answer", "Call our director on his mobile."))
            .exchange()
            .expectStatus()
            .isOk();
        String questions = "/api/v1/challenges/" + challenge + "/questions";
        assertThat(questionIds(questions, otherSupplier.bearer())).contains(question);

        hide(admin, "question", question, "Shares a private phone number").expectStatus().isOk();

        assertThat(questionIds(questions, otherSupplier.bearer())).doesNotContain(question);
        assertThat(questionIds(questions, null)).doesNotContain(question);
        api.get()
            .uri(questions)
            .header("Authorization", asker.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items[?(@.id == '" + question + "')].hiddenReason")
            .isEqualTo(List.of("Shares a private phone number"));
        assertThat(questionIds(questions, admin)).contains(question);
        // the asker's organisation is told why, with a link to the challenge's questions
        BoardFixtures.awaitBody(api, asker.bearer(), "/api/v1/notifications",
                body -> body.contains("Shares a private phone number")
                        && body.contains("\"/challenges/" + challenge + "/questions\""));
    }

    private String get(String uri, String bearer) {
        return api.get()
            .uri(uri)
            .header("Authorization", bearer)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    }

    private WebTestClient.ResponseSpec hide(String bearer, String kind, String id, String reason) {
        return api.put()
            .uri(MODERATION + "/{kind}/{id}", kind, id)
            .header("Authorization", bearer)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("reason", reason))
            .exchange();
    }

    private String published(Actor association, String title) {
        String id = created("/api/v1/challenges", association.bearer(),
                challengeBody(association.organisationId(), title));
        api.post()
            .uri("/api/v1/challenges/{id}/publish", id)
            .header("Authorization", association.bearer())
            .exchange()
            .expectStatus()
            .isOk();
        return id;
    }

    private String created(String uri, String bearer, Map<String, Object> body) {
        return (String) api.post()
            .uri(uri)
            .header("Authorization", bearer)
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

    @SuppressWarnings("unchecked")
    private List<String> listedIds(String uri, String bearer) {
        var request = api.get().uri(uri);
        if (bearer != null) {
            request = request.header("Authorization", bearer);
        }
        Map<String, Object> page = request.exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream().map(item -> (String) item.get("id")).toList();
    }

    private List<String> questionIds(String uri, String bearer) {
        return listedIds(uri, bearer);
    }

    private List<String> heldIds(String admin) {
        return listedIds(MODERATION + "?limit=100", admin);
    }

}
