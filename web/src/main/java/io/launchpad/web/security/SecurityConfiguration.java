package io.launchpad.web.security;

import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http,
            ReactiveClientRegistrationRepository clientRegistrations, OAuth2ClientProperties oauth2Client,
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping pages) {
        return http.authorizeExchange(exchanges -> exchanges
            // writing a challenge needs an account whatever the API would say
            .pathMatchers("/challenges/new", "/challenges/mine")
            .authenticated()
            // published challenges are public; the API decides what an anonymous caller
            // may see, and
            // a page it refuses with 401 sends the visitor to sign in
            // (SignInWhenTheApiAsks)
            .pathMatchers("/", "/challenges/**", "/suppliers/*", "/css/**", "/favicon.ico", "/error",
                    "/actuator/health/**")
            .permitAll()
            // the footer's pages: anyone may read them
            .pathMatchers("/accessibility", "/privacy", "/contact", "/open-data", "/library", "/library/*")
            .permitAll()
            // after erasure the person is signed out; the page saying so must not ask
            // them to sign in
            .pathMatchers("/account/erased")
            .permitAll()
            // the landing page's "Create an account" goes on to Keycloak's registration
            // (issue 12)
            .pathMatchers("/create-account")
            .permitAll()
            // said when Keycloak does not answer (SignInAvailability): signing in cannot
            // help there
            .pathMatchers(SignInAvailability.PAGE)
            .permitAll()
            // operational figures, no personal data; production serves them on the
            // management port,
            // which only the monitoring namespace may reach (infra/deploy)
            .pathMatchers("/actuator/prometheus")
            .permitAll()
            .pathMatchers("/actuator/**")
            .denyAll()
            // an address with no page answers 404 to everyone: signing in would not make
            // it exist
            .matchers(noPageAt(pages))
            .permitAll()
            .anyExchange()
            .authenticated())
            .oauth2Login(login -> login.authorizationRequestResolver(pkceAuthorizationRequests(clientRegistrations)))
            .logout(logout -> logout.logoutSuccessHandler(backToHomeAfterKeycloakLogout(clientRegistrations)))
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(oauth2Client))))
            .build();
    }

    /**
     * Matches a request no controller answers. A path that exists for another method
     * counts as a page (its 405 comes from the controller side), as does any doubt: then
     * the request needs a sign-in.
     */
    static ServerWebExchangeMatcher noPageAt(RequestMappingHandlerMapping pages) {
        return exchange -> pages.getHandler(exchange)
            .hasElement()
            .onErrorReturn(true)
            .flatMap(isPage -> isPage ? MatchResult.notMatch() : MatchResult.match());
    }

    /**
     * The pages need no script at all, so none may run: a second line of defence should
     * text from the API ever reach the page as markup. Forms may post here only, and
     * (because browsers apply form-action to the redirect that follows) on to Keycloak,
     * where signing out ends up.
     */
    static String contentSecurityPolicy(OAuth2ClientProperties oauth2Client) {
        StringBuilder formTargets = new StringBuilder("'self'");
        oauth2Client.getProvider()
            .values()
            .stream()
            .map(OAuth2ClientProperties.Provider::getIssuerUri)
            .filter(issuer -> issuer != null && !issuer.isBlank())
            .map(issuer -> UriComponentsBuilder.fromUriString(issuer)
                .replacePath(null)
                .replaceQuery(null)
                .toUriString())
            .distinct()
            .forEach(origin -> formTargets.append(' ').append(origin));
        return "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                + "form-action " + formTargets;
    }

    /**
     * Keycloak requires PKCE (S256) for the public {@code launchpad-web} client. Spring
     * Security already adds it for clients without a secret; asking for it explicitly
     * keeps it on should the client ever become confidential.
     */
    private static ServerOAuth2AuthorizationRequestResolver pkceAuthorizationRequests(
            ReactiveClientRegistrationRepository clientRegistrations) {
        var resolver = new DefaultServerOAuth2AuthorizationRequestResolver(clientRegistrations);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return new KeycloakPageRequests(resolver);
    }

    /**
     * Ends the Keycloak session too (RP-initiated logout), otherwise "Sign in" would sign
     * straight back in.
     */
    private static ServerLogoutSuccessHandler backToHomeAfterKeycloakLogout(
            ReactiveClientRegistrationRepository clientRegistrations) {
        var handler = new OidcClientInitiatedServerLogoutSuccessHandler(clientRegistrations);
        handler.setPostLogoutRedirectUri("{baseUrl}/");
        return handler;
    }

}
