package io.launchpad.api.privacy;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Keycloak's admin REST API as the account-admin client (client credentials): one place
 * that knows where Keycloak is and how that client signs in, for erasure (deleting the
 * sign-in account) and onboarding (granting a first realm role).
 */
@Component
public class KeycloakAdmin {

    private final SignInAccountProperties properties;

    private final WebClient http;

    KeycloakAdmin(SignInAccountProperties properties) {
        this.properties = properties;
        this.http = WebClient.builder().baseUrl(properties.baseUrl()).build();
    }

    public SignInAccountProperties properties() {
        return properties;
    }

    /**
     * A client for Keycloak's base URL; admin calls add {@link #token()} as their bearer.
     */
    public WebClient http() {
        return http;
    }

    /** A fresh access token for the account-admin client. */
    @SuppressWarnings("rawtypes")
    public Mono<String> token() {
        return http.post()
            .uri("/realms/{realm}/protocol/openid-connect/token", properties.realm())
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData("grant_type", "client_credentials")
                .with("client_id", properties.clientId())
                .with("client_secret", properties.clientSecret()))
            .retrieve()
            .bodyToMono(Map.class)
            .flatMap(body -> body.get("access_token") instanceof String token ? Mono.just(token)
                    : Mono.error(new IllegalStateException("Keycloak's token response has no access_token")));
    }

}
