package io.launchpad.api.application;

import io.launchpad.api.support.ApiTestBase;
import io.launchpad.api.support.BoardFixtures;
import io.launchpad.api.support.BoardFixtures.Identity;
import io.launchpad.api.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import static io.launchpad.api.support.BoardFixtures.skill;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every board-role, candidate, application, data-rights and audit endpoint × every caller
 * (anonymous; association of the role's own organisation and of another; supplier; the
 * candidate who owns the profile/application and another candidate; admin), asserting the
 * status of each cell, and that no response to a caller not entitled to a candidate's
 * identity contains any of it.
 */
class BoardSecurityMatrixTest extends ApiTestBase {

    enum Who {

        ANONYMOUS, ASSOCIATION_OWN, ASSOCIATION_OTHER, SUPPLIER, CANDIDATE_OWN, CANDIDATE_OTHER, ADMIN

    }

    /**
     * One endpoint: how to build its request for a caller (fresh targets where the call
     * changes state).
     */
    record Endpoint(String name, HttpMethod method, Function<Who, String> uri, Supplier<Object> body,
            Function<Who, String> ifMatch, int[] expected) {
    }

    private Actor own;

    private Actor other;

    private TestTokens.TestUser supplier;

    private TestTokens.TestUser candidateOwn;

    private TestTokens.TestUser candidateOther;

    private TestTokens.TestUser admin;

    private Identity ownIdentity;

    private Identity otherIdentity;

    private String openRole;

    private String draftRole;

    private String ownCandidate;

    private String otherCandidate;

    private String application;

