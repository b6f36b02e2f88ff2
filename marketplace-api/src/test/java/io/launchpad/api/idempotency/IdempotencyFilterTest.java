package io.launchpad.api.idempotency;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import java.net.URI;

/**
 * The Idempotency-Key decisions without a database: the key table is kept in memory, the
 * handler counts how often the work is done. First use does the work, a retry replays,
 * the same key for another request is refused, refusals are forgotten, and a duplicate of
 * a request still running waits, then gets a 409.
 */
class IdempotencyFilterTest {

    private static final String KEY = "5b0c8c1e-2f4e-4c1a-9d8e-6a2b3c4d5e6f";

    private final InMemoryKeys keys = new InMemoryKeys();

    private final IdempotencyFilter filter = new IdempotencyFilter(keys,
            new IdempotencyProperties(Duration.ofHours(24), Duration.ofMillis(150)), JsonMapper.builder().build());

    private final List<String> bodiesHandled = new ArrayList<>();

    @Test
    void aRetryWithTheSameKeyAndRequestGetsTheFirstAnswerBackWithoutDoingTheWorkAgain() {
        MockServerWebExchange first = post(KEY, "{\"title\":\"Damp\"}", HttpStatus.CREATED);
        assertThat(first.getResponse().getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getResponse().getHeaders().getFirst(IdempotencyFilter.REPLAYED)).isNull();

        MockServerWebExchange retry = post(KEY, "{\"title\":\"Damp\"}", HttpStatus.CREATED);
        assertThat(bodiesHandled).containsExactly("{\"title\":\"Damp\"}");
        assertThat(retry.getResponse().getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getResponse().getHeaders().getFirst(IdempotencyFilter.REPLAYED)).isEqualTo("true");
        assertThat(retry.getResponse().getHeaders().getLocation()).hasToString("/api/v1/challenges/1");
        assertThat(retry.getResponse().getHeaders().getFirst("X-Correlation-Id")).as("belongs to the first exchange")
            .isNull();
        assertThat(retry.getResponse().getBodyAsString().block())
            .isEqualTo(first.getResponse().getBodyAsString().block());
    }

