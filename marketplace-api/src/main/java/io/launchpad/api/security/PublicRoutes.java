package io.launchpad.api.security;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;

/**
 * The API requests anyone may make without a token. The security chain permits exactly
 * these and the contract marks exactly these as needing no token, so a route made public
 * in one cannot be forgotten in the other (they had drifted: open data and the pilot
 * library were public but documented as needing a token).
 */
public final class PublicRoutes {

    record Route(HttpMethod method, List<String> patterns) {
    }

    static final List<Route> ALL = List.of(
            new Route(HttpMethod.GET,
                    List.of("/api/v1/taxonomy", "/api/v1/challenges", "/api/v1/challenges/*", "/api/v1/suppliers",
                            "/api/v1/suppliers/*", "/api/v1/organisations/*", "/api/v1/search/challenges",
                            "/api/v1/search/suppliers",
                            // published Q&A, completed pilots (public evidence)
                            "/api/v1/challenges/*/questions", "/api/v1/suppliers/*/pilots", "/api/v1/pilots/*",
                            // the landing page shows open board roles to visitors (drafts
                            // stay with their association)
                            "/api/v1/board-roles", "/api/v1/board-roles/*",
                            // open data: public by nature
                            "/api/v1/open-data/**", "/api/v1/pilot-library", "/api/v1/pilot-library/*",
                            // client generators and linters fetch the contract without a
                            // token
                            "/api/v1/openapi.json")),
            // one-click unsubscribe from an email (the signed token in the body is the
            // authority)
            new Route(HttpMethod.POST, List.of("/api/v1/notifications/unsubscribe")));

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private PublicRoutes() {
    }

    /**
     * Whether a request needs no token. {@code path} may be a concrete path or a contract
     * path template ({@code /api/v1/challenges/{id}}): a template variable stands for one
     * path segment.
     */
    public static boolean isPublic(HttpMethod method, String path) {
        String concrete = path.replaceAll("\\{[^}]+}", "x");
        return ALL.stream()
            .filter(route -> route.method().equals(method))
            .flatMap(route -> route.patterns().stream())
            .anyMatch(pattern -> PATHS.match(pattern, concrete));
    }

}