    @Test
    void everyCellHasTheExpectedStatusAndNoIdentityLeaks() {
        own = actor("association");
        other = actor("association");
        supplier = TestTokens.user("supplier");
        candidateOwn = TestTokens.user("candidate");
        candidateOther = TestTokens.user("candidate");
        admin = TestTokens.user("admin");
        ownIdentity = Identity.unique();
        otherIdentity = Identity.unique();
        openRole = BoardFixtures.openRole(api, own.bearer(), roleBody());
        draftRole = draft();
        ownCandidate = BoardFixtures.createCandidate(api, candidateOwn.bearer(),
                BoardFixtures.candidateBody(ownIdentity, "matching", List.of(skill("data-governance", "expert"))));
        otherCandidate = BoardFixtures.createCandidate(api, candidateOther.bearer(),
                BoardFixtures.candidateBody(otherIdentity, "public", List.of(skill("data-governance", "working"))));
        application = BoardFixtures.apply(api, candidateOwn.bearer(), openRole, "My statement");

        // ANON ASSOC_OWN ASSOC_OTHER SUPPLIER CAND_OWN CAND_OTHER ADMIN
        List<Endpoint> endpoints = List.of(
                // open roles are public (the landing page lists them); drafts stay their
                // association's
                get("list open roles", w -> "/api/v1/board-roles", 200, 200, 200, 200, 200, 200, 200),
                new Endpoint("create role", HttpMethod.POST, w -> "/api/v1/board-roles", this::roleBody, w -> null,
                        new int[] { 401, 201, 403, 403, 403, 403, 201 }),
                get("read open role", w -> "/api/v1/board-roles/" + openRole, 200, 200, 200, 200, 200, 200, 200),
                get("read draft role", w -> "/api/v1/board-roles/" + draftRole, 404, 200, 404, 404, 404, 404, 200),
                new Endpoint("update role", HttpMethod.PUT, w -> "/api/v1/board-roles/" + openRole, this::roleBody,
                        w -> version("board_role", openRole), new int[] { 401, 200, 403, 403, 403, 403, 200 }),
                new Endpoint("publish role", HttpMethod.POST, w -> "/api/v1/board-roles/" + draft() + "/publish", null,
                        w -> null, new int[] { 401, 200, 404, 404, 404, 404, 200 }),
                new Endpoint("close role", HttpMethod.POST, w -> "/api/v1/board-roles/" + openedRole() + "/close", null,
                        w -> null, new int[] { 401, 200, 403, 403, 403, 403, 200 }),
                get("role matches", w -> "/api/v1/board-roles/" + openRole + "/matches", 401, 200, 403, 403, 403, 403,
                        200),
                get("role applications", w -> "/api/v1/board-roles/" + openRole + "/applications", 401, 200, 403, 403,
                        403, 403, 200),
                new Endpoint("apply", HttpMethod.POST, w -> "/api/v1/board-roles/" + openedRole() + "/applications",
                        () -> Map.of("statement", "Please consider me"), w -> null,
                        new int[] { 401, 403, 403, 403, 201, 201, 403 }),
                get("skills framework", w -> "/api/v1/skills-framework", 401, 200, 200, 200, 200, 200, 200),
                new Endpoint("create candidate", HttpMethod.POST, w -> "/api/v1/candidates",
                        () -> BoardFixtures.candidateBody(Identity.unique(), "public",
                                List.of(skill("innovation", "expert"))),
                        w -> null, new int[] { 401, 403, 403, 403, 409, 409, 403 }),
                get("my candidate profile", w -> "/api/v1/candidates/me", 401, 404, 404, 404, 200, 200, 404),
                get("read matching-only candidate", w -> "/api/v1/candidates/" + ownCandidate, 401, 404, 404, 404, 200,
                        404, 200),
                get("read public candidate", w -> "/api/v1/candidates/" + otherCandidate, 401, 200, 200, 200, 200, 200,
                        200),
                new Endpoint("update candidate", HttpMethod.PUT, w -> "/api/v1/candidates/" + ownCandidate,
                        () -> BoardFixtures.candidateBody(ownIdentity, "matching",
                                List.of(skill("data-governance", "expert"))),
                        w -> version("candidate_profile", ownCandidate),
                        new int[] { 401, 404, 404, 404, 200, 404, 403 }),
                get("candidate matches", w -> "/api/v1/candidates/" + ownCandidate + "/matches", 401, 404, 404, 404,
                        200, 404, 200),
                get("read application", w -> "/api/v1/applications/" + application, 401, 200, 404, 404, 200, 404, 200),
                new Endpoint("shortlist", HttpMethod.POST,
                        w -> "/api/v1/applications/" + freshApplication() + "/status",
                        () -> Map.of("status", "shortlisted"), w -> null,
                        new int[] { 401, 200, 404, 404, 403, 404, 200 }),
                new Endpoint("withdraw", HttpMethod.POST, w -> "/api/v1/applications/" + freshApplication() + "/status",
                        () -> Map.of("status", "withdrawn"), w -> null,
                        new int[] { 401, 403, 404, 404, 200, 404, 403 }),
                get("my applications", w -> "/api/v1/me/applications", 401, 200, 200, 200, 200, 200, 200),
                get("export my data", w -> "/api/v1/me/export", 401, 200, 200, 200, 200, 200, 200),
                get("my consents", w -> "/api/v1/me/consents", 401, 200, 200, 200, 200, 200, 200),
                new Endpoint("record consent", HttpMethod.POST, w -> "/api/v1/me/consents",
                        () -> Map.of("purpose", "email-updates", "granted", false), w -> null,
                        new int[] { 401, 201, 201, 201, 201, 201, 201 }),
                get("my audit trail", w -> "/api/v1/me/audit", 401, 200, 200, 200, 200, 200, 200),
                get("whole audit log", w -> "/api/v1/audit", 401, 403, 403, 403, 403, 403, 200),
                new Endpoint("erase me", HttpMethod.DELETE, w -> "/api/v1/me", null, w -> null,
                        new int[] { 401, 200, 200, 200, 200, 200, 200 }));

        List<String> failures = new ArrayList<>();
        Map<String, Integer> tally = new LinkedHashMap<>();
        int cells = 0;
        for (Endpoint endpoint : endpoints) {
            for (Who who : Who.values()) {
                cells++;
                int expected = endpoint.expected()[who.ordinal()];
                // erasure is the one call that destroys the caller's data: it runs as a
                // fresh person of the role
                String bearer = endpoint.method() == HttpMethod.DELETE ? freshBearer(who) : bearer(who);
                var request = api.method(endpoint.method()).uri(endpoint.uri().apply(who));
                if (bearer != null) {
                    request = request.header("Authorization", bearer);
                }
                String ifMatch = endpoint.ifMatch().apply(who);
                if (ifMatch != null) {
                    request = request.header("If-Match", ifMatch);
                }
                var exchange = endpoint.body() == null ? request.exchange()
                        : request.contentType(MediaType.APPLICATION_JSON).bodyValue(endpoint.body().get()).exchange();
                var result = exchange.expectBody(String.class).returnResult();
                int status = result.getStatus().value();
                String body = result.getResponseBody() == null ? "" : result.getResponseBody();
                tally.merge(status == expected ? "pass" : "fail", 1, Integer::sum);
                if (status != expected) {
                    failures
                        .add(endpoint.name() + " as " + who + ": expected " + expected + " got " + status + " " + body);
                }
                leaks(endpoint.name(), who, body, failures);
            }
        }
        System.out.printf("board security matrix: %d endpoints x %d callers = %d cells, %s%n", endpoints.size(),
                Who.values().length, cells, tally);
        assertThat(cells).isEqualTo(27 * 7);
        assertThat(failures).isEmpty();
    }