    @Test
    void theSameKeyForADifferentRequestIsA422AndDoesNothing() {
        post(KEY, "{\"title\":\"Damp\"}", HttpStatus.CREATED);
        MockServerWebExchange other = post(KEY, "{\"title\":\"Mould\"}", HttpStatus.CREATED);
        assertThat(other.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(other.getResponse().getBodyAsString().block()).contains("Idempotency-Key").contains("same-request");
        assertThat(bodiesHandled).hasSize(1);
    }

    @Test
    void aRefusedOrFailedRequestIsNotRememberedSoItsRetryIsJudgedAfresh() {
        post(KEY, "{\"title\":\"\"}", HttpStatus.BAD_REQUEST);
        assertThat(keys.stored).isEmpty();
        post(KEY, "{\"title\":\"\"}", HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(keys.stored).isEmpty();
        MockServerWebExchange retry = post(KEY, "{\"title\":\"\"}", HttpStatus.CREATED);
        assertThat(retry.getResponse().getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(bodiesHandled).hasSize(3);
        assertThat(keys.stored.values()).extracting(IdempotencyKeys.Stored::state).containsExactly("completed");
    }

    @Test
    void aKeyMustBeOneTo255VisibleAsciiCharacters() {
        MockServerWebExchange spaced = post("two words", "{}", HttpStatus.CREATED);
        assertThat(spaced.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(spaced.getResponse().getBodyAsString().block()).contains("Idempotency-Key").contains("pattern");
        assertThat(post("k".repeat(256), "{}", HttpStatus.CREATED).getResponse().getStatusCode())
            .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post("é", "{}", HttpStatus.CREATED).getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bodiesHandled).isEmpty();
        assertThat(post("k".repeat(255), "{}", HttpStatus.CREATED).getResponse().getStatusCode())
            .isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void onlyPostsUnderTheApiWithAKeyAreRemembered() {
        run(MockServerHttpRequest.put("/api/v1/challenges/1")
            .header(IdempotencyFilter.HEADER, KEY)
            .contentType(MediaType.APPLICATION_JSON)
            .body("{}"), HttpStatus.OK);
        run(MockServerHttpRequest.post("/login")
            .header(IdempotencyFilter.HEADER, KEY)
            .contentType(MediaType.APPLICATION_JSON)
            .body("{}"), HttpStatus.OK);
        run(MockServerHttpRequest.post("/api/v1/challenges").contentType(MediaType.APPLICATION_JSON).body("{}"),
                HttpStatus.CREATED);
        assertThat(bodiesHandled).hasSize(3);
        assertThat(keys.claims).isZero();
    }

    @Test
    void aDuplicateOfARequestStillRunningWaitsThenIsToldToRetry() {
        keys.stored.put(KEY, new IdempotencyKeys.Stored(null, "in_progress", null, null, null));
        keys.sameHashAsNextClaim = true;
        MockServerWebExchange duplicate = post(KEY, "{\"title\":\"Damp\"}", HttpStatus.CREATED);
        assertThat(duplicate.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(duplicate.getResponse().getBodyAsString().block()).contains("still being processed");
        assertThat(keys.finds).as("asked again while waiting").isGreaterThan(1);
        assertThat(bodiesHandled).isEmpty();
    }

    @Test
    void aDuplicateWhoseFirstRequestGaveUpItsKeyIsToldToRetry() {
        keys.claimAlwaysTaken = true;
        MockServerWebExchange duplicate = post(KEY, "{\"title\":\"Damp\"}", HttpStatus.CREATED);
        assertThat(duplicate.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(duplicate.getResponse().getBodyAsString().block()).contains("did not complete");
        assertThat(bodiesHandled).isEmpty();
    }

    private MockServerWebExchange post(String key, String body, HttpStatus answer) {
        return run(MockServerHttpRequest.post("/api/v1/challenges")
            .header(IdempotencyFilter.HEADER, key)
            .contentType(MediaType.APPLICATION_JSON)
            .body(body), answer);
    }

    /**
     * The filter in front of a handler that records the body it read and answers with
     * {@code answer}.
     */
    private MockServerWebExchange run(MockServerHttpRequest request, HttpStatus answer) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        WebFilterChain handler = served -> DataBufferUtils.join(served.getRequest().getBody())
            .map(buffer -> buffer.toString(StandardCharsets.UTF_8))
            .defaultIfEmpty("")
            .flatMap(body -> {
                bodiesHandled.add(body);
                var response = served.getResponse();
                response.setStatusCode(answer);
                response.getHeaders().set("X-Correlation-Id", "c-" + bodiesHandled.size());
                response.getHeaders().setLocation(URI.create("/api/v1/challenges/" + bodiesHandled.size()));
                response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
                byte[] bytes = ("{\"id\":" + bodiesHandled.size() + "}").getBytes(StandardCharsets.UTF_8);
                return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
            });
        filter.filter(exchange, handler).block(Duration.ofSeconds(10));
        return exchange;
    }

    /**
     * The idempotency_keys table's behaviour (one owner here: requests without a
     * principal), in memory.
     */
    static final class InMemoryKeys extends IdempotencyKeys {

        final Map<String, Stored> stored = new ConcurrentHashMap<>();

        int claims;

        int finds;

        boolean sameHashAsNextClaim;

        boolean claimAlwaysTaken;

        InMemoryKeys() {
            super(null);
        }

        @Override
        Mono<Boolean> claim(String owner, String key, String hash, Duration ttl) {
            claims++; // counted when asked, as the filter subscribes to each claim once
            if (claimAlwaysTaken) {
                return Mono.just(false);
            }
            if (sameHashAsNextClaim) {
                // someone else's request with these very bytes is still running
                stored.computeIfPresent(key, (k, running) -> new Stored(hash, running.state(), null, null, null));
                return Mono.just(false);
            }
            return Mono.just(stored.putIfAbsent(key, new Stored(hash, "in_progress", null, null, null)) == null);
        }

        @Override
        Mono<Stored> find(String owner, String key) {
            // read on every subscription, as the query is: the filter re-subscribes while
            // it waits
            return Mono.defer(() -> {
                finds++;
                return Mono.justOrEmpty(stored.get(key));
            });
        }

        @Override
        Mono<Void> complete(String owner, String key, int status, String headersJson, byte[] body) {
            return Mono.fromRunnable(() -> stored.computeIfPresent(key,
                    (k, claimed) -> new Stored(claimed.requestHash(), "completed", status, headersJson, body)));
        }

        @Override
        Mono<Void> release(String owner, String key) {
            return Mono.fromRunnable(() -> stored.computeIfPresent(key,
                    (k, claimed) -> "in_progress".equals(claimed.state()) ? null : claimed));
        }

    }

}
