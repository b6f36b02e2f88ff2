package io.launchpad.api.access;

import io.launchpad.api.support.ApiTestBase;
import io.launchpad.api.support.BoardFixtures;
import io.launchpad.api.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.launchpad.api.support.BoardFixtures.skill;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10: a list must never show what the same caller cannot read on its own. For every
 * resource with both a list and a single read, and for callers of every kind, each id a
 * list returns must read singly (200), and the organisation's own rightful member sees
 * its own items in the lists. The callers include people with a bare membership row but
 * the wrong realm role (legacy data, inserted with SQL), who once saw an association's
 * drafts and pilots in the lists.
 */
class ListsMatchSingleReadsApiTest extends ApiTestBase {

    /** A list, where its ids are, and the single read each id must answer. */
    record Listing(String name, String listUri, String idField, String singleUri) {
    }

    private final Map<String, String> callers = new LinkedHashMap<>();

    private Actor association;

    private Actor supplier;

    private String draftChallenge;

    private String publishedChallenge;

    private String draftRole;

    private String openRole;

    private String response;

    private String pilot;

    private String application;

    @BeforeEach
    void organisationWithOneOfEverything() {
        association = actor("association");
        supplier = actor("supplier");
        TestTokens.TestUser candidate = TestTokens.user("candidate");

        draftChallenge = created("/api/v1/challenges", association.bearer(),
                challengeBody(association.organisationId(), "Draft damp sensing"));
        publishedChallenge = created("/api/v1/challenges", association.bearer(),
                challengeBody(association.organisationId(), "Published damp sensing"));
        post("/api/v1/challenges/" + publishedChallenge + "/publish", association.bearer(), null);
        String profile = created("/api/v1/suppliers", supplier.bearer(),
                supplierBody(supplier.organisationId(), "Sensorly " + UUID.randomUUID(), "Damp sensors"));
        post("/api/v1/suppliers/" + profile + "/publish", supplier.bearer(), null);
        response = created("/api/v1/challenges/" + publishedChallenge + "/responses", supplier.bearer(),
                Map.of("organisationId", supplier.organisationId().toString(), "approach", "Sensors in every flat",
                        "evidence", Map.of(), "pricePounds", 30_000, "availability", "Now"));
        post("/api/v1/responses/" + response + "/submit", supplier.bearer(), null);
        pilot = UUID.randomUUID().toString();
        db.sql("""
                insert into pilot (id, challenge_id, response_id, association_organisation_id, supplier_organisation_id,
                                   title, status)
                values (:id, :challenge, :response, :association, :supplier, 'Damp pilot', 'active')""")
            .bind("id", UUID.fromString(pilot))
            .bind("challenge", UUID.fromString(publishedChallenge))
            .bind("response", UUID.fromString(response))
            .bind("association", association.organisationId())
            .bind("supplier", supplier.organisationId())
            .then()
            .block();

        draftRole = created("/api/v1/board-roles", association.bearer(),
                BoardFixtures.roleBody(association.organisationId(), List.of(skill("data-governance", "expert"))));
        openRole = BoardFixtures.openRole(api, association.bearer(),
                BoardFixtures.roleBody(association.organisationId(), List.of(skill("data-governance", "expert"))));
        BoardFixtures.createCandidate(api, candidate.bearer(), BoardFixtures
            .candidateBody(BoardFixtures.Identity.unique(), "matching", List.of(skill("data-governance", "expert"))));
        application = BoardFixtures.apply(api, candidate.bearer(), openRole, "I would like to help");

        // people with a membership row but not the role it needs: rows from before
        // invitations
        TestTokens.TestUser legacyCandidate = TestTokens.user("candidate");
        TestTokens.TestUser supplierInAssociation = TestTokens.user("supplier");
        TestTokens.TestUser associationInSupplier = TestTokens.user("association");
        legacyMembership(association.organisationId(), legacyCandidate.subject());
        legacyMembership(supplier.organisationId(), legacyCandidate.subject());
        legacyMembership(association.organisationId(), supplierInAssociation.subject());
        legacyMembership(supplier.organisationId(), associationInSupplier.subject());

        callers.put("association member", association.bearer());
        callers.put("supplier member", supplier.bearer());
        callers.put("candidate with a bare association and supplier membership", legacyCandidate.bearer());
        callers.put("supplier with a bare association membership", supplierInAssociation.bearer());
        callers.put("association person with a bare supplier membership", associationInSupplier.bearer());
        callers.put("member of another association", actor("association").bearer());
        callers.put("member of another supplier", actor("supplier").bearer());
        callers.put("applicant", candidate.bearer());
        callers.put("admin", TestTokens.user("admin").bearer());
        callers.put("anonymous", null);
    }