    /**
     * A caller sees a candidate's identity only if they are that candidate or an admin
     * (nobody is at interview here).
     */
    private void leaks(String endpoint, Who who, String body, List<String> failures) {
        if (who != Who.CANDIDATE_OWN && who != Who.ADMIN) {
            ownIdentity.values()
                .stream()
                .filter(body::contains)
                .forEach(value -> failures.add(endpoint + " as " + who + " leaked " + value));
        }
        if (who != Who.CANDIDATE_OTHER && who != Who.ADMIN) {
            otherIdentity.values()
                .stream()
                .filter(body::contains)
                .forEach(value -> failures.add(endpoint + " as " + who + " leaked " + value));
        }
    }

    private static Endpoint get(String name, Function<Who, String> uri, int... expected) {
        return new Endpoint(name, HttpMethod.GET, uri, null, w -> null, expected);
    }

    private String bearer(Who who) {
        return switch (who) {
            case ANONYMOUS -> null;
            case ASSOCIATION_OWN -> own.bearer();
            case ASSOCIATION_OTHER -> other.bearer();
            case SUPPLIER -> supplier.bearer();
            case CANDIDATE_OWN -> candidateOwn.bearer();
            case CANDIDATE_OTHER -> candidateOther.bearer();
            case ADMIN -> admin.bearer();
        };
    }

    private static String freshBearer(Who who) {
        return switch (who) {
            case ANONYMOUS -> null;
            case ASSOCIATION_OWN, ASSOCIATION_OTHER -> TestTokens.user("association").bearer();
            case SUPPLIER -> TestTokens.user("supplier").bearer();
            case CANDIDATE_OWN, CANDIDATE_OTHER -> TestTokens.user("candidate").bearer();
            case ADMIN -> TestTokens.user("admin").bearer();
        };
    }

    private Map<String, Object> roleBody() {
        return BoardFixtures.roleBody(own.organisationId(), List.of(skill("data-governance", "practitioner")));
    }

    /**
     * Fresh targets are written straight to the database so the matrix spends no one's
     * rate limit on set-up.
     */
    private String draft() {
        UUID id = UUID.randomUUID();
        db.sql("""
                insert into board_role (id, organisation_id, title, description, skills_matrix, skill_gaps, time_commitment,
                    hours_per_month, remuneration, region, remote, closing_date, status)
                values (:id, :org, 'Matrix role', 'For the matrix', '[]'::jsonb,
                    '[{"skill":"data-governance","level":"working"}]'::jsonb, 'Monthly', 8, 'voluntary', 'north-east',
                    true, current_date + 30, 'draft')""")
            .bind("id", id)
            .bind("org", own.organisationId())
            .then()
            .block();
        return id.toString();
    }

    private String openedRole() {
        String id = draft();
        db.sql("update board_role set status = 'open', published_at = now() where id = :id")
            .bind("id", UUID.fromString(id))
            .then()
            .block();
        return id;
    }

    private String freshApplication() {
        UUID id = UUID.randomUUID();
        db.sql("""
                insert into board_application (id, board_role_id, candidate_id, statement, status)
                values (:id, :role, :candidate, 'Fresh statement', 'submitted')""")
            .bind("id", id)
            .bind("role", UUID.fromString(openedRole()))
            .bind("candidate", UUID.fromString(ownCandidate))
            .then()
            .block();
        return id.toString();
    }

    private String version(String table, String id) {
        return "\"" + db.sql("select version from " + table + " where id = :id")
            .bind("id", UUID.fromString(id))
            .map(row -> row.get("version", Long.class))
            .one()
            .block() + "\"";
    }

}
