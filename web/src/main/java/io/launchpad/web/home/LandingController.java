package io.launchpad.web.home;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;

import io.launchpad.web.account.Account;
import io.launchpad.web.api.ApiProblemException;
import io.launchpad.web.api.LaunchpadApi;

import reactor.core.publisher.Mono;

/**
 * The front door. A visitor reads what Launchpad does for each kind of person, how to
 * join, and the latest open challenges, open board roles and completed pilots; a
 * signed-in person goes straight to their home or to the onboarding step they have not
 * finished. Old links to the challenge list ({@code /?q=damp}) are sent on to
 * {@code /challenges} with their query.
 */
@Controller
class LandingController {

    private static final Logger log = LoggerFactory.getLogger(LandingController.class);

    /** How many of each the landing page shows. */
    static final int SHOWN = 3;

    private final LaunchpadApi api;

    private final Account account;

    LandingController(LaunchpadApi api, Account account) {
        this.api = api;
        this.account = account;
    }

    record Challenges(List<ChallengeCard> items) {

        Challenges {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    record ChallengeCard(String id, String title, @Nullable String organisationName, @Nullable String summary,
            @Nullable LocalDate closingDate) {
    }

    record BoardRoles(List<BoardRoleCard> items) {

        BoardRoles {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    record BoardRoleCard(String id, String title, @Nullable String organisationName, @Nullable String status,
            @Nullable String region, @Nullable LocalDate closingDate) {
    }

    record Pilots(List<PilotCard> items) {

        Pilots {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    record PilotCard(String id, String title, @Nullable String outcome, @Nullable Instant completedAt) {

        /** The API's verdict on the pilot's outcome measures, in words. */
        public @Nullable String result() {
            return outcome == null ? null : switch (outcome) {
                case "met" -> "Every outcome measure met its target";
                case "partly-met" -> "Some outcome measures met their targets";
                case "not-met" -> "The outcome measures did not meet their targets";
                default -> null;
            };
        }
    }

    @GetMapping("/")
    Mono<Rendering> front(ServerHttpRequest request, @AuthenticationPrincipal @Nullable OidcUser user, Model model) {
        if (!request.getQueryParams().isEmpty()) {
            // the query goes on as it came (already encoded): a redirect view would
            // encode it again
            return Mono.just(Rendering.redirectTo("/challenges").propagateQuery(true).build());
        }
        if (user != null) {
            return account.me().map(Homes::next).onErrorResume(ApiProblemException.class, e -> {
                // the API could not say which organisations the person acts for: the
                // role's home still helps
                log.warn("Could not read the signed-in person for their home: {}", e.getReason());
                return Mono.just(Homes.homeOf(Homes.roles(user)));
            }).map(home -> Rendering.redirectTo(home).build());
        }
        return Mono.zip(challenges(), boardRoles(), pilots()).map(sections -> {
            model.addAttribute("challenges", sections.getT1());
            model.addAttribute("boardRoles", sections.getT2());
            model.addAttribute("pilots", sections.getT3());
            return Rendering.view("home/landing").build();
        });
    }

    /**
     * The link a visitor follows to create an account: Keycloak's registration page
     * (prompt=create, OIDC).
     */
    @GetMapping("/create-account")
    String createAccount() {
        return "redirect:/oauth2/authorization/keycloak?prompt=create";
    }

    private Mono<List<ChallengeCard>> challenges() {
        return api.get(uri -> uri.path("/api/v1/challenges").queryParam("limit", SHOWN).build(), Challenges.class)
            .map(page -> page.items().stream().limit(SHOWN).toList())
            .onErrorResume(ApiProblemException.class, e -> unavailable("challenges", e));
    }

    private Mono<List<BoardRoleCard>> boardRoles() {
        // the public list holds open and closed roles, newest first: only open ones are
        // worth showing
        return api.get(uri -> uri.path("/api/v1/board-roles").queryParam("limit", 20).build(), BoardRoles.class)
            .map(page -> page.items().stream().filter(role -> "open".equals(role.status())).limit(SHOWN).toList())
            .onErrorResume(ApiProblemException.class, e -> unavailable("board roles", e));
    }

    private Mono<List<PilotCard>> pilots() {
        return api.get(uri -> uri.path("/api/v1/pilots/completed").queryParam("limit", SHOWN).build(), Pilots.class)
            .map(Pilots::items)
            .onErrorResume(ApiProblemException.class, e -> unavailable("completed pilots", e));
    }

    /**
     * One section the API could not fill is left empty; the page still explains Launchpad
     * and how to join.
     */
    private static <T> Mono<List<T>> unavailable(String what, ApiProblemException e) {
        log.warn("Landing page without {}: {}", what, e.getReason());
        return Mono.just(List.of());
    }

}
