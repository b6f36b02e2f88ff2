package io.launchpad.api.contract;

import io.launchpad.api.support.ApiTestBase;
import io.launchpad.api.support.RawHttp;
import io.launchpad.api.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.List;
import java.util.UUID;

/**
 * What the HTTP server answers before any route is chosen, spoken over a raw socket
 * because HTTP clients normalise what these tests must send as written: unreadable
 * targets, over-long lines, oversized headers, and a kept-alive connection through a run
 * of refusals.
 */
class ProtocolEdgesTest extends ApiTestBase {

    private static final Duration STALLED = Duration.ofSeconds(5);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private TestTokens.TestUser user;

    @BeforeEach
    void signIn() {
        user = TestTokens.user("supplier");
    }

    private String good() {
        return RawHttp.request("GET", "/api/v1/me", Map.of("Authorization", user.bearer()), null);
    }

    private static JsonNode problem(RawHttp.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("content-type")).isEqualTo("application/problem+json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("type").asString()).startsWith("https://launchpad.example/problems/");
        return body;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "/api/v1/challenges/%,            path,  percent-encoding",
            "/api/v1/challenges/%zz,          path,  percent-encoding",
            "/api/v1/challenges/%00,          path,  percent-encoding",
            "/api/v1/%2e%2e/challenges,       path,  percent-encoding",
            "/api/v1/challenges/a%2fb,        path,  percent-encoding",
            "/api/v1/challenges?category=%,   query, percent-encoding",
            "/api/v1/search/challenges?q=%4,  query, percent-encoding",
            "/api/v1/search/challenges?q=%00, query, percent-encoding",
            "/api/v1/challenges?category=a|b, query, uri-syntax" })
    void badPercentEncodingIsAProblemNamingThePartAndKeepsTheConnection(String target, String field, String rule) {
        try (RawHttp http = RawHttp.connect(port, STALLED)) {
            JsonNode body = problem(http.exchange(RawHttp.request("GET", target, Map.of(), null)), 400);
            assertThat(body.path("type").asString()).endsWith("/invalid-request-target");
            assertThat(body.path("errors").get(0).path("field").asString()).isEqualTo(field);
            assertThat(body.path("errors").get(0).path("rule").asString()).isEqualTo(rule);
            assertThat(body.path("errors").get(0).path("message").asString()).isNotBlank();
            assertThat(http.exchange(good()).status()).as("the same connection still answers").isEqualTo(200);
        }
    }

    @Test
    void aRequestLineTooLongIs414AndTheConnectionClosesCleanly() {
        try (RawHttp http = RawHttp.connect(port, STALLED)) {
            RawHttp.Response response = http.exchange(
                    RawHttp.request("GET", "/api/v1/search/challenges?q=" + "damp".repeat(2_000), Map.of(), null));
            JsonNode body = problem(response, 414);
            assertThat(body.path("errors").get(0).path("field").asString()).isEqualTo("uri");
            assertThat(body.path("errors").get(0).path("rule").asString()).isEqualTo("max-length");
            assertThat(body.path("errors").get(0).path("message").asString()).contains("4096");
            assertThat(response.closes()).isTrue();
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void headersTooLargeAre431AndTheConnectionClosesCleanly() {
        try (RawHttp http = RawHttp.connect(port, STALLED)) {
            RawHttp.Response response = http
                .exchange(RawHttp.request("GET", "/api/v1/taxonomy", Map.of("X-Padding", "a".repeat(20_000)), null));
            JsonNode body = problem(response, 431);
            assertThat(body.path("errors").get(0).path("field").asString()).isEqualTo("headers");
            assertThat(body.path("errors").get(0).path("rule").asString()).isEqualTo("max-length");
            assertThat(response.closes()).isTrue();
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void aHeaderThatIsNotHttpIs400AndTheConnectionClosesCleanly() {
        try (RawHttp http = RawHttp.connect(port, STALLED)) {
            RawHttp.Response response = http
                .exchange("GET /api/v1/taxonomy HTTP/1.1\r\nHost: 127.0.0.1\r\nNot A Header\r\n\r\n");
            JsonNode body = problem(response, 400);
            assertThat(body.path("type").asString()).endsWith("/malformed-http");
            assertThat(body.path("errors").get(0).path("rule").asString()).isEqualTo("http-syntax");
            assertThat(response.closes()).isTrue();
            assertThat(http.closedByServer()).isTrue();
        }
    }

    /**
     * One kept-alive connection, 100 requests: rejected tokens (answered at once by the
     * security chain) alternate with requests that reach the database, with bodies left
     * unread and refused targets mixed in. Every one must be answered; a refusal that
     * cannot keep the connection must say so and close it, and the client carries on over
     * a new one.
     */
    @Test
    void aKeptAliveConnectionAnswersEveryRequestThroughRefusals() {
        String challenge = "{\"title\": \"never read\"}";
        RawHttp http = RawHttp.connect(port, STALLED);
        int answered = 0;
        int reconnects = 0;
        try {
            for (int i = 0; i < 100; i++) {
                String request;
                int expected;
                if (i % 2 == 1) {
                    request = good();
                    expected = 200;
                }
                else if (i % 10 == 4) {
                    request = RawHttp.request("GET", "/api/v1/challenges/%", Map.of(), null);
                    expected = 400;
                }
                else if (i % 10 == 6) {
                    request = RawHttp.request("GET", "/api/v1/%2e%2e/me", Map.of("Authorization", user.bearer()), null);
                    expected = 400;
                }
                else if (i % 10 == 8) {
                    request = RawHttp.request("POST", "/api/v1/challenges",
                            Map.of("Authorization", "Bearer bad." + i, "Content-Type", "application/json"), challenge);
                    expected = 401;
                }
                else if (i % 30 == 0 && i > 0) {
                    request = RawHttp.request("GET", "/api/v1/taxonomy", Map.of("X-Padding", "a".repeat(20_000)), null);
                    expected = 431;
                }
                else {
                    request = RawHttp.request("GET", "/api/v1/me", Map.of("Authorization", "Bearer not.a.token" + i),
                            null);
                    expected = 401;
                }
                RawHttp.Response response = http.exchange(request);
                assertThat(response.status()).as("request %d", i).isEqualTo(expected);
                assertThat(response.header("content-type")).as("request %d", i)
                    .isIn("application/json", "application/problem+json");
                answered++;
                if (response.closes()) {
                    assertThat(expected).as("only a refusal the codec cannot recover from closes").isEqualTo(431);
                    assertThat(http.closedByServer()).isTrue();
                    http.close();
                    http = RawHttp.connect(port, STALLED);
                    reconnects++;
                }
            }
        }
        finally {
            http.close();
        }
        assertThat(answered).isEqualTo(100);
        assertThat(reconnects).isEqualTo(3);
    }

    @Test
    void a401ChallengesForABearerTokenAndSaysWhyATokenWasRejected() {
        String rejected = api.get()
            .uri("/api/v1/me")
            .header("Authorization", "Bearer not.a.token")
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType("application/problem+json")
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("Authorization")
            .jsonPath("$.errors[0].rule")
            .isEqualTo("invalid-token")
            .returnResult()
            .getResponseHeaders()
            .getFirst("WWW-Authenticate");
        assertThat(rejected).startsWith("Bearer ")
            .contains("realm=\"launchpad\"")
            .contains("error=\"invalid_token\"")
            .contains("error_description=\"");

        String otherAudience = TestTokens.token(UUID.randomUUID().toString(), List.of("supplier"), TestTokens.issuer(),
                "another-api");
        assertThat(api.get()
            .uri("/api/v1/me")
            .header("Authorization", "Bearer " + otherAudience)
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst("WWW-Authenticate")).contains("error=\"invalid_token\"");

        String none = api.get()
            .uri("/api/v1/me")
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType("application/problem+json")
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst("WWW-Authenticate");
        assertThat(none).isEqualTo("Bearer realm=\"launchpad\"");
    }

    @Test
    void theNotificationStreamSendsItsHeadersAtOnce() {
        try (RawHttp http = RawHttp.connect(port, STALLED)) {
            // a first request of this person, so the timing below is the stream's alone
            assertThat(http.exchange(good()).status()).isEqualTo(200);
            long started = System.nanoTime();
            RawHttp.Response head = http.send(RawHttp.request("GET", "/api/v1/notifications/stream",
                    Map.of("Authorization", user.bearer(), "Accept", "text/event-stream"), null))
                .readHead();
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("content-type")).startsWith("text/event-stream");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void errorsOnTheNotificationStreamAreProblemsNotEvents() {
        Map<String, String> stream = Map.of("Accept", "text/event-stream");
        try (RawHttp http = RawHttp.connect(port, STALLED)) {
            JsonNode unauthenticated = problem(
                    http.exchange(RawHttp.request("GET", "/api/v1/notifications/stream", stream, null)), 401);
            assertThat(unauthenticated.path("type").asString()).endsWith("/unauthenticated");

            JsonNode badLastEventId = problem(http.exchange(RawHttp.request("GET", "/api/v1/notifications/stream",
                    Map.of("Accept", "text/event-stream", "Authorization", user.bearer(), "Last-Event-ID", "abc"),
                    null)), 400);
            assertThat(badLastEventId.path("errors").get(0).path("field").asString()).isEqualTo("Last-Event-ID");

            problem(http.exchange(RawHttp.request("GET", "/api/v1/notifications/stream",
                    Map.of("Accept", "application/xml", "Authorization", user.bearer()), null)), 406);
        }
    }

}
