package io.launchpad.api.challenge;

import io.launchpad.api.support.ApiTestBase;
import io.launchpad.api.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ChallengeApiTest extends ApiTestBase {

    @Test
    void associationDraftsPublishesAndEveryoneSeesThePublishedChallenge() {
        Actor association = actor("association");
        var created = api.post()
            .uri("/api/v1/challenges")
            .header("Authorization", association.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(challengeBody(association.organisationId(), "Cut damp and mould reports"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectHeader()
            .valueEquals("ETag", "\"1\"")
            .expectHeader()
            .valueMatches("Location", "/api/v1/challenges/[0-9a-f-]{36}")
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        assertThat(created.get("status")).isEqualTo("draft");
        String id = (String) created.get("id");

        // a draft is invisible to anyone but its association
        api.get()
            .uri("/api/v1/challenges/{id}", id)
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        api.get()
            .uri("/api/v1/challenges/{id}", id)
            .header("Authorization", actor("association").bearer())
            .exchange()
            .expectStatus()
            .isNotFound();
        api.get()
            .uri("/api/v1/challenges/{id}", id)
            .header("Authorization", association.bearer())
            .exchange()
            .expectStatus()
            .isOk();

        api.post()
            .uri("/api/v1/challenges/{id}/publish", id)
            .header("Authorization", association.bearer())
            .header("If-Match", "\"1\"")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("ETag", "\"2\"")
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("published")
            .jsonPath("$.publishedAt")
            .isNotEmpty();

        api.get()
            .uri("/api/v1/challenges/{id}", id)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.title")
            .isEqualTo("Cut damp and mould reports")
            .jsonPath("$.organisationName")
            .isNotEmpty();
    }

    @Test
    void onlyTheOwningAssociationEditsAndStaleOrMissingVersionsAreRefused() {
        Actor owner = actor("association");
        String id = createDraft(owner, "Let tenants report repairs from a phone");
        Map<String, Object> changed = challengeBody(owner.organisationId(), "Let tenants report repairs online");

        api.put()
            .uri("/api/v1/challenges/{id}", id)
            .header("Authorization", owner.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(changed)
            .exchange()
            .expectStatus()
            .isEqualTo(428)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("If-Match")
            .jsonPath("$.errors[0].rule")
            .isEqualTo("required");

        api.put()
            .uri("/api/v1/challenges/{id}", id)
            .header("Authorization", owner.bearer())
            .header("If-Match", "\"1\"")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(changed)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("ETag", "\"2\"");

        api.put()
            .uri("/api/v1/challenges/{id}", id)
            .header("Authorization", owner.bearer())
            .header("If-Match", "\"1\"")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(changed)
            .exchange()
            .expectStatus()
            .isEqualTo(412)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].rule")
            .isEqualTo("current-version");

        Actor otherAssociation = actor("association");
        api.put()
            .uri("/api/v1/challenges/{id}", id)
            .header("Authorization", otherAssociation.bearer())
            .header("If-Match", "\"2\"")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(changed)
            .exchange()
            .expectStatus()
            .isNotFound();
        // publishing checks ownership once (not in read and again after it): still
        // refused, and the draft still unseen
        api.post()
            .uri("/api/v1/challenges/{id}/publish", id)
            .header("Authorization", otherAssociation.bearer())
            .exchange()
            .expectStatus()
            .isNotFound();

        api.post()
            .uri("/api/v1/challenges/{id}/publish", id)
            .header("Authorization", owner.bearer())
            .exchange()
            .expectStatus()
            .isOk();
        api.put()
            .uri("/api/v1/challenges/{id}", id)
            .header("Authorization", otherAssociation.bearer())
            .header("If-Match", "\"3\"")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(changed)
            .exchange()
            .expectStatus()
            .isForbidden();
        api.post()
            .uri("/api/v1/challenges/{id}/publish", id)
            .header("Authorization", otherAssociation.bearer())
            .exchange()
            .expectStatus()
            .isForbidden();
        api.put()
            .uri("/api/v1/challenges/{id}", id)
            .header("Authorization", owner.bearer())
            .header("If-Match", "\"3\"")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(changed)
            .exchange()
            .expectStatus()
            .isEqualTo(409);
    }

    @Test
    void suppliersAndOutsidersCannotPostChallengesForAnAssociation() {
        Actor association = actor("association");
        var supplier = TestTokens.user("supplier");
        api.post()
            .uri("/api/v1/challenges")
            .header("Authorization", supplier.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(challengeBody(association.organisationId(), "Not theirs to post"))
            .exchange()
            .expectStatus()
            .isForbidden()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        api.post()
            .uri("/api/v1/challenges")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(challengeBody(association.organisationId(), "Anonymous post"))
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        Actor supplierOrg = actor("supplier");
        api.post()
            .uri("/api/v1/challenges")
            .header("Authorization", supplierOrg.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(challengeBody(supplierOrg.organisationId(), "Posted for a supplier organisation"))
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("organisationId")
            .jsonPath("$.errors[0].rule")
            .isEqualTo("organisation-type");
    }

    @Test
    void publishingNeedsAClosingDateInTheFuture() {
        Actor owner = actor("association");
        Map<String, Object> body = challengeBody(owner.organisationId(), "No closing date yet");
        body.remove("closingDate");
        String id = (String) api.post()
            .uri("/api/v1/challenges")
            .header("Authorization", owner.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        api.post()
            .uri("/api/v1/challenges/{id}/publish", id)
            .header("Authorization", owner.bearer())
            .exchange()
            .expectStatus()
            .isEqualTo(422)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("closingDate")
            .jsonPath("$.errors[0].rule")
            .isEqualTo("required-to-publish");
        api.get()
            .uri("/api/v1/challenges/{id}", id)
            .header("Authorization", owner.bearer())
            .exchange()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("draft");
    }

    @Test
    void listFiltersAndPagesWithOpaqueCursorsWithoutGapsOrRepeats() {
        Actor owner = actor("association");
        Set<String> mine = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = challengeBody(owner.organisationId(), "Retrofit programme " + i);
            body.put("categories", List.of("energy-retrofit-and-fuel-poverty"));
            body.put("regions", List.of("wales"));
            String id = (String) api.post()
                .uri("/api/v1/challenges")
                .header("Authorization", owner.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id");
            api.post()
                .uri("/api/v1/challenges/{id}/publish", id)
                .header("Authorization", owner.bearer())
                .exchange()
                .expectStatus()
                .isOk();
            mine.add(id);
        }
        createDraft(owner, "A draft that must not be listed publicly");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String uri = "/api/v1/challenges?organisationId=" + owner.organisationId()
                    + "&category=energy-retrofit-and-fuel-poverty&region=wales&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor);
            Map<?, ?> page = api.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
            ((List<?>) page.get("items")).forEach(item -> seen.add((String) ((Map<?, ?>) item).get("id")));
            cursor = (String) page.get("nextCursor");
            pages++;
        }
        while (cursor != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(mine);

        api.get()
            .uri("/api/v1/challenges?organisationId=" + owner.organisationId() + "&category=damp-and-mould")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items.length()")
            .isEqualTo(0);

        // drafts: only the association's own, and only when signed in
        api.get().uri("/api/v1/challenges?status=draft").exchange().expectStatus().isUnauthorized();
        api.get()
            .uri("/api/v1/challenges?status=draft")
            .header("Authorization", owner.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items.length()")
            .isEqualTo(1)
            .jsonPath("$.items[0].title")
            .isEqualTo("A draft that must not be listed publicly");
        api.get()
            .uri("/api/v1/challenges?status=draft")
            .header("Authorization", actor("association").bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items.length()")
            .isEqualTo(0);
    }

    private String createDraft(Actor owner, String title) {
        return (String) api.post()
            .uri("/api/v1/challenges")
            .header("Authorization", owner.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(challengeBody(owner.organisationId(), title))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
    }

}
