package io.launchpad.api.onboarding;

import io.launchpad.api.privacy.KeycloakAdmin;
import io.launchpad.api.privacy.SignInAccountProperties;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keycloak's admin REST API, for onboarding: which realm roles a person holds now, and
 * granting one. It signs in as the same account-admin client erasure uses (client
 * credentials; realm-management {@code manage-users} is enough: it lets the client view
 * users and map any non-admin role, while reading the realm's roles by name would need
 * {@code view-realm}, so the role's id is taken from the person's own "available roles"
 * list instead).
 */
@Component
class KeycloakRealmRoles {

    /**
     * Keycloak's brief role representation; the mapping endpoint needs both id and name.
     */
    record RealmRole(String id, String name) {
    }

    private static final ParameterizedTypeReference<List<RealmRole>> ROLES = new ParameterizedTypeReference<>() {
    };

    private final SignInAccountProperties properties;

    private final WebClient http;

    private final KeycloakAdmin keycloak;

    KeycloakRealmRoles(KeycloakAdmin keycloak) {
        this.keycloak = keycloak;
        this.properties = keycloak.properties();
        this.http = keycloak.http();
    }

    boolean configured() {
        return properties.configured();
    }

    /**
     * The realm roles mapped to the person directly (not through groups or composites),
     * by name.
     */
    Mono<Set<String>> held(String subject) {
        return keycloak.token()
            .flatMap(token -> http.get()
                .uri("/admin/realms/{realm}/users/{id}/role-mappings/realm", properties.realm(), subject)
                .headers(headers -> headers.setBearerAuth(token))
                .retrieve()
                .bodyToMono(ROLES))
            .map(roles -> roles.stream().map(RealmRole::name).collect(Collectors.toUnmodifiableSet()))
            .timeout(properties.timeout());
    }

    /**
     * Maps the realm role to the person. Completes empty when Keycloak does not offer the
     * role for this person (unknown role, or already held), which the caller reports.
     */
    Mono<RealmRole> grant(String subject, String roleName) {
        return keycloak.token()
            .flatMap(token -> http.get()
                .uri("/admin/realms/{realm}/users/{id}/role-mappings/realm/available", properties.realm(), subject)
                .headers(headers -> headers.setBearerAuth(token))
                .retrieve()
                .bodyToMono(ROLES)
                .flatMap(available -> Mono
                    .justOrEmpty(available.stream().filter(role -> roleName.equals(role.name())).findFirst()))
                .flatMap(role -> http.post()
                    .uri("/admin/realms/{realm}/users/{id}/role-mappings/realm", properties.realm(), subject)
                    .headers(headers -> headers.setBearerAuth(token))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(List.of(role))
                    .retrieve()
                    .toBodilessEntity()
                    .thenReturn(role)))
            .timeout(properties.timeout());
    }

}
