package io.launchpad.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;

/**
 * Realm roles come from Keycloak's access token, where it puts them
 * ({@code realm_access.roles}).
 */
class RealmRolesTest {

    @Test
    void readsTheRealmRolesOfAKeycloakAccessToken() {
        String token = new PlainJWT(new JWTClaimsSet.Builder().subject("chidi")
            .claim("realm_access", Map.of("roles", List.of("candidate", "offline_access")))
            .build()).serialize();
        assertThat(RealmRoles.roles(token)).containsExactly("candidate", "offline_access");
    }

    @Test
    void anOpaqueTokenOrOneWithoutRolesGivesNone() {
        assertThat(RealmRoles.roles("not-a-jwt")).isEmpty();
        String token = new PlainJWT(new JWTClaimsSet.Builder().subject("chidi").build()).serialize();
        assertThat(RealmRoles.roles(token)).isEmpty();
    }

}
