package io.launchpad.api.problem;

import io.launchpad.api.support.ApiTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every kind of bad input gets a 4xx problem naming the field and the rule, and writes
 * nothing.
 */
class BadInputTest extends ApiTestBase {

    private Actor association;

    private long challengesBefore;

    private long outboxBefore;

    @BeforeEach
    void setUp() {
        association = actor("association");
        challengesBefore = count("challenge");
        outboxBefore = count("matching_outbox");
    }

    private WebTestClient.ResponseSpec post(String json) {
        return api.post()
            .uri("/api/v1/challenges")
            .header("Authorization", association.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(json)
            .exchange();
    }

    private WebTestClient.BodyContentSpec problem(WebTestClient.ResponseSpec response, int status, String field,
            String rule) {
        WebTestClient.BodyContentSpec body = response.expectStatus()
            .isEqualTo(status)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(status)
            .jsonPath("$.type")
            .value(type -> assertThat((String) type).startsWith("https://launchpad.example/problems/"))
            .jsonPath("$.errors[0].field")
            .isEqualTo(field)
            .jsonPath("$.errors[0].rule")
            .isEqualTo(rule)
            .jsonPath("$.trace")
            .doesNotExist()
            .jsonPath("$.exception")
            .doesNotExist();
        assertThat(count("challenge")).as("nothing half-written").isEqualTo(challengesBefore);
        assertThat(count("matching_outbox")).as("nothing queued for indexing").isEqualTo(outboxBefore);
        return body;
    }

    @Test
    void malformedJson() {
        problem(post("{\"title\": \"Unclosed"), 400, "body", "json-syntax");
    }

    @Test
    void emptyBody() {
        problem(api.post()
            .uri("/api/v1/challenges")
            .header("Authorization", association.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .exchange(), 400, "body", "required");
    }

    @Test
    void unknownField() {
        Map<String, Object> body = challengeBody(association.organisationId(), "Unknown field present");
        body.put("budget", 5);
        problem(api.post()
            .uri("/api/v1/challenges")
            .header("Authorization", association.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange(), 400, "budget", "unknown-field");
    }

    @Test
    void missingRequiredFieldsAreAllNamed() {
        problem(post("{\"organisationId\": \"" + association.organisationId() + "\", \"categories\": []}"), 400,
                "summary", "required")
            .jsonPath("$.errors[1].field")
            .isEqualTo("title")
            .jsonPath("$.errors[1].rule")
            .isEqualTo("required");
    }

    @Test
    void wrongTypes() {
        Map<String, Object> body = challengeBody(association.organisationId(), "Budget as words");
        body.put("budgetMaxPounds", "lots");
        problem(api.post()
            .uri("/api/v1/challenges")
            .header("Authorization", association.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange(), 400, "budgetMaxPounds", "type");

        Map<String, Object> date = challengeBody(association.organisationId(), "Date as words");
        date.put("closingDate", "next tuesday");
        problem(api.post()
            .uri("/api/v1/challenges")
            .header("Authorization", association.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(date)
            .exchange(), 400, "closingDate", "type");

        Map<String, Object> list = challengeBody(association.organisationId(), "Regions as object");
        list.put("regions", Map.of("a", 1));
        problem(api.post()
            .uri("/api/v1/challenges")
            .header("Authorization", association.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(list)
            .exchange(), 400, "regions", "type");
    }

    /**
     * The body as JSON with one field's value written exactly as given (numbers no
     * serialiser would produce).
     */
    private String withRawValue(String field, String rawJson) {
        Map<String, Object> body = challengeBody(association.organisationId(), "Raw value for " + field);
        body.put(field, "__raw__");
        return JsonMapper.builder().build().writeValueAsString(body).replace("\"__raw__\"", rawJson);
    }

    @Test
    void numbersBeyondAFieldsRangeNameTheFieldAndTheRange() {
        problem(post(withRawValue("budgetMinPounds", "2147483648")), 400, "budgetMinPounds", "range")
            .jsonPath("$.errors[0].message")
            .isEqualTo("must be a whole number from 0 to 100000000");
        // written as a floating-point number, which a whole-number field refuses before
        // any range check
        problem(post(withRawValue("budgetMaxPounds", "1e309")), 400, "budgetMaxPounds", "type")
            .jsonPath("$.errors[0].message")
            .value(message -> assertThat((String) message).contains("whole number"));
        problem(post(withRawValue("pilotLengthWeeks", "-99999999999999999999")), 400, "pilotLengthWeeks", "range");
    }

    @Test
    void nestedArraysNameTheField() {
        problem(post(withRawValue("categories", "[[\"repairs-and-maintenance\"]]")), 400, "categories[0]", "type");
        problem(post(withRawValue("regions", "[\"north-east\", [\"remote\"]]")), 400, "regions[1]", "type");
        problem(post(withRawValue("title", "[[\"A nested title\"]]")), 400, "title", "type");
        problem(post(withRawValue("weightings", "[[{\"criterion\": \"price\", \"weight\": 100}]]")), 400,
                "weightings[0]", "type");
    }

    @Test
    void unknownTaxonomyCodesAndRuleBreaks() {
        Map<String, Object> body = challengeBody(association.organisationId(), "Unknown category");
        body.put("categories", List.of("repairs-and-maintenance", "underwater-basket-weaving"));
        problem(api.post()
            .uri("/api/v1/challenges")
            .header("Authorization", association.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange(), 400, "categories[1]", "known-code");

        Map<String, Object> budget = challengeBody(association.organisationId(), "Budget upside down");
        budget.put("budgetMinPounds", 90_000);
        budget.put("budgetMaxPounds", 10_000);
        problem(api.post()
            .uri("/api/v1/challenges")
            .header("Authorization", association.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(budget)
            .exchange(), 400, "budgetMaxPounds", "not-below-minimum");

        Map<String, Object> title = challengeBody(association.organisationId(), "x".repeat(201));
        problem(api.post()
            .uri("/api/v1/challenges")
            .header("Authorization", association.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(title)
            .exchange(), 400, "title", "length");
    }

    /**
     * Domain rules raise a domain exception; the problem layer must still answer with the
     * problem clients know.
     */
    @Test
    void aBrokenDomainRuleIsAnsweredWithTheSameProblemAsBefore() {
        Map<String, Object> budget = challengeBody(association.organisationId(), "Budget upside down");
        budget.put("budgetMinPounds", 90_000);
        budget.put("budgetMaxPounds", 10_000);
        assertThat(problemBody(budget, 400))
            .isEqualTo(Map.of("type", "https://launchpad.example/problems/validation-failed", "title",
                    "Request is not valid", "status", 400, "instance", "/api/v1/challenges", "detail",
                    "budgetMaxPounds: must not be less than budgetMinPounds (90000)", "errors",
                    List.of(Map.of("field", "budgetMaxPounds", "rule", "not-below-minimum", "message",
                            "must not be less than budgetMinPounds (90000)"))));

        Map<String, Object> weights = challengeBody(association.organisationId(), "Weights that do not add up");
        weights.put("weightings",
                List.of(Map.of("criterion", "technical", "weight", 50), Map.of("criterion", "price", "weight", 40)));
        assertThat(problemBody(weights, 422))
            .isEqualTo(Map.of("type", "https://launchpad.example/problems/unprocessable", "title",
                    "Not possible in the current state", "status", 422, "instance", "/api/v1/challenges", "detail",
                    "weightings: weights must sum to 100, not 90", "errors", List.of(Map.of("field", "weightings",
                            "rule", "sum-100", "message", "weights must sum to 100, not 90"))));
        assertThat(count("challenge")).as("nothing half-written").isEqualTo(challengesBefore);
    }

    private Map<?, ?> problemBody(Map<String, Object> challenge, int status) {
        return api.post()
            .uri("/api/v1/challenges")
            .header("Authorization", association.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(challenge)
            .exchange()
            .expectStatus()
            .isEqualTo(status)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    }

    @Test
    void oversizeBody() {
        Map<String, Object> body = challengeBody(association.organisationId(), "Huge description");
        body.put("description", "damp ".repeat(80_000));
        problem(api.post()
            .uri("/api/v1/challenges")
            .header("Authorization", association.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange(), 413, "body", "max-size");
    }

    @Test
    void wrongMediaType() {
        api.post()
            .uri("/api/v1/challenges")
            .header("Authorization", association.bearer())
            .contentType(MediaType.TEXT_PLAIN)
            .bodyValue("title=hello")
            .exchange()
            .expectStatus()
            .isEqualTo(415)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void invalidCursorsLimitsAndFilters() {
        problem(api.get().uri("/api/v1/challenges?cursor=not-a-cursor").exchange(), 400, "cursor", "valid-cursor");
        problem(api.get().uri("/api/v1/challenges?cursor=djF8MTIzfG5vdC1hLXV1aWQ").exchange(), 400, "cursor",
                "valid-cursor");
        problem(api.get().uri("/api/v1/challenges?limit=1000").exchange(), 400, "limit", "range");
        problem(api.get().uri("/api/v1/challenges?limit=ten").exchange(), 400, "limit", "type");
        problem(api.get().uri("/api/v1/challenges?category=nope").exchange(), 400, "category", "known-code");
        problem(api.get().uri("/api/v1/challenges?status=archived").exchange(), 400, "status", "one-of");
        problem(api.get().uri("/api/v1/challenges?organisationId=123").exchange(), 400, "organisationId", "type");
    }

    @Test
    void malformedIfMatch() {
        String id = (String) api.post()
            .uri("/api/v1/challenges")
            .header("Authorization", association.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(challengeBody(association.organisationId(), "Check If-Match parsing"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        challengesBefore = count("challenge");
        outboxBefore = count("matching_outbox");
        problem(api.put()
            .uri("/api/v1/challenges/{id}", id)
            .header("Authorization", association.bearer())
            .header("If-Match", "W/\"1\"")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(challengeBody(association.organisationId(), "Weak tags never match"))
            .exchange(), 412, "If-Match", "strong-etag");
    }

    @Test
    void unknownRoutesAndInvalidTokensAreProblemsToo() {
        api.get()
            .uri("/api/v1/no-such-thing")
            .header("Authorization", association.bearer())
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        api.get()
            .uri("/api/v1/me")
            .header("Authorization", "Bearer not.a.token")
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        api.get()
            .uri("/api/v1/challenges/not-a-uuid")
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("id");
    }

}
