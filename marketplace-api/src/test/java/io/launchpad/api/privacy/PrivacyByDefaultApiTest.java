package io.launchpad.api.privacy;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.launchpad.api.support.ApiTestBase;
import io.launchpad.api.support.BoardFixtures;
import io.launchpad.api.support.BoardFixtures.Identity;
import io.launchpad.api.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.launchpad.api.support.BoardFixtures.skill;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, privacy by default: nothing is consented to unless the person says so, a new
 * profile is private unless they choose otherwise, and erasure takes the Keycloak account
 * too, even when Keycloak is down at the time (the deletion is recorded and retried).
 */
class PrivacyByDefaultApiTest extends ApiTestBase {

    @Autowired
    SignInAccountDeletions deletions;

    @Test
    void aProfileSentWithoutChoicesIsPrivateAndRecordsNoConsent() {
        TestTokens.TestUser candidate = TestTokens.user("candidate");
        Map<String, Object> body = BoardFixtures.candidateBody(Identity.unique(), "private",
                List.of(skill("data-governance", "expert")));
        body.remove("visibility");
        String id = BoardFixtures.createCandidate(api, candidate.bearer(), body);

        api.get()
            .uri("/api/v1/candidates/me")
            .header("Authorization", candidate.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.id")
            .isEqualTo(id)
            .jsonPath("$.visibility")
            .isEqualTo("private");
        api.get()
            .uri("/api/v1/me/consents")
            .header("Authorization", candidate.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.history.length()")
            .isEqualTo(0);
        assertThat(db.sql("select count(*) as n from consent where subject = :s")
            .bind("s", candidate.subject())
            .map(row -> row.get("n", Long.class))
            .one()
            .block()).as("consent rows for a profile with no choices").isZero();
    }

    @Test
    void consentsAreRecordedOnlyForTheChoicesMade() {
        TestTokens.TestUser candidate = TestTokens.user("candidate");
        Map<String, Object> body = BoardFixtures.candidateBody(Identity.unique(), "matching",
                List.of(skill("data-governance", "expert")));
        body.put("profileConsent", true);
        BoardFixtures.createCandidate(api, candidate.bearer(), body);

        api.get()
            .uri("/api/v1/me/consents")
            .header("Authorization", candidate.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.history.length()")
            .isEqualTo(2)
            .jsonPath("$.history[?(@.purpose == 'candidate-profile')].granted")
            .isEqualTo(List.of(true))
            .jsonPath("$.history[?(@.purpose == 'matching')].granted")
            .isEqualTo(List.of(true))
            .jsonPath("$.history[?(@.purpose == 'lived-experience')]")
            .isEmpty()
            .jsonPath("$.history[?(@.purpose == 'email-updates')]")
            .isEmpty();
    }

    @Test
    void erasureDeletesTheKeycloakAccount() {
        TestTokens.TestUser candidate = TestTokens.user("candidate");
        BoardFixtures.createCandidate(api, candidate.bearer(),
                BoardFixtures.candidateBody(Identity.unique(), "private", List.of(skill("data-governance", "expert"))));

        api.delete()
            .uri("/api/v1/me")
            .header("Authorization", candidate.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.signInAccount")
            .isEqualTo("deleted")
            .jsonPath("$.identityProvider")
            .isEqualTo("your sign-in account is deleted too");

        TestTokens.keycloak()
            .verify(1, deleteRequestedFor(urlEqualTo("/admin/realms/launchpad/users/" + candidate.subject()))
                .withHeader("Authorization", WireMock.equalTo("Bearer admin-token")));
        assertThat(pendingDeletions(candidate.subject())).as("pending deletions once Keycloak confirmed").isZero();
    }

    @Test
    void erasureStillErasesWhenKeycloakIsDownAndTheDeletionIsRetried() {
        TestTokens.TestUser candidate = TestTokens.user("candidate");
        BoardFixtures.createCandidate(api, candidate.bearer(),
                BoardFixtures.candidateBody(Identity.unique(), "public", List.of(skill("data-governance", "expert"))));
        String userPath = "/admin/realms/launchpad/users/" + candidate.subject();
        StubMapping down = TestTokens.keycloak()
            .stubFor(WireMock.delete(urlEqualTo(userPath)).atPriority(1).willReturn(aResponse().withStatus(503)));
        try {
            api.delete()
                .uri("/api/v1/me")
                .header("Authorization", candidate.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.signInAccount")
                .isEqualTo("deletion-pending")
                .jsonPath("$.rowsRemoved")
                .value(rows -> assertThat(((Number) rows).longValue()).isPositive());
            assertThat(db.sql("select count(*) as n from candidate_profile where subject = :s")
                .bind("s", candidate.subject())
                .map(row -> row.get("n", Long.class))
                .one()
                .block()).as("the data is erased although Keycloak was down").isZero();
            assertThat(pendingDeletions(candidate.subject())).as("the Keycloak deletion is recorded").isOne();
            assertThat(db.sql("select attempts, last_error from sign_in_account_deletion where subject = :s")
                .bind("s", candidate.subject())
                .map(row -> row.get("attempts", Integer.class))
                .one()
                .block()).isEqualTo(1);
        }
        finally {
            TestTokens.keycloak().removeStub(down);
        }

        deletions.retryPending().block();

        TestTokens.keycloak().verify(2, deleteRequestedFor(urlEqualTo(userPath)));
        assertThat(pendingDeletions(candidate.subject())).as("pending once Keycloak is back and the job ran").isZero();
    }

    @Test
    void anAccountKeycloakNoLongerHasCountsAsDeleted() {
        TestTokens.TestUser person = TestTokens.user("candidate");
        StubMapping gone = TestTokens.keycloak()
            .stubFor(WireMock.delete(urlEqualTo("/admin/realms/launchpad/users/" + person.subject()))
                .atPriority(1)
                .willReturn(aResponse().withStatus(404)));
        try {
            api.delete()
                .uri("/api/v1/me")
                .header("Authorization", person.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.signInAccount")
                .isEqualTo("deleted");
        }
        finally {
            TestTokens.keycloak().removeStub(gone);
        }
        assertThat(pendingDeletions(person.subject())).isZero();
    }

    @Test
    void aRefusedClientSecretLeavesTheDeletionPendingWithTheReason() {
        TestTokens.TestUser person = TestTokens.user("candidate");
        StubMapping refused = TestTokens.keycloak()
            .stubFor(WireMock.post(urlEqualTo("/realms/launchpad/protocol/openid-connect/token"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":\"unauthorized_client\"}")));
        try {
            api.delete()
                .uri("/api/v1/me")
                .header("Authorization", person.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.signInAccount")
                .isEqualTo("deletion-pending");
        }
        finally {
            TestTokens.keycloak().removeStub(refused);
        }
        assertThat(db.sql("select last_error from sign_in_account_deletion where subject = :s")
            .bind("s", person.subject())
            .map(row -> row.get("last_error", String.class))
            .one()
            .block()).contains("401");
        TestTokens.keycloak()
            .verify(0, deleteRequestedFor(urlEqualTo("/admin/realms/launchpad/users/" + person.subject())));

        deletions.retryPending().block();
        assertThat(pendingDeletions(person.subject())).isZero();
    }

    @Test
    void aProfileConsentGivenLaterIsRecordedOnce() {
        TestTokens.TestUser candidate = TestTokens.user("candidate");
        Map<String, Object> body = BoardFixtures.candidateBody(Identity.unique(), "private",
                List.of(skill("data-governance", "expert")));
        String id = BoardFixtures.createCandidate(api, candidate.bearer(), body);
        body.put("profileConsent", true);
        for (int version = 0; version < 2; version++) {
            Map<?, ?> current = api.get()
                .uri("/api/v1/candidates/me")
                .header("Authorization", candidate.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
            api.put()
                .uri("/api/v1/candidates/{id}", id)
                .header("Authorization", candidate.bearer())
                .header("If-Match", "\"" + current.get("version") + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk();
        }
        api.get()
            .uri("/api/v1/me/consents")
            .header("Authorization", candidate.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.history[?(@.purpose == 'candidate-profile')].granted")
            .isEqualTo(List.of(true))
            .jsonPath("$.history[?(@.purpose == 'matching')]")
            .isEmpty();
    }

    private long pendingDeletions(String subject) {
        return db.sql("select count(*) as n from sign_in_account_deletion where subject = :s")
            .bind("s", subject)
            .map(row -> row.get("n", Long.class))
            .one()
            .block();
    }

}
