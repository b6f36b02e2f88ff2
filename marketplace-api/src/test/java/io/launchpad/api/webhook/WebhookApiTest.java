package io.launchpad.api.webhook;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.launchpad.api.support.ApiTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import com.github.tomakehurst.wiremock.client.WireMock;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14, item 4: partner systems hear of events through signed calls to their
 * endpoints; a partner that is down for a while loses nothing and hears of each
 * resource's events in order.
 */
class WebhookApiTest extends ApiTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WireMockServer partner = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    @BeforeEach
    void startPartner() {
        partner.start();
    }

    @AfterEach
    void stopPartner() {
        partner.stop();
    }

    @Test
    void aPartnerDownForAWhileGetsEveryEventOnceItIsBackInOrderSignedAndLogged() {
        Actor association = actor("association");
        Actor supplier = actor("supplier");
        Actor otherAssociation = actor("association");
        partner.stubFor(WireMock.post(urlPathEqualTo("/hooks")).willReturn(aResponse().withStatus(503)));
        partner.stubFor(WireMock.post(urlPathEqualTo("/other")).willReturn(aResponse().withStatus(204)));

        Map<?, ?> registered = post("/api/v1/organisations/" + association.organisationId() + "/webhooks", association,
                Map.of("url", partner.baseUrl() + "/hooks", "description", "Housing management system", "events",
                        List.of("challenge.published", "question.asked", "response.submitted", "challenge.closed")))
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        String secret = (String) registered.get("secret");
        String webhook = (String) registered.get("id");
        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
        // the other association hears of public events only, not this association's
        // questions
        post("/api/v1/organisations/" + otherAssociation.organisationId() + "/webhooks", otherAssociation,
                Map.of("url", partner.baseUrl() + "/other", "events", List.of("challenge.published", "question.asked")))
            .expectStatus()
            .isCreated();
        // the secret is shown once: the list never carries it
        get("/api/v1/organisations/" + association.organisationId() + "/webhooks", association).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items[0].url")
            .isEqualTo(partner.baseUrl() + "/hooks")
            .jsonPath("$.items[0].secret")
            .doesNotExist()
            .jsonPath("$.eventTypes.length()")
            .isEqualTo(WebhookEventType.values().length);
        get("/api/v1/organisations/" + association.organisationId() + "/webhooks", supplier).expectStatus()
            .isForbidden();

        String challenge = published(association, "Webhook pilot for damp sensing");
        post("/api/v1/challenges/" + challenge + "/questions", supplier,
                Map.of("organisationId", supplier.organisationId().toString(), "question", "Which sensors?"))
            .expectStatus()
            .isCreated();
        submitted(challenge, supplier);

        // the partner is down: attempts are made and refused, nothing is lost
        // each event becomes a delivery when the outbox relays it, so wait for all three,
        // not only for attempts
        String deliveries = "/api/v1/organisations/" + association.organisationId() + "/webhooks/" + webhook
                + "/deliveries";
        await().atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> attemptsTo("/hooks") >= 4 && ((List<?>) get(deliveries, association).expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("items")).size() == 3);
        get(deliveries, association).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items.length()")
            .isEqualTo(3)
            .jsonPath("$.items[2].type")
            .isEqualTo("challenge.published")
            .jsonPath("$.items[2].status")
            .isEqualTo("pending")
            .jsonPath("$.items[2].log[0].statusCode")
            .isEqualTo(503);
        long refused = attemptsTo("/hooks");

        // back up: everything arrives, each resource's events in the order they happened
        partner.stubFor(WireMock.post(urlPathEqualTo("/hooks")).willReturn(aResponse().withStatus(200)));
        await().atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> delivered("/hooks").size() >= 3);
        List<ServeEvent> delivered = delivered("/hooks");
        assertThat(delivered).extracting(event -> type(event))
            .containsExactly("challenge.published", "question.asked", "response.submitted");
        for (ServeEvent event : delivered) {
            String body = event.getRequest().getBodyAsString();
            String signature = event.getRequest().getHeader(WebhookSignature.HEADER);
            assertThat(WebhookSignature.verify(secret, signature, body, Instant.now())).as("signed with our secret")
                .isTrue();
            assertThat(WebhookSignature.verify("whsec_not-the-secret", signature, body, Instant.now()))
                .as("a partner checking with another secret refuses it")
                .isFalse();
            assertThat(body).doesNotContain(supplier.user().subject(), association.user().subject());
        }
        assertThat(delivered).extracting(event -> event.getRequest().getHeader("Launchpad-Delivery"))
            .doesNotHaveDuplicates();
        List<String> otherTypes = partner.getAllServeEvents()
            .stream()
            .filter(event -> event.getRequest().getUrl().equals("/other"))
            .map(WebhookApiTest::type)
            .toList();
        assertThat(otherTypes).contains("challenge.published").doesNotContain("question.asked");

        // the log shows every attempt with its status code; a delivery can be sent again
        JsonNode log = JSON.readTree(get("/api/v1/organisations/" + association.organisationId() + "/webhooks/"
                + webhook + "/deliveries?limit=10", association)
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody());
        JsonNode first = log.get("items").get(2);
        assertThat(first.get("status").asString()).isEqualTo("delivered");
        assertThat(first.get("log").get(first.get("log").size() - 1).get("statusCode").asInt()).isEqualTo(200);
        assertThat(first.get("log").get(0).get("statusCode").asInt()).isEqualTo(503);
        int totalAttempts = 0;
        for (JsonNode item : log.get("items")) {
            totalAttempts += item.get("attempts").asInt();
        }
        assertThat(totalAttempts).isEqualTo(refused + 3 + (attemptsTo("/hooks") - refused - 3));
        String replayed = first.get("id").asString();
        post("/api/v1/organisations/" + association.organisationId() + "/webhooks/" + webhook + "/deliveries/"
                + replayed + "/replay", association, null)
            .expectStatus()
            .isAccepted()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("pending");
        await().atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> delivered("/hooks").stream()
                .filter(event -> replayed.equals(event.getRequest().getHeader("Launchpad-Delivery")))
                .count() == 2);
        System.out.printf("webhook outage: %d refused attempts while down, %d deliveries, %d attempts in all%n",
                refused, delivered("/hooks").size(), attemptsTo("/hooks"));

        delete("/api/v1/organisations/" + association.organisationId() + "/webhooks/" + webhook, association)
            .expectStatus()
            .isNoContent();
        delete("/api/v1/organisations/" + association.organisationId() + "/webhooks/" + webhook, association)
            .expectStatus()
            .isNotFound();
        JsonNode others = JSON
            .readTree(get("/api/v1/organisations/" + otherAssociation.organisationId() + "/webhooks", otherAssociation)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
        delete("/api/v1/organisations/" + otherAssociation.organisationId() + "/webhooks/"
                + others.get("items").get(0).get("id").asString(), otherAssociation)
            .expectStatus()
            .isNoContent();
    }

    @Test
    void badEndpointsAreRefusedWithTheFieldAndRuleAndNothingIsStored() {
        Actor association = actor("association");
        String uri = "/api/v1/organisations/" + association.organisationId() + "/webhooks";
        long before = count("webhook_endpoint");
        refused(uri, association,
                Map.of("url", "http://partner.example/hooks", "events", List.of("challenge.published")), 422, "url",
                "https");
        refused(uri, association,
                Map.of("url", "https://user:pw@partner.example/hooks", "events", List.of("challenge.published")), 422,
                "url", "no-credentials");
        refused(uri, association,
                Map.of("url", "https://no-such-host.invalid/hooks", "events", List.of("challenge.published")), 422,
                "url", "public-address");
        refused(uri, association,
                Map.of("url", "https://partner.example/hooks", "events", List.of("challenge.exploded")), 400,
                "events[0]", "known-event");
        refused(uri, association, Map.of("url", "https://partner.example/hooks", "events", List.of()), 400, "events",
                null);
        refused(uri, association,
                Map.of("url", "https://partner.example/" + "x".repeat(2100), "events", List.of("challenge.published")),
                400, "url", null);
        refused(uri, association, Map.of("url", "https://partner.example/hooks", "events",
                List.of("challenge.published"), "description", "d".repeat(201)), 400, "description", null);
        api.post()
            .uri(uri)
            .header("Authorization", association.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"url\": [")
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        // only the organisation's members register its endpoints
        post(uri, actor("association"),
                Map.of("url", partner.baseUrl() + "/hooks", "events", List.of("challenge.published")))
            .expectStatus()
            .isForbidden();
        assertThat(count("webhook_endpoint")).isEqualTo(before);
    }

    private void refused(String uri, Actor actor, Map<String, Object> body, int status, String field, String rule) {
        var expectation = post(uri, actor, body).expectStatus()
            .isEqualTo(status)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo(field);
        if (rule != null) {
            expectation.jsonPath("$.errors[0].rule").isEqualTo(rule);
        }
    }

    private long attemptsTo(String path) {
        return partner.getAllServeEvents().stream().filter(event -> event.getRequest().getUrl().equals(path)).count();
    }

    /** The calls the partner answered 2xx, in the order they arrived. */
    private List<ServeEvent> delivered(String path) {
        return partner.getAllServeEvents()
            .stream()
            .filter(event -> event.getRequest().getUrl().equals(path))
            .filter(event -> event.getResponse().getStatus() / 100 == 2)
            .sorted(Comparator.comparing(event -> event.getRequest().getLoggedDate()))
            .toList();
    }

    private static String type(ServeEvent event) {
        return JSON.readTree(event.getRequest().getBodyAsString()).get("type").asString();
    }

    private String published(Actor association, String title) {
        Map<String, Object> body = challengeBody(association.organisationId(), title);
        body.put("essentialRequirements", List.of("Works without broadband"));
        body.put("questionsCloseOn", LocalDate.now().plusDays(10).toString());
        String id = (String) post("/api/v1/challenges", association, body).expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        post("/api/v1/challenges/" + id + "/publish", association, null).expectStatus().isOk();
        return id;
    }

    private void submitted(String challengeId, Actor supplier) {
        Map<String, Object> body = new HashMap<>();
        body.put("organisationId", supplier.organisationId().toString());
        body.put("approach", "Install sensors");
        body.put("evidence", Map.of("E1", "Runs on LoRaWAN"));
        body.put("pricePounds", 30_000);
        body.put("availability", "From next month");
        String id = (String) post("/api/v1/challenges/" + challengeId + "/responses", supplier, body).expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        post("/api/v1/responses/" + id + "/submit", supplier, null).expectStatus().isOk();
    }

}
