package io.launchpad.web.api;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriBuilder;

import reactor.core.publisher.Mono;

/**
 * Reads from the Launchpad API as the current user: with their access token when signed
 * in, anonymously otherwise (see {@link ApiClientConfiguration}). Every failure arrives
 * as an {@link ApiProblemException}, so pages deal with one kind of error.
 */
public final class LaunchpadApi {

    private final WebClient webClient;

    private final Duration timeout;

    LaunchpadApi(WebClient webClient, Duration timeout) {
        this.webClient = webClient;
        this.timeout = timeout;
    }

    public <T> Mono<T> get(Function<UriBuilder, URI> uri, Class<T> type) {
        return webClient.get()
            .uri(uri)
            .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
            .retrieve()
            .onStatus(HttpStatusCode::isError, LaunchpadApi::toProblem)
            .bodyToMono(type)
            .timeout(timeout)
            .onErrorMap(e -> e instanceof WebClientRequestException || e instanceof TimeoutException,
                    ApiProblemException::unreachable);
    }

    /**
     * Reads a public document for the web itself rather than for the person whose request
     * asks first: no token goes with it (a copy kept from it serves everyone, so it must
     * not depend on who fetched it). The whole answer comes back, headers included, for
     * callers that keep it by the API's {@code Cache-Control} and {@code ETag}; with
     * {@code ifNoneMatch} the API may answer 304, with no body.
     */
    public <T> Mono<ResponseEntity<T>> getPublic(Function<UriBuilder, URI> uri, @Nullable String ifNoneMatch,
            Class<T> type) {
        return webClient.get()
            .uri(uri)
            .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
            .headers(headers -> {
                if (ifNoneMatch != null) {
                    headers.setIfNoneMatch(ifNoneMatch);
                }
            })
            .retrieve()
            .onStatus(HttpStatusCode::isError, LaunchpadApi::toProblem)
            .toEntity(type)
            .timeout(timeout)
            .onErrorMap(e -> e instanceof WebClientRequestException || e instanceof TimeoutException,
                    ApiProblemException::unreachable)
            // the token relay finds the signed-in user in the Reactor context; without
            // one it sends no token
            .contextWrite(ReactiveSecurityContextHolder.clearContext());
    }

    /**
     * Sends a change as the current user (POST, PUT or DELETE), with a JSON body when
     * there is one; the answer body as the type, or empty for 204. Failures arrive as
     * {@link ApiProblemException} whose reason carries the API's detail, so a form can
     * show it next to the fields.
     */
    public <T> Mono<T> send(HttpMethod method, Function<UriBuilder, URI> uri, @Nullable Object body, Class<T> type) {
        return send(method, uri, null, body, type);
    }

    /**
     * As {@link #send(HttpMethod, Function, Object, Class)}, naming the version changed
     * in {@code If-Match}.
     */
    public <T> Mono<T> send(HttpMethod method, Function<UriBuilder, URI> uri, @Nullable String ifMatch,
            @Nullable Object body, Class<T> type) {
        return send(method, uri, ifMatch, HttpHeaders.EMPTY, body, type);
    }

    /** As above, with headers of the request's own ({@code Prefer: respond-async}). */
    public <T> Mono<T> send(HttpMethod method, Function<UriBuilder, URI> uri, @Nullable String ifMatch,
            HttpHeaders headers, @Nullable Object body, Class<T> type) {
        WebClient.RequestBodySpec request = webClient.method(method)
            .uri(uri)
            .headers(all -> all.addAll(headers))
            .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        WebClient.RequestHeadersSpec<?> withBody = body == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return withBody.retrieve()
            .onStatus(HttpStatusCode::isError, LaunchpadApi::toProblem)
            .bodyToMono(type)
            .timeout(timeout)
            .onErrorMap(e -> e instanceof WebClientRequestException || e instanceof TimeoutException,
                    ApiProblemException::unreachable);
    }

    private static Mono<ApiProblemException> toProblem(ClientResponse response) {
        int status = response.statusCode().value();
        Duration retryAfter = retryAfter(response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        // the body is a problem document when the API produced it; a proxy may send
        // anything else
        return response.bodyToMono(Problem.class)
            .onErrorResume(e -> Mono.empty())
            .map(p -> new ApiProblemException(status, p.title(), p.detail(), retryAfter, p.errors(), null))
            .defaultIfEmpty(new ApiProblemException(status, null, null, retryAfter, null));
    }

    private static @Nullable Duration retryAfter(@Nullable String header) {
        if (header == null || !header.chars().allMatch(Character::isDigit) || header.isEmpty()) {
            return null; // the HTTP-date form is not used by our API
        }
        return Duration.ofSeconds(Long.parseLong(header));
    }

    /** RFC 9457 problem details, the fields the pages may use. */
    record Problem(@Nullable String title, @Nullable Integer status, @Nullable String detail,
            @Nullable List<ApiProblemException.FieldError> errors) {
    }

}
