package io.launchpad.api.web;

import io.launchpad.api.problem.ApiProblem;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an {@link ApiProblem} raised in a web filter (before or after any controller) with its
 * field violations and headers intact, for the filters of the API contract (rate limits,
 * idempotency, sparse fields).
 */
public final class FilterProblems {

    private FilterProblems() {
    }

    public static Mono<Void> write(ServerHttpResponse response, ApiProblem problem, JsonMapper json) {
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(problem.getStatusCode());
        response.getHeaders().remove("ETag");
        response.getHeaders().addAll(problem.getHeaders());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] bytes = json.writeValueAsBytes(problem.getBody());
        response.getHeaders().setContentLength(bytes.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }
}
