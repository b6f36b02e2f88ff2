package io.launchpad.api.organisation;

import io.launchpad.api.support.ApiTestBase;
import io.launchpad.api.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10: nobody becomes a member without accepting, and only with the role the
 * organisation's type needs.
 */
class OrganisationInvitationApiTest extends ApiTestBase {

    @Test
    void aMemberInvitesTheInviteeAcceptsAndOnlyThenActsForTheOrganisation() {
        Actor association = actor("association");
        TestTokens.TestUser colleague = TestTokens.user("association");

        @SuppressWarnings("unchecked")
        Map<String, Object> sent = invite(association, Map.of("subject", colleague.subject())).expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        assertThat(sent).containsEntry("status", "pending")
            .containsEntry("organisationId", association.organisationId().toString());
        String invitation = (String) sent.get("id");
        assertThat(pendingIds(colleague)).containsExactly(invitation);
        // not a member yet: the organisation's drafts stay hidden, and members do not
        // list them
        assertThat(isMember(association.organisationId(), colleague.subject())).isFalse();
        members(association).jsonPath("$.subjects.length()")
            .isEqualTo(1)
            .jsonPath("$.subjects[0]")
            .isEqualTo(association.user().subject());
        // inviting again returns the pending invitation instead of a second one
        invite(association, Map.of("subject", colleague.subject())).expectStatus()
            .isCreated()
            .expectBody()
            .jsonPath("$.id")
            .isEqualTo(invitation);

        api.post()
            .uri("/api/v1/me/invitations/{id}/acceptance", invitation)
            .header("Authorization", colleague.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.organisationId")
            .isEqualTo(association.organisationId().toString())
            .jsonPath("$.organisationType")
            .isEqualTo("association");

        assertThat(isMember(association.organisationId(), colleague.subject())).isTrue();
        assertThat(pendingIds(colleague)).isEmpty();
        api.get()
            .uri("/api/v1/me")
            .header("Authorization", colleague.bearer())
            .exchange()
            .expectBody()
            .jsonPath("$.memberships[0].organisationId")
            .isEqualTo(association.organisationId().toString());
        // answered once: a second answer is a conflict naming the rule
        api.post()
            .uri("/api/v1/me/invitations/{id}/decline", invitation)
            .header("Authorization", colleague.bearer())
            .exchange()
            .expectStatus()
            .isEqualTo(409)
            .expectBody()
            .jsonPath("$.errors[0].rule")
            .isEqualTo("pending");
    }

    @Test
    void anInviteeWithoutTheOrganisationTypesRoleCannotAccept() {
        Actor association = actor("association");
        TestTokens.TestUser candidate = TestTokens.user("candidate");
        invite(association, Map.of("subject", candidate.subject())).expectStatus().isCreated();
        String invitation = pendingIds(candidate).getFirst();

        api.post()
            .uri("/api/v1/me/invitations/{id}/acceptance", invitation)
            .header("Authorization", candidate.bearer())
            .exchange()
            .expectStatus()
            .isForbidden()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("organisationType")
            .jsonPath("$.errors[0].rule")
            .isEqualTo("member-role");
        assertThat(isMember(association.organisationId(), candidate.subject())).isFalse();
        // the candidate sees no drafts of the association
        api.get()
            .uri("/api/v1/challenges?status=draft")
            .header("Authorization", candidate.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items.length()")
            .isEqualTo(0);
    }

    @Test
    void theOldAddMemberRouteOnlyInvites() {
        Actor supplier = actor("supplier");
        TestTokens.TestUser someone = TestTokens.user("supplier");

        api.post()
            .uri("/api/v1/organisations/{id}/members", supplier.organisationId())
            .header("Authorization", supplier.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("subject", someone.subject()))
            .exchange()
            .expectStatus()
            .isAccepted()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("pending");
        assertThat(isMember(supplier.organisationId(), someone.subject())).isFalse();
        assertThat(pendingIds(someone)).hasSize(1);
    }

    @Test
    void onlyMembersWithTheRoleInviteAndTheRequestMustNameSomeone() {
        Actor association = actor("association");
        TestTokens.TestUser outsider = TestTokens.user("association");
        TestTokens.TestUser legacyCandidate = TestTokens.user("candidate");
        db.sql("insert into membership (organisation_id, subject) values (:org, :s)")
            .bind("org", association.organisationId())
            .bind("s", legacyCandidate.subject())
            .then()
            .block();

        for (TestTokens.TestUser notAllowed : List.of(outsider, legacyCandidate)) {
            api.post()
                .uri("/api/v1/organisations/{id}/invitations", association.organisationId())
                .header("Authorization", notAllowed.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("subject", TestTokens.user("association").subject()))
                .exchange()
                .expectStatus()
                .isForbidden();
        }
        invite(association, Map.of()).expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].rule")
            .isEqualTo("subject-or-email");
        invite(association, Map.of("subject", association.user().subject())).expectStatus()
            .isEqualTo(409)
            .expectBody()
            .jsonPath("$.errors[0].rule")
            .isEqualTo("not-a-member");
    }

    @Test
    void anInvitationByEmailReachesThePersonWhoseTokenCarriesThatEmail() {
        Actor association = actor("association");
        TestTokens.TestUser invitee = TestTokens.user("association");
        String email = "user-" + invitee.subject().substring(0, 8) + "@example.org";
        TestTokens.TestUser someoneElse = TestTokens.user("association");

        invite(association, Map.of("email", email.toUpperCase())).expectStatus().isCreated();
        assertThat(pendingIds(someoneElse)).isEmpty();
        String invitation = pendingIds(invitee).getFirst();
        api.post()
            .uri("/api/v1/me/invitations/{id}/acceptance", invitation)
            .header("Authorization", someoneElse.bearer())
            .exchange()
            .expectStatus()
            .isNotFound();
        api.post()
            .uri("/api/v1/me/invitations/{id}/acceptance", invitation)
            .header("Authorization", invitee.bearer())
            .exchange()
            .expectStatus()
            .isOk();
        assertThat(isMember(association.organisationId(), invitee.subject())).isTrue();
    }

    @Test
    void invitationsExpire() {
        Actor association = actor("association");
        TestTokens.TestUser invitee = TestTokens.user("association");
        invite(association, Map.of("subject", invitee.subject())).expectStatus().isCreated();
        String invitation = pendingIds(invitee).getFirst();
        db.sql("update organisation_invitation set expires_at = now() - interval '1 minute' where id = :id")
            .bind("id", UUID.fromString(invitation))
            .then()
            .block();

        assertThat(pendingIds(invitee)).isEmpty();
        api.post()
            .uri("/api/v1/me/invitations/{id}/acceptance", invitation)
            .header("Authorization", invitee.bearer())
            .exchange()
            .expectStatus()
            .isEqualTo(409)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("expiresAt")
            .jsonPath("$.errors[0].rule")
            .isEqualTo("not-expired");
        assertThat(isMember(association.organisationId(), invitee.subject())).isFalse();
        // a fresh invitation can be sent once the old one has lapsed
        invite(association, Map.of("subject", invitee.subject())).expectStatus()
            .isCreated()
            .expectBody()
            .jsonPath("$.id")
            .value(id -> assertThat(id).isNotEqualTo(invitation));
    }

    @Test
    void declinedInvitationsAddNobody() {
        Actor association = actor("association");
        TestTokens.TestUser invitee = TestTokens.user("association");
        invite(association, Map.of("subject", invitee.subject())).expectStatus().isCreated();
        String invitation = pendingIds(invitee).getFirst();

        api.post()
            .uri("/api/v1/me/invitations/{id}/decline", invitation)
            .header("Authorization", invitee.bearer())
            .exchange()
            .expectStatus()
            .isNoContent();
        assertThat(isMember(association.organisationId(), invitee.subject())).isFalse();
        api.post()
            .uri("/api/v1/me/invitations/{id}/acceptance", invitation)
            .header("Authorization", invitee.bearer())
            .exchange()
            .expectStatus()
            .isEqualTo(409);
    }

    @Test
    void invitationsAreInTheInviteesExportAndGoWithTheirErasure() {
        Actor association = actor("association");
        TestTokens.TestUser invitee = TestTokens.user("association");
        invite(association, Map.of("subject", invitee.subject())).expectStatus().isCreated();
        String invitation = pendingIds(invitee).getFirst();

        api.get()
            .uri("/api/v1/me/export")
            .header("Authorization", invitee.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.organisationInvitations[0].id")
            .isEqualTo(invitation)
            .jsonPath("$.organisationInvitations[0].invitee_subject")
            .isEqualTo(invitee.subject());
        api.get()
            .uri("/api/v1/me/export")
            .header("Authorization", association.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.organisationInvitations[0].invited_by_subject")
            .isEqualTo(association.user().subject());

        api.delete().uri("/api/v1/me").header("Authorization", invitee.bearer()).exchange().expectStatus().isOk();
        assertThat(db.sql("select count(*) as n from organisation_invitation where id = :id")
            .bind("id", UUID.fromString(invitation))
            .map(row -> row.get("n", Long.class))
            .one()
            .block()).isZero();
    }

    private WebTestClient.ResponseSpec invite(Actor member, Map<String, String> invitee) {
        return api.post()
            .uri("/api/v1/organisations/{id}/invitations", member.organisationId())
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(invitee)
            .exchange();
    }

    private WebTestClient.BodyContentSpec members(Actor member) {
        return api.get()
            .uri("/api/v1/organisations/{id}/members", member.organisationId())
            .header("Authorization", member.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody();
    }

    @SuppressWarnings("unchecked")
    private List<String> pendingIds(TestTokens.TestUser person) {
        Map<String, Object> body = api.get()
            .uri("/api/v1/me/invitations")
            .header("Authorization", person.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        return ((List<Map<String, Object>>) body.get("items")).stream().map(item -> (String) item.get("id")).toList();
    }

    private boolean isMember(UUID organisationId, String subject) {
        return Boolean.TRUE
            .equals(db.sql("select exists (select 1 from membership where organisation_id = :o and subject = :s) as m")
                .bind("o", organisationId)
                .bind("s", subject)
                .map(row -> row.get("m", Boolean.class))
                .one()
                .block());
    }

}
