package io.launchpad.api.problem;

import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem straight to the response, for the places that run before any
 * controller (the security chain, the firewall, unmatched routes, the HTTP server's own
 * refusals).
 */
@Component
public class ProblemWriter {

    private final JsonMapper json;

    ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerHttpResponse response, ProblemType type, String detail) {
        return write(response, ApiProblem.of(type, detail));
    }

    public Mono<Void> write(ServerHttpResponse response, ApiProblem problem) {
        return write(response, problem, json);
    }

    /**
     * The one way a problem is written outside a controller: also for the web filters of
     * the API contract (rate limits, idempotency, conditional requests, negotiation),
     * which hold the mapper. A problem never carries the ETag of what the handler was
     * about to send.
     */
    public static Mono<Void> write(ServerHttpResponse response, ApiProblem problem, JsonMapper json) {
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(problem.getStatusCode());
        response.getHeaders().remove("ETag");
        response.getHeaders().putAll(problem.getHeaders());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] bytes = json.writeValueAsBytes(problem.getBody());
        response.getHeaders().setContentLength(bytes.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    /** The body alone, for answers written below Spring (by the HTTP server itself). */
    public byte[] json(ApiProblem problem) {
        return json.writeValueAsBytes(problem.getBody());
    }

}
