package io.launchpad.api.server;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import io.launchpad.api.problem.ProblemWriter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.reactivestreams.Publisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import java.util.List;

/**
 * Answers requests whose target {@link RequestTargets} refuses, with a problem naming the
 * part and the rule.
 */
final class UnreadableTargets {

    private final ProblemWriter problems;

    UnreadableTargets(ProblemWriter problems) {
        this.problems = problems;
    }

    boolean matches(HttpServerRequest request) {
        return RequestTargets.violation(request.uri()).isPresent();
    }

    Publisher<Void> answer(HttpServerRequest request, HttpServerResponse response) {
        ApiProblem problem = ApiProblem.fields(ProblemType.INVALID_REQUEST_TARGET,
                List.of(RequestTargets.violation(request.uri()).orElseThrow()), HttpHeaders.EMPTY);
        // the connection stays usable: Reactor Netty discards any body the client still
        // sends
        return response.status(HttpResponseStatus.BAD_REQUEST)
            .header(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
            .sendByteArray(Mono.just(problems.json(problem)))
            .then();
    }

}
