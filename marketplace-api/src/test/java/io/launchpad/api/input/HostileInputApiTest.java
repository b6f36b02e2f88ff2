package io.launchpad.api.input;

import io.launchpad.api.support.ApiTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import tools.jackson.databind.json.JsonMapper;

/**
 * Text that is not valid Unicode, lengths that only look short, numbers and dates out of
 * range, values of the wrong type, and writes that cannot be answered as asked: each is
 * refused with a problem naming the field and the rule, before any row changes.
 */
class HostileInputApiTest extends ApiTestBase {

    private Actor association;

    private long challengesBefore;

    private long outboxBefore;

    @BeforeEach
    void setUp() {
        association = actor("association");
        challengesBefore = count("challenge");
        outboxBefore = count("matching_outbox");
    }

    /**
     * The body is written by hand so that escapes such as a lone surrogate reach the
     * server as sent.
     */
    private WebTestClient.ResponseSpec create(String field, String jsonValue) {
        Map<String, Object> body = challengeBody(association.organisationId(), "A valid challenge title");
        body.remove(field);
        String json = toJson(body);
        json = json.substring(0, json.length() - 1) + ",\"" + field + "\":" + jsonValue + "}";
        return api.post()
            .uri("/api/v1/challenges")
            .header("Authorization", association.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(json)
            .exchange();
    }

    private void refused(WebTestClient.ResponseSpec response, String field, String rule) {
        response.expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo(field)
            .jsonPath("$.errors[0].rule")
            .isEqualTo(rule)
            .jsonPath("$.errors[0].message")
            .isNotEmpty();
        assertThat(count("challenge")).as("no challenge written").isEqualTo(challengesBefore);
        assertThat(count("matching_outbox")).as("nothing queued for indexing").isEqualTo(outboxBefore);
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"\\ud800\\u4e2d title here\"", "\"title \\udc00 here\"", "\"title ends \\ud83d\"" })
    void loneSurrogatesAreRefusedNotStoredAltered(String title) {
        refused(create("title", title), "title", "valid-unicode");
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"NUL \\u0000 inside\"", "\"bell \\u0007 inside\"", "\"escape \\u001b[31m\"" })
    void nulAndControlCharactersAreRefusedInAnyText(String text) {
        refused(create("description", text), "description", "no-control-characters");
    }

    @Test
    void requirementsInAListAreNamedByIndex() {
        refused(create("essentialRequirements", "[\"fine\", \"broken \\u0000\"]"), "essentialRequirements[1]",
                "no-control-characters");
    }

    @Test
    void singleLineFieldsRefuseLineBreaksWhileLongTextKeepsThem() {
        refused(create("title", "\"Two\\nlines of title\""), "title", "single-line");
        String id = (String) create("description", "\"First paragraph.\\n\\n\\tSecond paragraph.\"").expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        assertThat(db.sql("select description from challenge where id = :id")
            .bind("id", UUID.fromString(id))
            .map(row -> row.get("description", String.class))
            .one()
            .block()).isEqualTo("First paragraph.\n\n\tSecond paragraph.");
    }

    @Test
    void lengthsAreCodePointsAsPeopleCountThem() {
        // 200 emoji are 400 UTF-16 units: within a 200-character limit as people (and
        // PostgreSQL) count
        create("title", "\"" + "💥".repeat(200) + "\"").expectStatus().isCreated();
    }

    @Test
    void lengthsOverTheLimitInCodePointsOrShortOnceTrimmedAreRefused() {
        refused(create("title", "\"" + "💥".repeat(201) + "\""), "title", "length");
        // a five-character minimum is not met by padding
        refused(create("title", "\"   abc    \""), "title", "length");
    }

    @Test
    void textIsStoredInItsComposedForm() {
        String id = (String) create("title", "\"Cafe\\u0301 repairs from a phone\"").expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        assertThat(db.sql("select title from challenge where id = :id")
            .bind("id", UUID.fromString(id))
            .map(row -> row.get("title", String.class))
            .one()
            .block()).isEqualTo("Café repairs from a phone");
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"+10000-01-01\"", "\"+9999999-01-01\"", "\"0001-01-01\"", "\"1999-12-31\"" })
    void datesOutsideASaneWindowAreRefused(String date) {
        refused(create("closingDate", date), "closingDate", "date-range");
    }

    @Test
    void theWindowIsStatedInTheMessage() {
        create("closingDate", "\"" + LocalDate.now().plusYears(11) + "\"").expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].message")
            .value(message -> assertThat((String) message).contains(LocalDate.now().plusYears(10).toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "20261231", "\"2026-12-31T00:00:00Z\"", "\"31/12/2026\"", "true" })
    void aDateIsACalendarDateAndNothingElse(String value) {
        refused(create("closingDate", value), "closingDate", "type");
    }

    @Test
    void valuesAreNotCoercedBetweenTypes() {
        refused(create("title", "12345"), "title", "type");
        refused(create("title", "true"), "title", "type");
        refused(create("budgetMinPounds", "\"1000\""), "budgetMinPounds", "type");
        refused(create("budgetMinPounds", "1000.5"), "budgetMinPounds", "type");
        refused(create("categories", "[[\"repairs-and-maintenance\"]]"), "categories[0]", "type");
    }

    @ParameterizedTest
    @ValueSource(strings = { "application/xml", "text/html", "image/png", "application/json;q=0",
            "application/problem+json" })
    void aWriteThatCannotBeAnsweredAsAskedIsRefusedBeforeItRuns(String accept) {
        api.post()
            .uri("/api/v1/challenges")
            .header("Authorization", association.bearer())
            .header("Accept", accept)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(challengeBody(association.organisationId(), "Negotiated before it is written"))
            .exchange()
            .expectStatus()
            .isEqualTo(406)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("Accept")
            .jsonPath("$.errors[0].rule")
            .isEqualTo("acceptable-media-type");
        assertThat(count("challenge")).as("nothing written on a 406").isEqualTo(challengesBefore);
        assertThat(count("matching_outbox")).isEqualTo(outboxBefore);
    }

    @ParameterizedTest
    @ValueSource(strings = { "application/json", "application/json, application/problem+json", "*/*", "application/*",
            "text/html, application/json;q=0.5" })
    void aWriteThatAcceptsJsonRuns(String accept) {
        api.post()
            .uri("/api/v1/challenges")
            .header("Authorization", association.bearer())
            .header("Accept", accept)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(challengeBody(association.organisationId(), "Negotiated and written"))
            .exchange()
            .expectStatus()
            .isCreated();
    }

    private static String toJson(Map<String, Object> body) {
        return JsonMapper.shared().writeValueAsString(body);
    }

}
