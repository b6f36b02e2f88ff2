package io.launchpad.web.security;

import java.net.URI;

import org.springframework.core.annotation.Order;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import io.launchpad.web.api.ApiProblemException;
import reactor.core.publisher.Mono;

/**
 * A page the API refused with 401 (nobody signed in, or a sign-in that has expired) sends
 * the person to sign in and, for a page they were reading, back to it afterwards: signing
 * in is what would help, so that is where they go, rather than to an error page. Every
 * other failure passes on to Boot's error pages (403, 404, 502), which run after this
 * handler.
 */
@Component
@Order(-2)
class SignInWhenTheApiAsks implements WebExceptionHandler {

    static final URI SIGN_IN = URI.create("/oauth2/authorization/keycloak");

    private final ServerRequestCache requests = new WebSessionServerRequestCache();

    private final ServerRedirectStrategy redirects = new DefaultServerRedirectStrategy();

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (!(failure instanceof ApiProblemException problem) || !problem.isUnauthenticated()
                || exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        return requests.saveRequest(exchange).then(redirects.sendRedirect(exchange, SIGN_IN));
    }

}
