package io.launchpad.web.home;

import java.util.List;

import io.launchpad.web.account.Me;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * Where a signed-in person starts: their role's home, or the onboarding step they have
 * not finished. Realm roles decide the home (an admin's work comes first); a person with
 * no marketplace role chooses one, and association staff or suppliers who act for no
 * organisation of their kind register or join one.
 */
final class Homes {

    private Homes() {
    }

    /**
     * The realm roles the sign-in read from the access token ({@code ROLE_<role>}
     * authorities).
     */
    static List<String> roles(AuthenticatedPrincipal user) {
        if (!(user instanceof OAuth2User oauth2)) {
            return List.of();
        }
        return oauth2.getAuthorities()
            .stream()
            .map(GrantedAuthority::getAuthority)
            .filter(authority -> authority != null && authority.startsWith("ROLE_"))
            .map(authority -> authority.substring("ROLE_".length()))
            .toList();
    }

    /** The home for these realm roles, without looking at memberships. */
    static String homeOf(List<String> roles) {
        if (roles.contains("admin")) {
            return "/admin";
        }
        if (roles.contains("association")) {
            return "/association";
        }
        if (roles.contains("supplier")) {
            return "/supplier";
        }
        if (roles.contains("candidate")) {
            return "/candidate";
        }
        return "/onboarding";
    }

    /**
     * As {@link #homeOf}, sending association staff and suppliers without an organisation
     * to register or join one.
     */
    static String next(Me me) {
        String home = homeOf(me.roles());
        String type = switch (home) {
            case "/association" -> "association";
            case "/supplier" -> "supplier";
            default -> null;
        };
        if (type != null && me.memberships().stream().noneMatch(m -> type.equals(m.organisationType()))) {
            return "/onboarding/organisation";
        }
        return home;
    }

}
