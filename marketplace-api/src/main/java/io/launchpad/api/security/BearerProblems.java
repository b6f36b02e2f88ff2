package io.launchpad.api.security;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.FieldViolation;
import io.launchpad.api.problem.ProblemType;
import io.launchpad.api.problem.ProblemTypes;
import io.launchpad.api.problem.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.web.access.server.BearerTokenServerAccessDeniedHandler;
import org.springframework.security.oauth2.server.resource.web.server.BearerTokenServerAuthenticationEntryPoint;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.function.Function;

/**
 * 401s and 403s from the security chain: Spring Security's bearer-token handlers set the
 * status and the RFC 6750 {@code WWW-Authenticate} challenge
 * ({@code error="invalid_token"} and its description when a token was sent and rejected,
 * plain {@code Bearer realm=...} when none was); instead of completing the response
 * empty, each then writes a problem naming what was wrong.
 */
final class BearerProblems {

    private BearerProblems() {
    }

    static ServerAuthenticationEntryPoint unauthenticated(ProblemWriter problems) {
        var bearer = new BearerTokenServerAuthenticationEntryPoint();
        bearer.setRealmName(ApiProblem.REALM);
        return (exchange, failure) -> bearer
            .commence(answeringWith(exchange, problems, status -> problem(status, failure)), failure);
    }

    static ServerAccessDeniedHandler forbidden(ProblemWriter problems) {
        var bearer = new BearerTokenServerAccessDeniedHandler();
        bearer.setRealmName(ApiProblem.REALM);
        return (exchange,
                denied) -> bearer.handle(answeringWith(exchange, problems,
                        status -> ApiProblem.of(ProblemTypes.forStatus(status), "Your roles do not allow this")),
                        denied);
    }

    private static ApiProblem problem(int status, AuthenticationException failure) {
        if (failure instanceof OAuth2AuthenticationException oauth
                && oauth.getError() instanceof BearerTokenError error) {
            String description = error.getDescription() == null ? error.getErrorCode() : error.getDescription();
            return ApiProblem.fields(
                    ProblemTypes.forStatus(status), List.of(new FieldViolation(HttpHeaders.AUTHORIZATION,
                            error.getErrorCode().replace('_', '-'), "the bearer token was rejected: " + description)),
                    HttpHeaders.EMPTY);
        }
        return ApiProblem.of(ProblemType.UNAUTHENTICATED, "A valid bearer token is required");
    }

    /**
     * The exchange whose response, when the handler completes it, carries a problem body
     * instead of none.
     */
    private static ServerWebExchange answeringWith(ServerWebExchange exchange, ProblemWriter problems,
            Function<Integer, ApiProblem> problem) {
        ServerHttpResponse response = exchange.getResponse();
        return exchange.mutate().response(new ServerHttpResponseDecorator(response) {
            @Override
            public Mono<Void> setComplete() {
                int status = getStatusCode() == null ? 401 : getStatusCode().value();
                ApiProblem answer = problem.apply(status);
                // the handler's WWW-Authenticate is already on the response; the problem
                // must not replace it
                answer.getHeaders().remove(HttpHeaders.WWW_AUTHENTICATE);
                return problems.write(getDelegate(), answer);
            }
        }).build();
    }

}
