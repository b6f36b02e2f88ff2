package io.launchpad.api.application;

import io.launchpad.api.support.ApiTestBase;
import io.launchpad.api.support.BoardFixtures;
import io.launchpad.api.support.BoardFixtures.Identity;
import io.launchpad.infra.stack.SharedComponents;
import io.launchpad.api.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.List;
import java.util.Map;

import static io.launchpad.api.support.BoardFixtures.skill;
import static org.assertj.core.api.Assertions.assertThat;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.UUID;

/** A board role from posting to appointment, through matching and blind shortlisting. */
class BoardRecruitmentApiTest extends ApiTestBase {

    @Test
    void associationPostsRoleCandidateAppliesAndIsSeenBlindUntilInterview() {
        Actor association = actor("association");
        String roleId = BoardFixtures.openRole(api, association.bearer(),
                BoardFixtures.roleBody(association.organisationId(),
                        List.of(skill("data-governance", "practitioner"), skill("information-security", "working"))));

        TestTokens.TestUser candidate = TestTokens.user("candidate");
        Identity identity = Identity.unique();
        Map<String, Object> body = BoardFixtures.candidateBody(identity, "matching",
                List.of(skill("data-governance", "expert"), skill("information-security", "awareness")));
        // no identifying field reaches matches: a unique job title is how this test
        // recognises its candidate
        String jobTitle = "Chief data officer " + identity.email().hashCode();
        body.put("experience", List.of(Map.of("role", jobTitle, "sector", "public sector", "years", 6)));
        String candidateId = BoardFixtures.createCandidate(api, candidate.bearer(), body);

        // matching both ways, with reasons; the association never learns who the
        // candidate is
        String matches = BoardFixtures.awaitBody(api, association.bearer(),
                "/api/v1/board-roles/" + roleId + "/matches?limit=50", found -> found.contains(jobTitle));
        assertThat(matches).contains(
                "Covers \u201cData governance\u201d: lists Data governance (Expert) (needed Practitioner)",
                "Partly covers \u201cInformation security\u201d: lists Information security (Awareness) (needed Working)")
            .contains("\"engine\":\"hybrid-whole-profile\"");
        identity.values().forEach(value -> assertThat(matches).doesNotContain(value));
        assertThat(matches).doesNotContain(candidateId); // matching-only profiles are not
                                                         // addressable

        BoardFixtures.awaitBody(api, candidate.bearer(), "/api/v1/candidates/" + candidateId + "/matches?limit=50",
                found -> found.contains(roleId));
        api.get()
            .uri("/api/v1/candidates/{id}/matches?limit=50", candidateId)
            .header("Authorization", candidate.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items[?(@.boardRoleId == '" + roleId + "')].reasons.gapsCovered[0].skill")
            .isEqualTo("data-governance");

        String applicationId = BoardFixtures.apply(api, candidate.bearer(), roleId,
                "I led data governance at a council.");
        api.post()
            .uri("/api/v1/board-roles/{id}/applications", roleId)
            .header("Authorization", candidate.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("statement", "again"))
            .exchange()
            .expectStatus()
            .isEqualTo(409);

        // blind: skills, experience and statement only; not even the candidate id
        String blind = api.get()
            .uri("/api/v1/board-roles/{id}/applications", roleId)
            .header("Authorization", association.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        assertThat(blind)
            .contains("I led data governance at a council.", "data-governance", "\"identityRevealed\":false")
            .doesNotContain(candidateId, "\"identity\"", "dateOfBirth", identity.dateOfBirth());
        identity.values().forEach(value -> assertThat(blind).doesNotContain(value));

        api.post()
            .uri("/api/v1/applications/{id}/status", applicationId)
            .header("Authorization", association.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("status", "shortlisted"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.identity")
            .doesNotExist();
        api.post()
            .uri("/api/v1/applications/{id}/status", applicationId)
            .header("Authorization", association.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("status", "appointed"))
            .exchange()
            .expectStatus()
            .isEqualTo(422)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("status")
            .jsonPath("$.errors[0].rule")
            .isEqualTo("transition");

        // interview reveals who they are, to this association
        api.post()
            .uri("/api/v1/applications/{id}/status", applicationId)
            .header("Authorization", association.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("status", "interview"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.identity.name")
            .isEqualTo(identity.name())
            .jsonPath("$.identity.email")
            .isEqualTo(identity.email())
            .jsonPath("$.candidateId")
            .isEqualTo(candidateId);
        api.post()
            .uri("/api/v1/applications/{id}/status", applicationId)
            .header("Authorization", association.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("status", "declined", "feedback", "A strong field; we chose a finance specialist."))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.identityRevealed")
            .isEqualTo(true);

        api.get()
            .uri("/api/v1/me/applications")
            .header("Authorization", candidate.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items[0].status")
            .isEqualTo("declined")
            .jsonPath("$.items[0].feedback")
            .isEqualTo("A strong field; we chose a finance specialist.");

        // the candidate sees who looked, by organisation, never by the other person's id
        String audit = api.get()
            .uri("/api/v1/me/audit")
            .header("Authorization", candidate.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        assertThat(audit).contains("\"action\":\"matched\"", "\"action\":\"viewed\"", "\"action\":\"decided\"")
            .doesNotContain(association.user().subject());
    }

    @Test
    void privateCandidatesAreNeverMatchedAndCoverageRanksFirst() {
        Actor association = actor("association");
        String roleId = BoardFixtures.openRole(api, association.bearer(),
                BoardFixtures.roleBody(association.organisationId(),
                        List.of(skill("user-research", "expert"), skill("inclusive-design", "practitioner"))));
        TestTokens.TestUser strong = TestTokens.user("candidate");
        TestTokens.TestUser weak = TestTokens.user("candidate");
        TestTokens.TestUser hidden = TestTokens.user("candidate");
        Map<String, Object> strongBody = BoardFixtures.candidateBody(Identity.unique(), "public",
                List.of(skill("user-research", "expert"), skill("inclusive-design", "expert")));
        strongBody.put("headline", "Strong UCD lead");
        strongBody.put("governanceYears", 0); // coverage must outweigh governance
                                              // experience
        Map<String, Object> weakBody = BoardFixtures.candidateBody(Identity.unique(), "matching",
                List.of(skill("user-research", "awareness")));
        weakBody.put("headline", "Weak UCD match");
        weakBody.put("governanceYears", 20);
        Map<String, Object> hiddenBody = BoardFixtures.candidateBody(Identity.unique(), "private",
                List.of(skill("user-research", "expert"), skill("inclusive-design", "expert")));
        hiddenBody.put("headline", "Hidden UCD lead");
        String strongId = BoardFixtures.createCandidate(api, strong.bearer(), strongBody);
        BoardFixtures.createCandidate(api, weak.bearer(), weakBody);
        BoardFixtures.createCandidate(api, hidden.bearer(), hiddenBody);

        String matches = BoardFixtures.awaitBody(api, association.bearer(),
                "/api/v1/board-roles/" + roleId + "/matches?limit=50",
                found -> found.contains("Strong UCD lead") && found.contains("Weak UCD match"));
        assertThat(matches).doesNotContain("Hidden UCD lead");
        assertThat(matches.indexOf("Strong UCD lead")).isLessThan(matches.indexOf("Weak UCD match"));
        assertThat(matches).contains(strongId); // public profiles are addressable
                                                // (anonymised)

        // a candidate who turns private leaves the matches (the outbox removes them from
        // the index)
        strongBody.put("visibility", "private");
        api.put()
            .uri("/api/v1/candidates/{id}", strongId)
            .header("Authorization", strong.bearer())
            .header("If-Match", "\"1\"")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(strongBody)
            .exchange()
            .expectStatus()
            .isOk();
        String afterwards = BoardFixtures.awaitBody(api, association.bearer(),
                "/api/v1/board-roles/" + roleId + "/matches?limit=50", found -> !found.contains("Strong UCD lead"));
        assertThat(afterwards).contains("Weak UCD match").doesNotContain(strongId);
        api.get()
            .uri("/api/v1/board-roles/{id}/matches?limit=0", roleId)
            .header("Authorization", association.bearer())
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("limit");
    }

    @Test
    void boardWritesSucceedWhileElasticsearchIsDownMatchesAnswer503AndTheIndexCatchesUp() {
        Actor association = actor("association");
        Map<String, Object> roleBody = BoardFixtures.roleBody(association.organisationId(),
                List.of(skill("incident-management", "practitioner")));
        TestTokens.TestUser candidate = TestTokens.user("candidate");
        String roleId;
        String candidateId;
        SharedComponents.stopElasticsearch();
        try {
            roleId = BoardFixtures.openRole(api, association.bearer(), roleBody);
            candidateId = BoardFixtures.createCandidate(api, candidate.bearer(), BoardFixtures
                .candidateBody(Identity.unique(), "matching", List.of(skill("incident-management", "expert"))));
            api.get()
                .uri("/api/v1/board-roles/{id}/matches", roleId)
                .header("Authorization", association.bearer())
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .exists("Retry-After")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
            api.get()
                .uri("/api/v1/candidates/{id}/matches", candidateId)
                .header("Authorization", candidate.bearer())
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .exists("Retry-After");
        }
        finally {
            SharedComponents.restartElasticsearch();
        }
        String roles = BoardFixtures.awaitBody(api, candidate.bearer(),
                "/api/v1/candidates/" + candidateId + "/matches?limit=50", found -> found.contains(roleId));
        assertThat(roles).contains("Covers \u201cIncident management\u201d: lists Incident management (Expert)");
    }

    @Test
    void badInputNamesTheFieldAndTheRuleAndWritesNothing() {
        TestTokens.TestUser candidate = TestTokens.user("candidate");
        Map<String, Object> unknownSkill = BoardFixtures.candidateBody(Identity.unique(), "public",
                List.of(skill("data-governance", "expert"), skill("juggling", "expert")));
        api.post()
            .uri("/api/v1/candidates")
            .header("Authorization", candidate.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(unknownSkill)
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("skills[1].skill")
            .jsonPath("$.errors[0].rule")
            .isEqualTo("known-skill");

        Map<String, Object> lived = BoardFixtures.candidateBody(Identity.unique(), "public",
                List.of(skill("data-governance", "expert")));
        lived.put("livedExperience", "I grew up in a housing association home.");
        api.post()
            .uri("/api/v1/candidates")
            .header("Authorization", candidate.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(lived)
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("livedExperienceConsent")
            .jsonPath("$.errors[0].rule")
            .isEqualTo("consent-required");

        Map<String, Object> badVisibility = BoardFixtures.candidateBody(Identity.unique(), "everyone",
                List.of(skill("data-governance", "expert")));
        api.post()
            .uri("/api/v1/candidates")
            .header("Authorization", candidate.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(badVisibility)
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("visibility")
            .jsonPath("$.errors[0].rule")
            .isEqualTo("pattern");
        assertThat(db.sql("select count(*) as n from candidate_profile where subject = :s")
            .bind("s", candidate.subject())
            .map(row -> row.get("n", Long.class))
            .one()
            .block()).isZero();

        // with consent, lived experience is stored and the consent recorded with purpose
        // and time
        lived.put("livedExperienceConsent", true);
        BoardFixtures.createCandidate(api, candidate.bearer(), lived);
        api.get()
            .uri("/api/v1/me/consents")
            .header("Authorization", candidate.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.history[?(@.purpose == 'lived-experience')].granted")
            .isEqualTo(List.of(true))
            .jsonPath("$.history[?(@.purpose == 'lived-experience')].recordedAt")
            .isNotEmpty();

        Actor association = actor("association");
        Map<String, Object> role = BoardFixtures.roleBody(association.organisationId(),
                List.of(skill("data-governance", "wizard")));
        api.post()
            .uri("/api/v1/board-roles")
            .header("Authorization", association.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(role)
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("skillGaps[0].level")
            .jsonPath("$.errors[0].rule")
            .isEqualTo("known-level");
        role = BoardFixtures.roleBody(association.organisationId(), List.of(skill("data-governance", "expert")));
        role.put("closingDate", LocalDate.now().minusDays(1).toString());
        api.post()
            .uri("/api/v1/board-roles")
            .header("Authorization", association.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(role)
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("closingDate")
            .jsonPath("$.errors[0].rule")
            .isEqualTo("not-in-past");
    }

    @Test
    void rolesStateAttendanceGovernanceAndGapsInWordsAndCandidatesWriteTheirOwnSkills() {
        Actor association = actor("association");
        Map<String, Object> roleBody = BoardFixtures.roleBody(association.organisationId(), List.of());
        roleBody.remove("remote");
        roleBody.put("attendance", "in-person");
        roleBody.put("governanceExperienceRequired", true);
        roleBody.put("skillGapsInWords",
                List.of("Oversight of tenancy fraud investigations and counter-fraud controls"));
        String roleId = BoardFixtures.openRole(api, association.bearer(), roleBody);
        api.get()
            .uri("/api/v1/board-roles/{id}", roleId)
            .header("Authorization", association.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.attendance")
            .isEqualTo("in-person")
            .jsonPath("$.remote")
            .isEqualTo(false)
            .jsonPath("$.governanceExperienceRequired")
            .isEqualTo(true)
            .jsonPath("$.skillGapsInWords[0]")
            .isEqualTo("Oversight of tenancy fraud investigations and counter-fraud controls");

        // framework skills are optional when skills are written in words
        Map<String, Object> fraud = BoardFixtures.candidateBody(Identity.unique(), "matching", List.of());
        fraud.put("headline", "Head of counter fraud");
        fraud.put("skillsInWords", List.of(Map.of("skill", "Investigating tenancy and benefit fraud", "level", 4)));
        fraud.put("sectors", List.of("Local government"));
        fraud.put("experienceSummary", "I run a counter-fraud team that investigates subletting and false applications"
                + " for social landlords, and I report to an audit committee every quarter.");
        Map<String, Object> noGovernance = new HashMap<>(fraud);
        noGovernance.put("name", "Other person");
        noGovernance.put("email", "other-" + UUID.randomUUID() + "@example.org");
        noGovernance.put("headline", "Fraud investigator without board experience");
        noGovernance.remove("governanceExperience");
        noGovernance.put("governanceYears", 0);
        Map<String, Object> elsewhere = new HashMap<>(fraud);
        elsewhere.put("name", "Third person");
        elsewhere.put("email", "third-" + UUID.randomUUID() + "@example.org");
        elsewhere.put("headline", "Fraud investigator far away");
        elsewhere.put("region", "london");
        TestTokens.TestUser fraudUser = TestTokens.user("candidate");
        String fraudId = BoardFixtures.createCandidate(api, fraudUser.bearer(), fraud);
        BoardFixtures.createCandidate(api, TestTokens.user("candidate").bearer(), noGovernance);
        BoardFixtures.createCandidate(api, TestTokens.user("candidate").bearer(), elsewhere);

        String matches = BoardFixtures.awaitBody(api, association.bearer(),
                "/api/v1/board-roles/" + roleId + "/matches?limit=50",
                found -> found.contains("Head of counter fraud"));
        // in person: same region only; governance required: only those who state it
        assertThat(matches).doesNotContain("Fraud investigator without board experience", "Fraud investigator far away")
            .contains("\"how\":\"in-words\"", "\"attendance\":\"in-person\"");
        api.get()
            .uri("/api/v1/candidates/me")
            .header("Authorization", fraudUser.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.id")
            .isEqualTo(fraudId)
            .jsonPath("$.skillsInWords[0].level")
            .isEqualTo(4)
            .jsonPath("$.sectors[0]")
            .isEqualTo("Local government")
            .jsonPath("$.experienceSummary")
            .isNotEmpty();

        // bad input names the field
        Map<String, Object> noGaps = BoardFixtures.roleBody(association.organisationId(), List.of());
        post("/api/v1/board-roles", association.bearer(), noGaps, "skillGaps", "required");
        Map<String, Object> badAttendance = BoardFixtures.roleBody(association.organisationId(),
                List.of(skill("data-governance", "expert")));
        badAttendance.put("attendance", "sometimes");
        post("/api/v1/board-roles", association.bearer(), badAttendance, "attendance", "pattern");
        Map<String, Object> noAttendance = BoardFixtures.roleBody(association.organisationId(),
                List.of(skill("data-governance", "expert")));
        noAttendance.remove("remote");
        post("/api/v1/board-roles", association.bearer(), noAttendance, "attendance", "required");
        TestTokens.TestUser someone = TestTokens.user("candidate");
        Map<String, Object> badLevel = BoardFixtures.candidateBody(Identity.unique(), "matching", List.of());
        badLevel.put("skillsInWords", List.of(Map.of("skill", "Risk", "level", 5)));
        post("/api/v1/candidates", someone.bearer(), badLevel, "skillsInWords[0].level", "maximum");
        Map<String, Object> noSkills = BoardFixtures.candidateBody(Identity.unique(), "matching", List.of());
        post("/api/v1/candidates", someone.bearer(), noSkills, "skills", "required");
    }

    private void post(String uri, String bearer, Map<String, Object> body, String field, String rule) {
        api.post()
            .uri(uri)
            .header("Authorization", bearer)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo(field)
            .jsonPath("$.errors[0].rule")
            .isEqualTo(rule);
    }

}
