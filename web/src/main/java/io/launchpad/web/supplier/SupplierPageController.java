package io.launchpad.web.supplier;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.launchpad.web.account.Account;
import io.launchpad.web.api.ApiProblemException;
import io.launchpad.web.api.LaunchpadApi;
import io.launchpad.web.challenge.Taxonomies;
import io.launchpad.web.organisation.OrganisationRegisters;
import io.launchpad.web.organisation.Register;

import reactor.core.publisher.Mono;

/**
 * A supplier's public page: what its profile says, and its completed pilots with each
 * outcome measure (baseline, target, actual, met or not) as evidence of what it
 * delivered. Anyone may read it; the API answers 404 for a profile that is not published.
 */
@Controller
class SupplierPageController {

    private final LaunchpadApi api;

    private final Taxonomies taxonomies;

    private final Account account;

    private final OrganisationRegisters organisations;

    SupplierPageController(LaunchpadApi api, Taxonomies taxonomies, Account account,
            OrganisationRegisters organisations) {
        this.api = api;
        this.taxonomies = taxonomies;
        this.account = account;
        this.organisations = organisations;
    }

    @GetMapping("/suppliers/{id}")
    Mono<String> supplier(@PathVariable String id, @AuthenticationPrincipal @Nullable OidcUser user, Model model) {
        return Mono
            .zip(api.get(uri -> uri.path("/api/v1/suppliers/{id}").build(id), SupplierPage.Profile.class),
                    api.get(uri -> uri.path("/api/v1/suppliers/{id}/pilots").build(id), SupplierPage.Pilots.class))
            .map(found -> {
                model.addAttribute("taxonomy", taxonomies.current());
                model.addAttribute("supplier", found.getT1());
                model.addAttribute("pilots", found.getT2().items());
                return found.getT1();
            })
            .flatMap(profile -> Mono.zip(ownedBySignedInPerson(profile, user), registers(profile)).doOnNext(found -> {
                model.addAttribute("ownProfile", found.getT1());
                model.addAttribute("registers", found.getT2());
            }).thenReturn("supplier/page"));
    }

    /**
     * The organisation's numbers on public registers: the profile does not carry them,
     * the organisation does.
     */
    private Mono<List<Register>> registers(SupplierPage.Profile profile) {
        return profile.organisationId() == null ? Mono.just(List.of()) : organisations.of(profile.organisationId());
    }

    /**
     * Its own members get a link to edit it; nobody else's page asks the API who they
     * are.
     */
    private Mono<Boolean> ownedBySignedInPerson(SupplierPage.Profile profile, @Nullable OidcUser user) {
        if (user == null || profile.organisationId() == null) {
            return Mono.just(false);
        }
        return account.me()
            .map(me -> me.isMemberOf(profile.organisationId()))
            .onErrorResume(ApiProblemException.class, e -> Mono.just(false));
    }

}
