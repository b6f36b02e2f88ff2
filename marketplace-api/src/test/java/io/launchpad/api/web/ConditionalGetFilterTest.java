package io.launchpad.api.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditional GETs without a server: which responses get which ETag, when If-None-Match
 * turns a response into a bodiless 304, and what caches are told.
 */
class ConditionalGetFilterTest {

    private static final String LIST = "{\"items\":[{\"id\":1}],\"nextCursor\":null}";

    private final ConditionalGetFilter filter = new ConditionalGetFilter(JsonMapper.builder().build());

    @Test
    void aListIsTaggedWithAHashOfItsBytesSoTheSameBytesGetTheSameTag() {
        String first = get(MockServerHttpRequest.get("/api/v1/challenges"), HttpStatus.OK, null, null, LIST)
            .getResponse()
            .getHeaders()
            .getETag();
        String again = get(MockServerHttpRequest.get("/api/v1/challenges"), HttpStatus.OK, null, null, LIST)
            .getResponse()
            .getHeaders()
            .getETag();
        String changed = get(MockServerHttpRequest.get("/api/v1/challenges"), HttpStatus.OK, null, null,
                LIST.replace("1", "2"))
            .getResponse()
            .getHeaders()
            .getETag();
        assertThat(first).isEqualTo(again)
            .isEqualTo(ConditionalGetFilter.hash(LIST.getBytes(StandardCharsets.UTF_8)))
            .startsWith("\"")
            .endsWith("\"");
        assertThat(changed).isNotEqualTo(first);
    }

    @Test
    void ifNoneMatchWithTheCurrentTagIsABodiless304AndWithAnotherTagTheFullResponse() {
        String etag = ConditionalGetFilter.hash(LIST.getBytes(StandardCharsets.UTF_8));
        MockServerWebExchange unchanged = get(
                MockServerHttpRequest.get("/api/v1/challenges").header(HttpHeaders.IF_NONE_MATCH, etag), HttpStatus.OK,
                null, null, LIST);
        assertThat(unchanged.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
        assertThat(unchanged.getResponse().getBodyAsString().block()).isNullOrEmpty();
        assertThat(unchanged.getResponse().getHeaders().getContentType()).isNull();
        assertThat(unchanged.getResponse().getHeaders().getETag()).isEqualTo(etag);

        MockServerWebExchange changed = get(MockServerHttpRequest.get("/api/v1/challenges")
            .header(HttpHeaders.IF_NONE_MATCH, "\"something-older\""), HttpStatus.OK, null, null, LIST);
        assertThat(changed.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(changed.getResponse().getBodyAsString().block()).isEqualTo(LIST);
    }

    @Test
    void aResourceKeepsTheVersionTagItsControllerSetWhichIfMatchExpects() {
        MockServerWebExchange exchange = get(MockServerHttpRequest.get("/api/v1/challenges/1"), HttpStatus.OK, "\"7\"",
                null, "{\"id\":1}");
        assertThat(exchange.getResponse().getHeaders().getETag()).isEqualTo("\"7\"");
        MockServerWebExchange weak = get(MockServerHttpRequest.get("/api/v1/challenges/1"), HttpStatus.OK, "W/\"7\"",
                null, "{\"id\":1}");
        assertThat(weak.getResponse().getHeaders().getETag()).as("a weak tag is replaced by the strong hash")
            .isEqualTo(ConditionalGetFilter.hash("{\"id\":1}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void ifNoneMatchComparesWeaklyAndAcceptsAListOrAStar() {
        assertThat(ConditionalGetFilter.matches("W/\"7\"", "\"7\"")).isTrue();
        assertThat(ConditionalGetFilter.matches("\"7\"", "W/\"7\"")).isTrue();
        assertThat(ConditionalGetFilter.matches("\"1\", \"7\"", "\"7\"")).isTrue();
        assertThat(ConditionalGetFilter.matches("*", "\"7\"")).isTrue();
        assertThat(ConditionalGetFilter.matches("\"70\"", "\"7\"")).isFalse();
        assertThat(ConditionalGetFilter.matches("7", "\"7\"")).isFalse();
        assertThat(ConditionalGetFilter.matches(null, "\"7\"")).isFalse();
        assertThat(ConditionalGetFilter.matches(" ", "\"7\"")).isFalse();
    }

    @Test
    void cachesMayKeepAResponseButMustRevalidateAndOnlyPrivatelyWhenATokenWasSent() {
        assertThat(cacheControl(MockServerHttpRequest.get("/api/v1/challenges"), null)).isEqualTo("no-cache");
        assertThat(cacheControl(
                MockServerHttpRequest.get("/api/v1/challenges").header(HttpHeaders.AUTHORIZATION, "Bearer x"), null))
            .isEqualTo("private, no-cache");
        assertThat(cacheControl(
                MockServerHttpRequest.get("/api/v1/me/export").header(HttpHeaders.AUTHORIZATION, "Bearer x"),
                "no-store"))
            .isEqualTo("no-store");
        assertThat(cacheControl(MockServerHttpRequest.get("/api/v1/taxonomy"), "public, max-age=300"))
            .isEqualTo("public, max-age=300");
    }

    @Test
    void writesErrorsAndPathsOutsideTheApiAreLeftAlone() {
        MockServerWebExchange post = exchange(MockServerHttpRequest.post("/api/v1/challenges"), HttpStatus.CREATED,
                null, null, LIST);
        assertThat(post.getResponse().getHeaders().getETag()).isNull();
        MockServerWebExchange problem = get(MockServerHttpRequest.get("/api/v1/challenges/9"), HttpStatus.NOT_FOUND,
                null, null, "{\"status\":404}");
        assertThat(problem.getResponse().getHeaders().getETag()).isNull();
        MockServerWebExchange outside = get(MockServerHttpRequest.get("/actuator/health"), HttpStatus.OK, null, null,
                "{\"status\":\"UP\"}");
        assertThat(outside.getResponse().getHeaders().getETag()).isNull();
    }

    private String cacheControl(MockServerHttpRequest.BaseBuilder<?> request, String handlerSaid) {
        return get(request, HttpStatus.OK, null, handlerSaid, LIST).getResponse().getHeaders().getCacheControl();
    }

    private MockServerWebExchange get(MockServerHttpRequest.BaseBuilder<?> request, HttpStatus status, String etag,
            String cacheControl, String json) {
        return exchange(request, status, etag, cacheControl, json);
    }

    /**
     * Runs the filter in front of a handler that answers {@code json} with the given
     * status, ETag and Cache-Control.
     */
    private MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request, HttpStatus status, String etag,
            String cacheControl, String json) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        WebFilterChain handler = served -> {
            var response = served.getResponse();
            response.setStatusCode(status);
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
            if (etag != null) {
                response.getHeaders().setETag(etag);
            }
            if (cacheControl != null) {
                response.getHeaders().setCacheControl(cacheControl);
            }
            return response.writeWith(Mono.just(response.bufferFactory().wrap(json.getBytes(StandardCharsets.UTF_8))));
        };
        filter.filter(exchange, handler).block();
        return exchange;
    }

}
