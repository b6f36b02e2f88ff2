package io.launchpad.api.security;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

/**
 * The services client ({@code launchpad-services}, realm role {@code partner}) is a
 * machine acting for partner systems, not a person: it never joins organisations,
 * applies, evaluates or sees candidates, so beyond the published reads every route
 * refuses it here, before any feature rule (a feature's rule mistaken for "any signed-in
 * caller" then cannot widen what it reaches). A token that carries {@code partner} is
 * confined whatever other roles it also carries.
 */
final class PartnerConfinement {

    static final String PARTNER = "ROLE_PARTNER";

    private PartnerConfinement() {
    }

    static Mono<AuthorizationResult> personOrAdmin(Mono<Authentication> authentication, AuthorizationContext context) {
        return authentication.filter(Authentication::isAuthenticated)
            .<AuthorizationResult>map(signedIn -> new AuthorizationDecision(signedIn.getAuthorities()
                .stream()
                .noneMatch(authority -> PARTNER.equalsIgnoreCase(authority.getAuthority()))))
            .defaultIfEmpty(new AuthorizationDecision(false));
    }

}
