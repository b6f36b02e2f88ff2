package io.launchpad.web.challenge;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.launchpad.web.account.Account;
import io.launchpad.web.api.ApiProblemException;
import reactor.core.publisher.Mono;

@Controller
class ChallengeController {

    private static final Logger log = LoggerFactory.getLogger(ChallengeController.class);

    private final Challenges challenges;

    private final Account account;

    private final Taxonomy taxonomy;

    ChallengeController(Challenges challenges, Account account, Taxonomy taxonomy) {
        this.challenges = challenges;
        this.account = account;
        this.taxonomy = taxonomy;
    }

    /** Both pages turn the API's codes into labels. */
    @ModelAttribute("taxonomy")
    Taxonomy taxonomy() {
        return taxonomy;
    }

    @GetMapping("/")
    Mono<String> published(@RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @Nullable String cursor, Model model) {
        var filter = taxonomy.known(new ChallengeFilter(category, region, cursor));
        return challenges.published(filter).map(page -> {
            model.addAttribute("page", page);
            model.addAttribute("categoryOptions", taxonomy.categoryOptions(filter.category()));
            model.addAttribute("regionOptions", taxonomy.regionOptions(filter.region()));
            if (page.nextCursor() != null) {
                model.addAttribute("nextPageLink", filter.linkTo(page.nextCursor()));
            }
            if (!filter.isFirstPage()) {
                model.addAttribute("firstPageLink", filter.linkTo(null));
            }
            return "challenges";
        });
    }

    /** An unknown challenge surfaces as the API's 404, which Boot renders with {@code error/404.html}. */
    @GetMapping("/challenges/{id}")
    Mono<String> challenge(@PathVariable String id, @AuthenticationPrincipal @Nullable OidcUser user, Model model) {
        return challenges.challenge(id)
            .flatMap(challenge -> matchesFor(challenge, user).map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .map(matches -> {
                    model.addAttribute("challenge", challenge);
                    matches.ifPresent(section -> model.addAttribute("matches", section));
                    return "challenge";
                }));
    }

    /** Only members of the owning association see who matched; everyone else gets no section at all. */
    private Mono<MatchesSection> matchesFor(Challenge challenge, @Nullable OidcUser user) {
        if (user == null) {
            return Mono.empty();
        }
        return account.me()
            .onErrorResume(ApiProblemException.class, e -> {
                // without memberships we cannot tell an owner from anyone else, so show nothing
                log.warn("Could not read the signed-in user's memberships: {}", e.getReason());
                return Mono.empty();
            })
            .filter(me -> me.isMemberOf(challenge.organisationId()))
            .flatMap(me -> challenges.matches(challenge.id())
                .map(MatchesSection::of)
                .onErrorResume(ApiProblemException.class, e -> {
                    if (e.isForbidden()) {
                        return Mono.empty(); // the API has the last word on who may see matches
                    }
                    log.warn("Matches for challenge {} unavailable: {}", challenge.id(), e.getReason());
                    return Mono.just(MatchesSection.whenUnavailable());
                }));
    }
}
