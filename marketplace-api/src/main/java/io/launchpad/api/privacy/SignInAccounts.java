package io.launchpad.api.privacy;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Keycloak's admin REST API, for one thing: deleting a person's sign-in account when they
 * erase their data. It signs in as the account-admin client (client credentials), then
 * {@code DELETE /admin/realms/{realm}/users/{id}}; Keycloak's user id is the token's
 * {@code sub}, the subject everything here is keyed by. An account that is already gone
 * counts as deleted.
 */
@Component
@EnableConfigurationProperties(SignInAccountProperties.class)
class SignInAccounts {

    private final SignInAccountProperties properties;

    private final WebClient http;

    private final KeycloakAdmin keycloak;

    SignInAccounts(KeycloakAdmin keycloak) {
        this.keycloak = keycloak;
        this.properties = keycloak.properties();
        this.http = keycloak.http();
    }

    /**
     * Completes when Keycloak no longer has the account; errors when it could not be
     * asked or refused.
     */
    Mono<Void> delete(String subject) {
        if (!properties.configured()) {
            return Mono.error(new IllegalStateException("no client secret for " + properties.clientId()
                    + " (launchpad.identity.account-admin.client-secret)"));
        }
        return keycloak.token()
            .flatMap(token -> http.delete()
                .uri("/admin/realms/{realm}/users/{id}", properties.realm(), subject)
                .headers(headers -> headers.setBearerAuth(token))
                .retrieve()
                .toBodilessEntity()
                .then()
                // only the user's own 404 means gone; a 404 for the token (a wrong realm)
                // is an error
                .onErrorResume(WebClientResponseException.class,
                        e -> e.getStatusCode().value() == HttpStatus.NOT_FOUND.value() ? Mono.empty() : Mono.error(e)))
            .timeout(properties.timeout());
    }

}
