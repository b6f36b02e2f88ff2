package io.launchpad.api.follow;

import io.launchpad.api.support.ApiTestBase;
import io.launchpad.api.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Following a challenge: per person, suppliers only, idempotent both ways, and part of
 * the person's data.
 */
class FollowApiTest extends ApiTestBase {

    @Test
    void aSupplierFollowsAndUnfollowsIdempotently() {
        Actor association = actor("association");
        Actor supplier = actor("supplier");
        String challenge = published(association, "Follow me");

        follow(supplier, challenge).expectStatus().isNoContent().expectBody().isEmpty();
        status(supplier, challenge).jsonPath("$.following").isEqualTo(true);
        String firstFollowedAt = followedAt(supplier, challenge);
        assertThat(firstFollowedAt).isNotNull();
        follow(supplier, challenge).expectStatus().isNoContent();
        // following twice is one follow, from the first time
        assertThat(followedAt(supplier, challenge)).isEqualTo(firstFollowedAt);
        assertThat(rows(challenge)).isEqualTo(1);
        api.get()
            .uri("/api/v1/me/follows")
            .header("Authorization", supplier.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items.length()")
            .isEqualTo(1)
            .jsonPath("$.items[0].challengeId")
            .isEqualTo(challenge)
            .jsonPath("$.items[0].title")
            .isEqualTo("Follow me")
            .jsonPath("$.items[0].status")
            .isEqualTo("published");

        // a colleague at the same supplier follows for themselves, not for the
        // organisation
        TestTokens.TestUser colleague = TestTokens.user("supplier");
        status(colleague.bearer(), challenge).jsonPath("$.following")
            .isEqualTo(false)
            .jsonPath("$.followedAt")
            .doesNotExist();

        unfollow(supplier, challenge).expectStatus().isNoContent();
        unfollow(supplier, challenge).expectStatus().isNoContent();
        status(supplier, challenge).jsonPath("$.following").isEqualTo(false);
        assertThat(rows(challenge)).isZero();
        api.get()
            .uri("/api/v1/me/follows")
            .header("Authorization", supplier.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items.length()")
            .isEqualTo(0);
    }

    @Test
    void onlySuppliersFollowAndOnlyWhatTheyMayReadAndIsOpen() {
        Actor association = actor("association");
        Actor supplier = actor("supplier");
        String open = published(association, "Open challenge");
        String draft = draft(association, "Secret draft");

        for (String role : List.of("association", "candidate", "admin")) {
            problem(api.put()
                .uri("/api/v1/challenges/{id}/follow", open)
                .header("Authorization", TestTokens.user(role).bearer())
                .exchange(), 403);
            problem(api.delete()
                .uri("/api/v1/challenges/{id}/follow", open)
                .header("Authorization", TestTokens.user(role).bearer())
                .exchange(), 403);
        }
        problem(api.put().uri("/api/v1/challenges/{id}/follow", open).exchange(), 401);
        problem(api.get().uri("/api/v1/me/follows").exchange(), 401);

        problem(follow(supplier, UUID.randomUUID().toString()), 404);
        problem(follow(supplier, draft), 404);
        problem(unfollow(supplier, draft), 404);
        problem(api.get()
            .uri("/api/v1/challenges/{id}/follow", draft)
            .header("Authorization", supplier.bearer())
            .exchange(), 404);
        problem(api.put()
            .uri("/api/v1/challenges/not-a-uuid/follow")
            .header("Authorization", supplier.bearer())
            .exchange(), 400);

        // an association member who is also a supplier reads its own draft, but there is
        // nothing to follow yet
        TestTokens.TestUser both = TestTokens.user("association", "supplier");
        String ownOrganisation = (String) api.post()
            .uri("/api/v1/organisations")
            .header("Authorization", both.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("name", "Org " + UUID.randomUUID(), "type", "association"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        verify(UUID.fromString(ownOrganisation));
        String ownDraft = (String) api.post()
            .uri("/api/v1/challenges")
            .header("Authorization", both.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(challengeBody(UUID.fromString(ownOrganisation), "Own draft"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        problem(api.put()
            .uri("/api/v1/challenges/{id}/follow", ownDraft)
            .header("Authorization", both.bearer())
            .exchange(), 404);

        // a withdrawn challenge has nothing left to follow; an earlier follow can still
        // be undone
        follow(supplier, open).expectStatus().isNoContent();
        api.post()
            .uri("/api/v1/challenges/{id}/withdraw", open)
            .header("Authorization", association.bearer())
            .exchange()
            .expectStatus()
            .isOk();
        problem(follow(actor("supplier"), open), 409).jsonPath("$.errors[0].field")
            .isEqualTo("status")
            .jsonPath("$.errors[0].rule")
            .isEqualTo("published");
        unfollow(supplier, open).expectStatus().isNoContent();
        assertThat(rows(open)).isZero();
    }

    @Test
    void theFollowListIsCursorPaginatedNewestFirst() {
        Actor association = actor("association");
        Actor supplier = actor("supplier");
        List<String> challenges = List.of(published(association, "First"), published(association, "Second"),
                published(association, "Third"));
        challenges.forEach(id -> follow(supplier, id).expectStatus().isNoContent());

        Map<?, ?> page = api.get()
            .uri("/api/v1/me/follows?limit=2")
            .header("Authorization", supplier.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        assertThat(((List<?>) page.get("items")).stream().map(item -> (Object) ((Map<?, ?>) item).get("title")))
            .containsExactly("Third", "Second");
        assertThat(page.get("nextCursor")).isNotNull();
        api.get()
            .uri("/api/v1/me/follows?limit=2&cursor={c}", page.get("nextCursor"))
            .header("Authorization", supplier.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items[*].title")
            .isEqualTo(List.of("First"))
            .jsonPath("$.nextCursor")
            .doesNotExist();
        problem(api.get().uri("/api/v1/me/follows?limit=0").header("Authorization", supplier.bearer()).exchange(), 400)
            .jsonPath("$.errors[0].field")
            .isEqualTo("limit");
        problem(api.get()
            .uri("/api/v1/me/follows?cursor=nonsense")
            .header("Authorization", supplier.bearer())
            .exchange(), 400).jsonPath("$.errors[0].field").isEqualTo("cursor");
    }

    @Test
    void exportHoldsTheFollowsAndErasureRemovesThem() {
        Actor association = actor("association");
        Actor supplier = actor("supplier");
        String challenge = published(association, "Exported follow");
        follow(supplier, challenge).expectStatus().isNoContent();
        Actor other = actor("supplier");
        follow(other, challenge).expectStatus().isNoContent();

        api.get()
            .uri("/api/v1/me/export")
            .header("Authorization", supplier.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.follows.length()")
            .isEqualTo(1)
            .jsonPath("$.follows[0].challengeId")
            .isEqualTo(challenge)
            .jsonPath("$.follows[0].followedAt")
            .isNotEmpty();

        api.delete()
            .uri("/api/v1/me")
            .header("Authorization", supplier.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.sections")
            .value(sections -> assertThat(sections.toString()).contains("follows"));
        assertThat(db.sql("select count(*) as n from challenge_follow where subject = :s")
            .bind("s", supplier.user().subject())
            .map(row -> row.get("n", Long.class))
            .one()
            .block()).isZero();
        // only the erased person's follow went
        assertThat(rows(challenge)).isEqualTo(1);
    }

    private String published(Actor association, String title) {
        String id = draft(association, title);
        api.post()
            .uri("/api/v1/challenges/{id}/publish", id)
            .header("Authorization", association.bearer())
            .exchange()
            .expectStatus()
            .isOk();
        return id;
    }

    private String draft(Actor association, String title) {
        Map<String, Object> body = challengeBody(association.organisationId(), title);
        body.put("closingDate", LocalDate.now().plusDays(20).toString());
        return (String) api.post()
            .uri("/api/v1/challenges")
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
    }

    private WebTestClient.ResponseSpec follow(Actor actor, String challenge) {
        return api.put()
            .uri("/api/v1/challenges/{id}/follow", challenge)
            .header("Authorization", actor.bearer())
            .exchange();
    }

    private WebTestClient.ResponseSpec unfollow(Actor actor, String challenge) {
        return api.delete()
            .uri("/api/v1/challenges/{id}/follow", challenge)
            .header("Authorization", actor.bearer())
            .exchange();
    }

    private WebTestClient.BodyContentSpec status(Actor actor, String challenge) {
        return status(actor.bearer(), challenge);
    }

    private WebTestClient.BodyContentSpec status(String bearer, String challenge) {
        return api.get()
            .uri("/api/v1/challenges/{id}/follow", challenge)
            .header("Authorization", bearer)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.challengeId")
            .isEqualTo(challenge);
    }

    private String followedAt(Actor actor, String challenge) {
        return (String) api.get()
            .uri("/api/v1/challenges/{id}/follow", challenge)
            .header("Authorization", actor.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("followedAt");
    }

    private long rows(String challenge) {
        return db.sql("select count(*) as n from challenge_follow where challenge_id = :c")
            .bind("c", UUID.fromString(challenge))
            .map(row -> row.get("n", Long.class))
            .one()
            .block();
    }

    private static WebTestClient.BodyContentSpec problem(WebTestClient.ResponseSpec response, int status) {
        return response.expectStatus()
            .isEqualTo(status)
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(status);
    }

}
