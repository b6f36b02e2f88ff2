package io.launchpad.api.problem;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem straight to the response, for the places that run before any controller
 * (the security chain, the firewall, unmatched routes, the HTTP server's own refusals).
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
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(problem.getStatusCode());
        response.getHeaders().putAll(problem.getHeaders());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer buffer = response.bufferFactory().wrap(json(problem));
        return response.writeWith(Mono.just(buffer));
    }

    /** The body alone, for answers written below Spring (by the HTTP server itself). */
    public byte[] json(ApiProblem problem) {
        return json.writeValueAsBytes(problem.getBody());
    }
}
