package io.launchpad.web.security;

import java.util.Set;

import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;

/**
 * Sign-ins that start on one of Keycloak's own pages, in the site's theme: "Create an
 * account" with {@code prompt=create} (OpenID Connect's "Initiating User Registration",
 * which Keycloak 26 supports; its older {@code /registrations} endpoint is deprecated and
 * carries no state Spring Security could check), and "Change your password" with
 * {@code kc_action=UPDATE_PASSWORD} (Keycloak's application-initiated actions), so people
 * never need Keycloak's own account console. Each is the same authorization request
 * (state, nonce, PKCE), so the code that comes back signs the person in. Only these
 * values pass: the parameters are not a way to send Keycloak anything else.
 */
final class KeycloakPageRequests implements ServerOAuth2AuthorizationRequestResolver {

    static final String PROMPT = "prompt";
    static final String CREATE = "create";
    static final String ACTION = "kc_action";
    static final Set<String> ACTIONS = Set.of("UPDATE_PASSWORD");

    private final ServerOAuth2AuthorizationRequestResolver delegate;

    KeycloakPageRequests(ServerOAuth2AuthorizationRequestResolver delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange) {
        return delegate.resolve(exchange).map(request -> withPage(exchange, request));
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange, String clientRegistrationId) {
        return delegate.resolve(exchange, clientRegistrationId).map(request -> withPage(exchange, request));
    }

    private static OAuth2AuthorizationRequest withPage(ServerWebExchange exchange, OAuth2AuthorizationRequest request) {
        MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
        if (CREATE.equals(query.getFirst(PROMPT))) {
            return with(request, PROMPT, CREATE);
        }
        String action = query.getFirst(ACTION);
        return action != null && ACTIONS.contains(action) ? with(request, ACTION, action) : request;
    }

    private static OAuth2AuthorizationRequest with(OAuth2AuthorizationRequest request, String name, String value) {
        return OAuth2AuthorizationRequest.from(request)
            .additionalParameters(parameters -> parameters.put(name, value))
            .authorizationRequestUri(UriComponentsBuilder.fromUriString(request.getAuthorizationRequestUri())
                .replaceQueryParam(name, value)
                .build(true)
                .toUriString())
            .build();
    }

}
