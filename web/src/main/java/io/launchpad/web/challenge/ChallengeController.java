package io.launchpad.web.challenge;

import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.launchpad.web.account.Account;
import io.launchpad.web.account.Me;
import io.launchpad.web.api.ApiProblemException;
import io.launchpad.web.organisation.OrganisationRegisters;
import reactor.core.publisher.Mono;

@Controller
class ChallengeController {

    private static final Logger log = LoggerFactory.getLogger(ChallengeController.class);

    private final Challenges challenges;

    private final Account account;

    private final Taxonomies taxonomies;

    private final ChallengeFollowing following;

    private final OrganisationRegisters organisations;

    ChallengeController(Challenges challenges, Account account, Taxonomies taxonomies, ChallengeFollowing following,
            OrganisationRegisters organisations) {
        this.challenges = challenges;
        this.account = account;
        this.taxonomies = taxonomies;
        this.following = following;
        this.organisations = organisations;
    }

    /**
     * The list of open challenges; {@code /} is the landing page and sends old
     * {@code /?q=} links here.
     */
    @GetMapping("/challenges")
    Mono<String> published(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @Nullable String cursor, Model model) {
        return taxonomies.current().flatMap(taxonomy -> {
            var filter = taxonomy.known(new ChallengeFilter(q, category, region, cursor));
            model.addAttribute("taxonomy", taxonomy);
            return challenges.published(filter).map(page -> listed(taxonomy, filter, page, model));
        });
    }

    private static String listed(Taxonomy taxonomy, ChallengeFilter filter, ChallengePage page, Model model) {
        model.addAttribute("page", page);
        model.addAttribute("filter", filter);
        var categoryOptions = taxonomy.categoryOptions(filter.category());
        var regionOptions = taxonomy.regionOptions(filter.region());
        model.addAttribute("categoryOptions",
                filter.isSearch() ? Taxonomy.withCounts(categoryOptions, page.counts("category")) : categoryOptions);
        model.addAttribute("regionOptions",
                filter.isSearch() ? Taxonomy.withCounts(regionOptions, page.counts("region")) : regionOptions);
        if (page.nextCursor() != null) {
            model.addAttribute("nextPageLink", filter.linkTo(page.nextCursor()));
        }
        if (!filter.isFirstPage()) {
            model.addAttribute("firstPageLink", filter.linkTo(null));
        }
        return "challenges";
    }

    /**
     * An unknown challenge surfaces as the API's 404, which Boot renders with
     * {@code error/404.html}.
     */
    @GetMapping("/challenges/{id}")
    Mono<String> challenge(@PathVariable String id, @AuthenticationPrincipal @Nullable OidcUser user,
            @RequestParam(name = "matches", required = false) @Nullable String matchesCursor,
            @RequestParam(name = "from", required = false) @Nullable Integer from, Model model) {
        model.addAttribute("taxonomy", taxonomies.current());
        return challenges.challenge(id).flatMap(challenge -> {
            // one look-up of the person serves both sections
            Mono<Me> me = user == null ? Mono.empty() : signedInPerson().cache();
            MatchesPage page = MatchesPage.of(matchesCursor, from);
            return Mono
                .zip(optional(matchesFor(challenge, me, page)), optional(followButtonFor(challenge, me)),
                        organisations.of(challenge.organisationId()))
                .map(sections -> {
                    model.addAttribute("challenge", challenge);
                    sections.getT1().ifPresent(section -> model.addAttribute("matches", section));
                    sections.getT2().ifPresent(button -> model.addAttribute("follow", button));
                    // who set it, as they are on public registers
                    model.addAttribute("registers", sections.getT3());
                    return "challenge";
                });
        });
    }

    @PostMapping("/challenges/{id}/follow")
    Mono<String> follow(@PathVariable String id, @AuthenticationPrincipal @Nullable OidcUser user, Model model) {
        return changeFollowing(id, user, model, following::follow);
    }

    @PostMapping("/challenges/{id}/unfollow")
    Mono<String> unfollow(@PathVariable String id, @AuthenticationPrincipal @Nullable OidcUser user, Model model) {
        return changeFollowing(id, user, model, following::unfollow);
    }

    /**
     * Back to the challenge when the API agrees; the page again with the API's reason
     * when it refuses.
     */
    private Mono<String> changeFollowing(String id, @Nullable OidcUser user, Model model,
            Function<String, Mono<Void>> change) {
        if (user == null) {
            return Mono.just("redirect:/oauth2/authorization/keycloak");
        }
        return change.apply(id).thenReturn("redirect:/challenges/" + id).onErrorResume(ApiProblemException.class, e -> {
            if (!e.isRefusal()) {
                return Mono.error(e);
            }
            model.addAttribute("formError", e.detail() == null ? "That was not accepted." : e.detail());
            return challenge(id, user, null, null, model);
        });
    }

    private Mono<Me> signedInPerson() {
        return account.me().onErrorResume(ApiProblemException.class, e -> {
            // without memberships and roles we cannot tell an owner or a supplier from
            // anyone else: show nothing
            log.warn("Could not read the signed-in user's memberships: {}", e.getReason());
            return Mono.empty();
        });
    }

    /**
     * Which page of matches the address asks for; a page number that makes no sense
     * starts again at the first.
     */
    private record MatchesPage(@Nullable String cursor, int firstRank) {

        static MatchesPage of(@Nullable String cursor, @Nullable Integer from) {
            if (cursor != null && !cursor.isBlank() && from != null && from > 1 && from <= 1000) {
                return new MatchesPage(cursor, from);
            }
            return new MatchesPage(null, 1);
        }
    }

    /**
     * Only members of the owning association see who matched; everyone else gets no
     * section at all.
     */
    private Mono<MatchesSection> matchesFor(Challenge challenge, Mono<Me> me, MatchesPage page) {
        return me.filter(person -> person.isMemberOf(challenge.organisationId()))
            .flatMap(person -> challenges.matches(challenge.id(), page.cursor())
                .map(matches -> MatchesSection.of(challenge.id(), matches, page.firstRank()))
                // a link kept from another list or an old one: the first page, rather
                // than an error
                .onErrorResume(ApiProblemException.class,
                        e -> page.cursor() != null && e.apiStatus() == 400 ? challenges.matches(challenge.id(), null)
                            .map(matches -> MatchesSection.of(challenge.id(), matches, 1)) : Mono.error(e))
                .onErrorResume(ApiProblemException.class, e -> {
                    if (e.isForbidden()) {
                        return Mono.empty(); // the API has the last word on who may see
                                             // matches
                    }
                    log.warn("Matches for challenge {} unavailable: {}", challenge.id(), e.getReason());
                    return Mono.just(MatchesSection.whenUnavailable());
                }));
    }

    /**
     * Suppliers follow open challenges; one already followed can be unfollowed whatever
     * its state.
     */
    private Mono<FollowButton> followButtonFor(Challenge challenge, Mono<Me> me) {
        return me.filter(person -> person.roles().contains("supplier"))
            .flatMap(person -> following.isFollowing(challenge.id()).onErrorResume(ApiProblemException.class, e -> {
                log.warn("Whether the user follows challenge {} is unknown: {}", challenge.id(), e.getReason());
                return Mono.empty();
            }))
            .filter(follows -> follows || "published".equals(challenge.status()))
            .map(FollowButton::new);
    }

    private static <T> Mono<Optional<T>> optional(Mono<T> section) {
        return section.map(Optional::of).defaultIfEmpty(Optional.empty());
    }

}
