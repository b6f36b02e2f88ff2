package io.launchpad.api.web;

import io.launchpad.api.problem.ProblemWriter;
import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * Content negotiation before side effects. Spring picks the response's media type only
 * after the handler has run, so a write sent with {@code Accept: application/xml} used to
 * be carried out and then answered 406, and a client that retried made a duplicate. Every
 * API write answers in JSON, so a write whose caller does not accept
 * {@code application/json} is refused here, before anything runs.
 * ({@code application/problem+json} alone is not enough: it only describes errors.)
 */
@Component
class AcceptableWriteFilter implements WebFilter, Ordered {

    /** Before rate limiting, idempotency and every handler; after the security chain. */
    static final int ORDER = -60;

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    private final JsonMapper json;

    AcceptableWriteFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        if (SAFE.contains(request.getMethod()) || !request.getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        List<String> accept = request.getHeaders().getOrEmpty(HttpHeaders.ACCEPT);
        if (accept.isEmpty()) {
            return chain.filter(exchange);
        }
        List<MediaType> acceptable;
        try {
            acceptable = MediaType.parseMediaTypes(accept);
        }
        catch (InvalidMediaTypeException e) {
            return refuse(exchange, "is not a valid media type list: " + e.getMessage());
        }
        boolean acceptsJson = acceptable.stream()
            .anyMatch(type -> type.getQualityValue() > 0 && type.isCompatibleWith(MediaType.APPLICATION_JSON));
        return acceptsJson ? chain.filter(exchange) : refuse(exchange,
                "must accept application/json: this API answers writes in JSON (and refusals in application/problem+json)");
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String message) {
        return ProblemWriter.write(exchange.getResponse(),
                ApiProblem.field(ProblemType.NOT_ACCEPTABLE, HttpHeaders.ACCEPT, "acceptable-media-type", message),
                json);
    }

}
