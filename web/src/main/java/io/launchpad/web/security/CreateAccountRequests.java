package io.launchpad.web.security;

import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;

/**
 * "Create an account" is a sign-in that starts on Keycloak's registration page: the same authorization
 * request (state, nonce, PKCE, so the code that comes back after registering signs the person in), with
 * {@code prompt=create} from OpenID Connect's "Initiating User Registration", which Keycloak 26 supports
 * (its older {@code /registrations} endpoint is deprecated, and carries no state Spring Security could
 * check). Only that one value passes: the parameter is not a way to send Keycloak anything else.
 */
final class CreateAccountRequests implements ServerOAuth2AuthorizationRequestResolver {

    static final String PROMPT = "prompt";
    static final String CREATE = "create";

    private final ServerOAuth2AuthorizationRequestResolver delegate;

    CreateAccountRequests(ServerOAuth2AuthorizationRequestResolver delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange) {
        return delegate.resolve(exchange).map(request -> wantsAccount(exchange) ? withCreate(request) : request);
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange, String clientRegistrationId) {
        return delegate.resolve(exchange, clientRegistrationId)
            .map(request -> wantsAccount(exchange) ? withCreate(request) : request);
    }

    private static boolean wantsAccount(ServerWebExchange exchange) {
        return CREATE.equals(exchange.getRequest().getQueryParams().getFirst(PROMPT));
    }

    private static OAuth2AuthorizationRequest withCreate(OAuth2AuthorizationRequest request) {
        return OAuth2AuthorizationRequest.from(request)
            .additionalParameters(parameters -> parameters.put(PROMPT, CREATE))
            .authorizationRequestUri(UriComponentsBuilder.fromUriString(request.getAuthorizationRequestUri())
                .replaceQueryParam(PROMPT, CREATE).build(true).toUriString())
            .build();
    }
}