    @Test
    void everyIdInAListReadsSinglyForEveryKindOfCaller() {
        String org = association.organisationId().toString();
        List<Listing> listings = List.of(
                new Listing("draft challenges", "/api/v1/challenges?status=draft&limit=100", "id",
                        "/api/v1/challenges/"),
                new Listing("draft challenges of the association",
                        "/api/v1/challenges?status=draft&organisationId=" + org, "id", "/api/v1/challenges/"),
                new Listing("published challenges of the association", "/api/v1/challenges?organisationId=" + org, "id",
                        "/api/v1/challenges/"),
                new Listing("board roles of the association", "/api/v1/board-roles?organisationId=" + org, "id",
                        "/api/v1/board-roles/"),
                new Listing("pilots", "/api/v1/pilots", "id", "/api/v1/pilots/"),
                new Listing("responses to a challenge", "/api/v1/challenges/" + publishedChallenge + "/responses", "id",
                        "/api/v1/responses/"),
                new Listing("applications to a role", "/api/v1/board-roles/" + openRole + "/applications", "id",
                        "/api/v1/applications/"),
                new Listing("my applications", "/api/v1/me/applications", "id", "/api/v1/applications/"),
                new Listing("supplier profiles", "/api/v1/suppliers?limit=100", "id", "/api/v1/suppliers/"));

        List<String> leaks = new ArrayList<>();
        Map<String, Set<String>> seen = new LinkedHashMap<>();
        for (var caller : callers.entrySet()) {
            for (Listing listing : listings) {
                Set<String> listed = ids(listing, caller.getValue());
                seen.put(caller.getKey() + " / " + listing.name(), listed);
                for (String id : listed) {
                    int single = status(listing.singleUri() + id, caller.getValue());
                    if (single != 200) {
                        leaks.add(caller.getKey() + " lists " + listing.name() + " item " + id
                                + " but reads it singly as " + single);
                    }
                }
            }
        }
        assertThat(leaks).as("items listed to callers who cannot read them").isEmpty();

        // the rightful members see their own in the lists (so the lists did not just go
        // empty)
        assertThat(seen.get("association member / draft challenges")).contains(draftChallenge);
        assertThat(seen.get("association member / board roles of the association")).contains(draftRole, openRole);
        assertThat(seen.get("association member / pilots")).containsExactly(pilot);
        assertThat(seen.get("supplier member / pilots")).containsExactly(pilot);
        assertThat(seen.get("association member / responses to a challenge")).containsExactly(response);
        assertThat(seen.get("supplier member / responses to a challenge")).containsExactly(response);
        assertThat(seen.get("association member / applications to a role")).containsExactly(application);
        assertThat(seen.get("applicant / my applications")).containsExactly(application);
        assertThat(seen.get("admin / draft challenges of the association")).contains(draftChallenge);
        // and the people whose membership does not count see none of the organisation's
        // private items
        for (String who : List.of("candidate with a bare association and supplier membership",
                "supplier with a bare association membership", "association person with a bare supplier membership")) {
            assertThat(seen.get(who + " / draft challenges")).as(who).doesNotContain(draftChallenge);
            assertThat(seen.get(who + " / pilots")).as(who).isEmpty();
            assertThat(seen.get(who + " / board roles of the association")).as(who).containsExactly(openRole);
            assertThat(seen.get(who + " / applications to a role")).as(who).isEmpty();
        }
        assertThat(seen.get("candidate with a bare association and supplier membership / responses to a challenge"))
            .isEmpty();
    }

    @Test
    void aBareMembershipGrantsNothingAnOrganisationsMemberCouldDo() {
        TestTokens.TestUser legacyCandidate = TestTokens.user("candidate");
        legacyMembership(association.organisationId(), legacyCandidate.subject());

        api.get()
            .uri("/api/v1/me")
            .header("Authorization", legacyCandidate.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.memberships.length()")
            .isEqualTo(0);
        api.get()
            .uri("/api/v1/challenges/{id}", draftChallenge)
            .header("Authorization", legacyCandidate.bearer())
            .exchange()
            .expectStatus()
            .isNotFound();
        api.post()
            .uri("/api/v1/challenges")
            .header("Authorization", legacyCandidate.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(challengeBody(association.organisationId(), "Not theirs to post"))
            .exchange()
            .expectStatus()
            .isForbidden();
    }

    private void legacyMembership(UUID organisationId, String subject) {
        db.sql("insert into membership (organisation_id, subject) values (:org, :subject)")
            .bind("org", organisationId)
            .bind("subject", subject)
            .then()
            .block();
    }

    private Set<String> ids(Listing listing, String bearer) {
        var request = api.get().uri(listing.listUri());
        if (bearer != null) {
            request = request.header("Authorization", bearer);
        }
        var result = request.exchange().expectBody(String.class).returnResult();
        Set<String> ids = new LinkedHashSet<>();
        if (result.getStatus().value() != 200) {
            assertThat(result.getStatus().value()).as(listing.name() + ": a refused list says why").isIn(401, 403, 404);
            return ids;
        }
        JsonNode body = JsonMapper.shared().readTree(result.getResponseBody());
        for (JsonNode item : body.get("items")) {
            ids.add(item.get(listing.idField()).asText());
        }
        return ids;
    }

    private int status(String uri, String bearer) {
        var request = api.get().uri(uri);
        if (bearer != null) {
            request = request.header("Authorization", bearer);
        }
        return request.exchange().expectBody(String.class).returnResult().getStatus().value();
    }

    private String created(String uri, String bearer, Object body) {
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

    private void post(String uri, String bearer, Object body) {
        var request = api.post().uri(uri).header("Authorization", bearer);
        (body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange())
            .expectStatus()
            .isOk();
    }

}
