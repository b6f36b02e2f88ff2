package io.launchpad.web.security;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import com.nimbusds.jwt.JWTParser;

/**
 * Keycloak puts realm roles in the access token only, not in the ID token. The web reads
 * them at sign-in as {@code ROLE_<role>} authorities to choose which links to offer; it
 * does not verify the token's signature because it received it straight from Keycloak's
 * token endpoint, and because the API, which verifies every token, decides what each
 * person may actually do.
 */
@Configuration(proxyBeanMethods = false)
class RealmRoles {

    @Bean
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> oidcUserServiceWithRealmRoles() {
        OidcReactiveOAuth2UserService delegate = new OidcReactiveOAuth2UserService();
        return request -> delegate.loadUser(request).map(user -> {
            Set<GrantedAuthority> authorities = new LinkedHashSet<>(user.getAuthorities());
            roles(request.getAccessToken().getTokenValue())
                .forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
            String nameAttribute = request.getClientRegistration()
                .getProviderDetails()
                .getUserInfoEndpoint()
                .getUserNameAttributeName();
            return nameAttribute == null || nameAttribute.isBlank()
                    ? new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo())
                    : new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), nameAttribute);
        });
    }

    /**
     * The {@code realm_access.roles} claim of a JWT access token; none when the token is
     * opaque.
     */
    static List<String> roles(String accessToken) {
        try {
            Map<String, Object> realmAccess = JWTParser.parse(accessToken)
                .getJWTClaimsSet()
                .getJSONObjectClaim("realm_access");
            Object roles = realmAccess == null ? null : realmAccess.get("roles");
            List<String> names = new ArrayList<>();
            if (roles instanceof List<?> list) {
                list.forEach(role -> names.add(String.valueOf(role)));
            }
            return names;
        }
        catch (ParseException e) {
            return List.of();
        }
    }

}
