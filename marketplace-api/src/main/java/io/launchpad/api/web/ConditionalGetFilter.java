package io.launchpad.api.web;

import io.launchpad.api.problem.ProblemWriter;
import io.launchpad.api.problem.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;

/**
 * Every successful JSON GET leaves with a strong ETag and honours If-None-Match with a
 * bodiless 304, so a phone re-polling a list pays a few hundred bytes instead of the
 * page. Resources keep the version tag their controller set (the one If-Match expects);
 * lists, and anything without a tag, get a hash of the exact bytes. Sparse {@code fields}
 * responses are a different representation and so always get the hash. Runs for every
 * route, including ones added later.
 */
@Component
class ConditionalGetFilter implements WebFilter, Ordered {

    static final int ORDER = -30;

    private final JsonMapper json;

    ConditionalGetFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getMethod() != HttpMethod.GET
                || !exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        String fieldsParam = exchange.getRequest().getQueryParams().getFirst("fields");
        Set<String> fields;
        if (fieldsParam != null && SparseFields.supportsRequest(path)) {
            try {
                fields = SparseFields.parse(fieldsParam);
            }
            catch (ApiProblem problem) {
                return ProblemWriter.write(exchange.getResponse(), problem, json);
            }
        }
        else {
            fields = null;
        }
        String ifNoneMatch = exchange.getRequest().getHeaders().getFirst(HttpHeaders.IF_NONE_MATCH);
        boolean authorised = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        ServerHttpResponse original = exchange.getResponse();
        ServerHttpResponseDecorator decorated = new ServerHttpResponseDecorator(original) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                MediaType type = getHeaders().getContentType();
                int status = getStatusCode() == null ? 200 : getStatusCode().value();
                if (status != 200 || type == null || !type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                    return super.writeWith(body);
                }
                return DataBufferUtils.join(body).flatMap(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    if (fields != null) {
                        JsonNode trimmed;
                        try {
                            trimmed = SparseFields.apply(json.readTree(bytes), fields);
                        }
                        catch (ApiProblem problem) {
                            return ProblemWriter.write(getDelegate(), problem, json);
                        }
                        bytes = json.writeValueAsBytes(trimmed);
                        getHeaders().setETag(null);
                        getHeaders().setContentLength(bytes.length);
                    }
                    String etag = getHeaders().getETag();
                    if (etag == null || etag.startsWith("W/")) {
                        etag = hash(bytes);
                        getHeaders().setETag(etag);
                    }
                    // store, but revalidate every time (instead of Spring Security's
                    // no-store): a phone
                    // or proxy keeps the body and asks with If-None-Match; private when a
                    // token was sent
                    // a handler that says no-store (personal data exports) keeps it, and
                    // so does one that
                    // says public (taxonomy, open data): the same for everyone, so shared
                    // caches may keep it
                    String handlerSaid = getHeaders().getCacheControl();
                    if (!"no-store".equals(handlerSaid) && (handlerSaid == null || !handlerSaid.contains("public"))) {
                        getHeaders().setCacheControl(authorised ? "private, no-cache" : "no-cache");
                    }
                    getHeaders().remove(HttpHeaders.PRAGMA);
                    getHeaders().remove(HttpHeaders.EXPIRES);
                    if (matches(ifNoneMatch, etag)) {
                        setStatusCode(HttpStatus.NOT_MODIFIED);
                        getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
                        getHeaders().remove(HttpHeaders.CONTENT_TYPE);
                        return super.setComplete();
                    }
                    return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
                });
            }
        };
        return chain.filter(exchange.mutate().response(decorated).build());
    }

    /** RFC 9110: If-None-Match uses the weak comparison, so W/"x" matches "x". */
    static boolean matches(@Nullable String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String bare = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || (c.startsWith("W/") ? c.substring(2) : c).equals(bare)) {
                return true;
            }
        }
        return false;
    }

    static String hash(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
