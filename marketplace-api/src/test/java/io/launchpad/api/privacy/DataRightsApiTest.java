package io.launchpad.api.privacy;

import io.launchpad.api.support.ApiTestBase;
import io.launchpad.api.support.BoardFixtures;
import io.launchpad.api.support.BoardFixtures.Identity;
import io.launchpad.infra.stack.SharedComponents;
import io.launchpad.api.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.launchpad.api.support.BoardFixtures.skill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import java.util.regex.Pattern;

/**
 * Export everything, erase everything, keep only anonymous statistics; the audit log and
 * who may read it.
 */
class DataRightsApiTest extends ApiTestBase {

    @Test
    void exportHoldsEverythingAndErasureLeavesNoTraceInAnyTableOrIndex() throws Exception {
        Actor association = actor("association");
        String roleId = BoardFixtures.openRole(api, association.bearer(), BoardFixtures
            .roleBody(association.organisationId(), List.of(skill("data-governance", "practitioner"))));
        TestTokens.TestUser candidate = TestTokens.user("candidate");
        Identity identity = Identity.unique();
        String candidateId = BoardFixtures.createCandidate(api, candidate.bearer(),
                BoardFixtures.candidateBody(identity, "public", List.of(skill("data-governance", "expert"))));
        String applicationId = BoardFixtures.apply(api, candidate.bearer(), roleId, "Statement " + identity.name());
        api.get()
            .uri("/api/v1/applications/{id}", applicationId)
            .header("Authorization", association.bearer())
            .exchange()
            .expectStatus()
            .isOk();
        api.post()
            .uri("/api/v1/me/consents")
            .header("Authorization", candidate.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("purpose", "email-updates", "granted", true))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody()
            .jsonPath("$.recordedAt")
            .isNotEmpty();
        seedOtherFeaturesRows(candidate.subject(), identity);
        // the public profile is in the candidates index before erasure, so "no hits
        // afterwards" means something
        await().atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .untilAsserted(() -> assertThat(indexHits(candidateId)).as("index hits for the candidate before erasure")
                .isPositive());

        // the audit log: the candidate and admins read it, nobody else
        api.get()
            .uri("/api/v1/audit?candidateId={id}", candidateId)
            .header("Authorization", TestTokens.user("admin").bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items[?(@.action == 'viewed')].actorSubject")
            .isEqualTo(List.of(association.user().subject()));
        api.get()
            .uri("/api/v1/audit?candidateId={id}", candidateId)
            .header("Authorization", association.bearer())
            .exchange()
            .expectStatus()
            .isForbidden();

        String export = api.get()
            .uri("/api/v1/me/export")
            .header("Authorization", candidate.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("Cache-Control", "no-store")
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        assertThat(export).contains(identity.name(), identity.email(), identity.phone(), identity.photoUrl(),
                "\"candidateProfile\"", "\"applications\"", "\"consents\"", "\"auditLog\"", "email-updates",
                applicationId, "\"platform\"");

        api.delete()
            .uri("/api/v1/me")
            .header("Authorization", candidate.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.rowsRemoved")
            .value(rows -> assertThat(((Number) rows).longValue()).isGreaterThan(5))
            // the candidates index entry goes through the outbox, like every index write
            .jsonPath("$.indexDeletionsEnqueued")
            .isEqualTo(1);
        // the removal is applied by the indexer, which then deletes its outbox row: the
        // last trace of the person
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(outboxRowsAbout(candidateId)).as("outbox rows about the candidate after erasure").isZero();
            assertThat(indexHits(candidateId)).as("index hits for the candidate after erasure").isZero();
        });

        List<String> values = new ArrayList<>(identity.values());
        values.add(candidate.subject());
        values.add(candidateId);
        for (String value : values) {
            assertThat(tablesContaining(value)).as("tables holding %s after erasure", value).isEmpty();
            assertThat(indexHits(value)).as("index hits for %s after erasure", value).isZero();
        }
        // anonymised statistics survive: the role still counts one application
        assertThat(db.sql("select count(*) as n from board_application_statistic where board_role_id = :r")
            .bind("r", UUID.fromString(roleId))
            .map(row -> row.get("n", Long.class))
            .one()
            .block()).isEqualTo(1);
        assertThat(db.sql("select count(*) as n from erasure_record where reason = 'request'")
            .map(row -> row.get("n", Long.class))
            .one()
            .block()).isPositive();
        api.get()
            .uri("/api/v1/board-roles/{id}/applications", roleId)
            .header("Authorization", association.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items.length()")
            .isEqualTo(0);
    }

    /**
     * Rows issue 4 keeps about a person, where those tables exist, so erasure is proven
     * to reach them too.
     */
    private void seedOtherFeaturesRows(String subject, Identity identity) {
        if (tableExists("person")) {
            db.sql("insert into person (subject, email, name) values (:s, :e, :n) "
                    + "on conflict (subject) do update set email = excluded.email, name = excluded.name")
                .bind("s", subject)
                .bind("e", identity.email())
                .bind("n", identity.name())
                .then()
                .block();
        }
        if (tableExists("saved_search")) {
            db.sql("insert into saved_search (id, subject, query, frequency) values (:id, :s, 'board', 'weekly')")
                .bind("id", UUID.randomUUID())
                .bind("s", subject)
                .then()
                .block();
        }
    }

    private long outboxRowsAbout(String id) {
        return db.sql("select count(*) as n from matching_outbox where aggregate_id = :id")
            .bind("id", UUID.fromString(id))
            .map(row -> row.get("n", Long.class))
            .one()
            .block();
    }

    private boolean tableExists(String table) {
        return Boolean.TRUE.equals(db.sql("select to_regclass(:t) is not null as e")
            .bind("t", "public." + table)
            .map(row -> row.get("e", Boolean.class))
            .one()
            .block());
    }

    /** Every table of the schema whose rows, as text or as bytes, contain the value. */
    private List<String> tablesContaining(String value) {
        List<String> tables = db.sql("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE'""")
            .map(row -> row.get("table_name", String.class))
            .all()
            .collectList()
            .block();
        assertThat(tables).contains("candidate_profile", "board_application", "audit_entry", "consent");
        List<String> holding = new ArrayList<>();
        for (String table : tables) {
            // bytea columns (stored replies) show as hex in t::text, so the value is
            // looked for in hex too
            Long n = db
                .sql("select count(*) as n from \"" + table + "\" t where t::text like '%' || :v || '%'"
                        + " or t::text like '%' || encode(convert_to(:v, 'UTF8'), 'hex') || '%'")
                .bind("v", value)
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
            if (n != null && n > 0) {
                holding.add(table);
            }
        }
        return holding;
    }

    /** Hits for the value across every Elasticsearch index. */
    private static long indexHits(String value) throws IOException, InterruptedException {
        String base = SharedComponents.elasticsearch().httpUrl();
        HttpClient http = HttpClient.newHttpClient();
        http.send(HttpRequest.newBuilder(URI.create(base + "/_refresh"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(), HttpResponse.BodyHandlers.discarding());
        String query = URLEncoder.encode("\"" + value + "\"", StandardCharsets.UTF_8);
        HttpResponse<String> response = http
            .send(HttpRequest.newBuilder(URI.create(base + "/_all/_search?size=0&track_total_hits=true&q=" + query))
                .GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        var matcher = Pattern.compile("\"total\":\\{\"value\":(\\d+)").matcher(response.body());
        assertThat(matcher.find()).as("hits in %s", response.body()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

}
