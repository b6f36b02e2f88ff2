package io.launchpad.api.privacy;

import io.launchpad.api.support.ApiTestBase;
import io.launchpad.api.support.BoardFixtures;
import io.launchpad.api.support.BoardFixtures.Identity;
import io.launchpad.api.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.launchpad.api.support.BoardFixtures.skill;
import static org.assertj.core.api.Assertions.assertThat;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Export and erasure cover every table that holds a person, as PostgreSQL's catalogue
 * says, not as a hand-kept list does: a table is personal when a column names a person (a
 * Keycloak subject, an owner, contact details, a date of birth) or when it references a
 * personal table. A new table of that kind fails this test until a {@link PersonalData}
 * feature names it.
 */
class ErasureCatalogueTest extends ApiTestBase {

    /** Column names that identify a person, by the schema's own conventions. */
    private static final String PERSON_COLUMN = "^(subject|owner|email|phone|date_of_birth|photo_url|.*_subject)$";

    @Autowired
    List<PersonalData> features;

    @Test
    void everyTableThatHoldsAPersonIsExportedAndErasedBySomeFeature() {
        Map<String, String> personal = personalTablesFromTheCatalogue();
        assertThat(personal).as("the catalogue query finds the tables we know of")
            .containsKeys("candidate_profile", "board_application", "idempotency_keys", "membership", "consent");

        Set<String> covered = features.stream()
            .flatMap(feature -> feature.tables().stream())
            .collect(Collectors.toCollection(TreeSet::new));
        Map<String, String> uncovered = new TreeMap<>(personal);
        uncovered.keySet().removeAll(covered);
        assertThat(uncovered)
            .as("tables holding a person (table -> why) that no PersonalData feature exports and erases")
            .isEmpty();

        Set<String> existing = new TreeSet<>(db.sql("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE'""")
            .map(row -> row.get("table_name", String.class))
            .all()
            .collectList()
            .block());
        assertThat(existing).as("every table a feature claims to cover exists (a misspelt name covers nothing)")
            .containsAll(covered);
    }

    @Test
    void aKeyReplayedAfterErasureReturnsNothingOfThePerson() {
        TestTokens.TestUser candidate = TestTokens.user("candidate");
        Identity identity = Identity.unique();
        Map<String, Object> body = BoardFixtures.candidateBody(identity, "private",
                List.of(skill("data-governance", "expert")));
        String key = UUID.randomUUID().toString();
        String firstId = (String) postCandidate(candidate, key, body).expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        postCandidate(candidate, key, body).expectStatus()
            .isCreated()
            .expectHeader()
            .valueEquals("Idempotent-Replayed", "true");

        String export = api.get()
            .uri("/api/v1/me/export")
            .header("Authorization", candidate.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        assertThat(export).as("the stored reply is part of the export, decoded")
            .contains("\"storedReplies\"", key, identity.email());

        api.delete().uri("/api/v1/me").header("Authorization", candidate.bearer()).exchange().expectStatus().isOk();
        assertThat(db.sql("select count(*) as n from idempotency_keys where owner = :s")
            .bind("s", candidate.subject())
            .map(row -> row.get("n", Long.class))
            .one()
            .block()).as("stored replies left after erasure").isZero();

        // the same key again is a new request now: nothing stored is replayed (what comes
        // back is what was just sent)
        postCandidate(candidate, key, body).expectStatus()
            .isCreated()
            .expectHeader()
            .doesNotExist("Idempotent-Replayed")
            .expectBody()
            .jsonPath("$.id")
            .value(id -> assertThat(id).isNotEqualTo(firstId));
        // and a different request under that key finds no stored reply to refuse it with
        // or leak
        Map<String, Object> other = BoardFixtures.candidateBody(Identity.unique(), "private",
                List.of(skill("data-governance", "expert")));
        String replay = postCandidate(TestTokens.user("candidate"), key, other).expectStatus()
            .isCreated()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        assertThat(replay).doesNotContain(identity.name(), identity.email(), identity.phone());
    }

    private WebTestClient.ResponseSpec postCandidate(TestTokens.TestUser user, String key, Map<String, Object> body) {
        return api.post()
            .uri("/api/v1/candidates")
            .header("Authorization", user.bearer())
            .header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange();
    }

    /**
     * Table -> the reason it is personal: its own person column, or the personal table it
     * references.
     */
    private Map<String, String> personalTablesFromTheCatalogue() {
        Map<String, String> personal = new TreeMap<>();
        db.sql("""
                select table_name, column_name from information_schema.columns
                where table_schema = current_schema() and column_name ~ :pattern
                order by table_name, column_name""")
            .bind("pattern", PERSON_COLUMN)
            .map(row -> Map.entry(row.get("table_name", String.class), row.get("column_name", String.class)))
            .all()
            .toIterable()
            .forEach(column -> personal.putIfAbsent(column.getKey(), "column " + column.getValue()));
        List<Map.Entry<String, String>> references = db.sql("""
                select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
                from pg_constraint c
                where c.contype = 'f' and c.connamespace = current_schema()::regnamespace""")
            .map(row -> Map.entry(row.get("child", String.class), row.get("parent", String.class)))
            .all()
            .collectList()
            .block();
        Deque<String> work = new ArrayDeque<>(personal.keySet());
        while (!work.isEmpty()) {
            String table = work.pop();
            for (Map.Entry<String, String> reference : references) {
                if (reference.getValue().equals(table) && !personal.containsKey(reference.getKey())) {
                    personal.put(reference.getKey(), "references " + table);
                    work.push(reference.getKey());
                }
            }
        }
        return personal;
    }

}
