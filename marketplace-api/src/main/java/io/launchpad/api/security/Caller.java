package io.launchpad.api.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is asking: the token's subject and realm roles, or nobody. Handlers ask this, never
 * the raw token, so the rules read in domain words ("is an admin", "acts for an
 * association").
 */
public record Caller(String subject, @Nullable String username, @Nullable String name, @Nullable String email,
        Set<Role> roles) {

    /**
     * Realm roles. {@code PARTNER} is the services client (partner systems, client
     * credentials): it reads what is published and nothing about people; see
     * {@link SecurityConfiguration}.
     */
    public enum Role {

        ASSOCIATION, SUPPLIER, CANDIDATE, ADMIN, PARTNER

    }

    // The one caller without a subject. subject() stays non-null in the type because it
    // is read only for a
    // signed-in caller: the security chain lets no anonymous request reach the handlers
    // that read it, and
    // those that serve both ask isAnonymous() first. @Nullable would put a check that
    // cannot fail at each of
    // some fifty reads.
    @SuppressWarnings("NullAway")
    private static final Caller ANONYMOUS = new Caller(null, null, null, null, Set.of());

    public static Caller anonymous() {
        return ANONYMOUS;
    }

    /**
     * For trusted in-process work (demo data): acts with every person's role, never
     * reachable over HTTP.
     */
    public static Caller system() {
        return new Caller("system", "system", "Launchpad", null,
                Set.of(Role.ASSOCIATION, Role.SUPPLIER, Role.CANDIDATE, Role.ADMIN));
    }

    public static Mono<Caller> current() {
        return ReactiveSecurityContextHolder.getContext()
            .map(SecurityContext::getAuthentication)
            .map(Caller::from)
            .defaultIfEmpty(ANONYMOUS);
    }

    static Caller from(Authentication authentication) {
        if (!(authentication.getPrincipal() instanceof Jwt jwt)) {
            return ANONYMOUS;
        }
        Set<Role> roles = authentication.getAuthorities()
            .stream()
            .map(GrantedAuthority::getAuthority)
            .filter(authority -> authority.startsWith("ROLE_"))
            .map(authority -> authority.substring("ROLE_".length()).toUpperCase())
            .filter(Caller::isRole)
            .map(Role::valueOf)
            .collect(Collectors.toUnmodifiableSet());
        String subject = jwt.getSubject();
        if (subject == null) {
            return ANONYMOUS; // a token that names nobody acts for nobody
        }
        return new Caller(subject, jwt.getClaimAsString("preferred_username"), jwt.getClaimAsString("name"),
                jwt.getClaimAsString("email"), roles);
    }

    private static boolean isRole(String name) {
        for (Role role : Role.values()) {
            if (role.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** In-process work on the platform's behalf (demo data), never a person over HTTP. */
    public boolean isSystem() {
        return "system".equals(subject) && username != null && username.equals("system");
    }

    public boolean isAnonymous() {
        return subject == null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }
}
