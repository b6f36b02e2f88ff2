package io.launchpad.web.onboarding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import io.launchpad.web.account.Account;
import io.launchpad.web.account.Me;
import io.launchpad.web.api.ApiProblemException;
import io.launchpad.web.api.LaunchpadApi;
import io.launchpad.web.forms.FormFields;
import io.launchpad.web.forms.FormProblems;
import io.launchpad.web.organisation.OrganisationRegisters;
import io.launchpad.web.organisation.Register;
import io.launchpad.web.organisation.RegisterNumbers;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import java.util.Collections;

/**
 * After a first sign-in: "What describes you?" (the API grants that realm role in
 * Keycloak, then the web signs in again without asking, so the new token and the menus
 * carry it), then, for association staff and suppliers, registering their organisation or
 * accepting a colleague's invitation, and the organisation's verification status.
 * Candidates go on to their board profile.
 */
@Controller
class OnboardingController {

    /** The choices, in the order asked, with how they read on the page. */
    static final Map<String, String> ROLES = roles();

    /**
     * Where a fresh sign-in goes; Keycloak answers without a form while its session
     * lasts.
     */
    static final String SIGN_IN_AGAIN = "redirect:/oauth2/authorization/keycloak";

    /**
     * The name, then its numbers on public registers (the API names them
     * {@code identifiers.companyNumber}).
     */
    private static final FormFields ORGANISATION_FIELDS = RegisterNumbers.addTo(FormFields.of("organisation")
        .enter("name", "Name", "your organisation’s name")
        .message("name", "unique",
                "An organisation with this name is already registered. If it is yours, ask a"
                        + " colleague there to invite you")
        .message("name", "confusable-name",
                "This name looks the same as an organisation already registered. If it"
                        + " is yours, ask a colleague there to invite you; otherwise use your full registered name"),
            "identifiers.");

    private final LaunchpadApi api;

    private final Account account;

    private final OrganisationRegisters organisations;

    OnboardingController(LaunchpadApi api, Account account, OrganisationRegisters organisations) {
        this.api = api;
        this.account = account;
        this.organisations = organisations;
    }

    record Invitations(List<Invitation> items) {

        Invitations {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    record Invitation(String id, @Nullable String organisationName, @Nullable String organisationType,
            @Nullable String status, @Nullable Instant expiresAt) {
    }

    record Registered(String id) {
    }

    record Verification(@Nullable Boolean verified, @Nullable Instant refusedAt, @Nullable String refusalReason) {
    }

    /**
     * One organisation the person acts for, with what its verification means for them.
     */
    record Status(String id, String name, String type, boolean verified, @Nullable String refusalReason,
            List<Register> registers) {
    }

    // --- step 1: what describes you
    // --------------------------------------------------------------

    @GetMapping("/onboarding")
    String chooseRole(@AuthenticationPrincipal OAuth2User user, Model model) {
        if (hasRole(user)) {
            return "redirect:/";
        }
        model.addAttribute("roles", ROLES);
        model.addAttribute("chosen", null);
        return "onboarding/role";
    }

    @PostMapping("/onboarding")
    Mono<String> roleChosen(ServerWebExchange exchange, @AuthenticationPrincipal OAuth2User user, Model model) {
        if (hasRole(user)) {
            return Mono.just("redirect:/");
        }
        return exchange.getFormData().flatMap(form -> {
            String role = FormProblems.text(form, "role");
            model.addAttribute("roles", ROLES);
            model.addAttribute("chosen", role);
            if (role == null || !ROLES.containsKey(role)) {
                FormProblems.show(model,
                        List.of(new FormProblems.Problem("role", "role-association", "Choose what describes you")));
                return Mono.just("onboarding/role");
            }
            return api
                .send(HttpMethod.POST, uri -> uri.path("/api/v1/me/role").build(), Map.of("role", role), Map.class)
                .thenReturn(SIGN_IN_AGAIN)
                .onErrorResume(ApiProblemException.class, e -> {
                    if (e.apiStatus() == 409) {
                        // Keycloak already holds a role for them: the token they have is
                        // older than it
                        model.addAttribute("alreadyChosen", true);
                        return Mono.just("onboarding/role");
                    }
                    if (e.isUnavailable()) {
                        FormProblems.show(model, List.of(new FormProblems.Problem(null, null,
                                "Your choice could not be saved just now. Try again in a minute.")));
                        return Mono.just("onboarding/role");
                    }
                    return FormProblems.refused(e, model,
                            FormFields.of("role").choose("role", "role", "role-association", "what describes you"),
                            () -> Mono.just("onboarding/role"));
                });
        });
    }

    // --- step 2: your organisation
    // ----------------------------------------------------------------

    @GetMapping("/onboarding/organisation")
    Mono<String> organisation(@AuthenticationPrincipal OAuth2User user, Model model) {
        String type = organisationType(user);
        if (type == null) {
            return Mono.just("redirect:/");
        }
        return account.me()
            .flatMap(me -> actsFor(me, type) ? Mono.just("redirect:/organisations/verification")
                    : showOrganisation(type, null, model));
    }

    @PostMapping("/onboarding/organisation")
    Mono<String> register(ServerWebExchange exchange, @AuthenticationPrincipal OAuth2User user, Model model) {
        String type = organisationType(user);
        if (type == null) {
            return Mono.just("redirect:/");
        }
        return exchange.getFormData().flatMap(form -> {
            String name = FormProblems.text(form, "name");
            if (name == null) {
                FormProblems.show(model, FormProblems.problems(ORGANISATION_FIELDS, null,
                        List.of(new ApiProblemException.FieldError("name", "required", "must not be blank"))));
                return showOrganisation(type, form, model);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("type", type);
            if (RegisterNumbers.anyGiven(form)) {
                body.put("identifiers", RegisterNumbers.body(form));
            }
            return api.send(HttpMethod.POST, uri -> uri.path("/api/v1/organisations").build(), body, Registered.class)
                .thenReturn("redirect:/organisations/verification")
                .onErrorResume(e -> FormProblems.refused(e, model, ORGANISATION_FIELDS,
                        () -> showOrganisation(type, form, model)));
        });
    }

    @PostMapping("/onboarding/invitations/{id}/accept")
    Mono<String> accept(@PathVariable String id, @AuthenticationPrincipal OAuth2User user, Model model) {
        String type = organisationType(user);
        return api
            .send(HttpMethod.POST, uri -> uri.path("/api/v1/me/invitations/{id}/acceptance").build(id), null, Map.class)
            .thenReturn("redirect:/organisations/verification")
            .onErrorResume(e -> FormProblems.refused(e, model,
                    () -> type == null ? Mono.just("redirect:/") : showOrganisation(type, null, model)));
    }

    private Mono<String> showOrganisation(String type, @Nullable MultiValueMap<String, String> form, Model model) {
        return api.get(uri -> uri.path("/api/v1/me/invitations").build(), Invitations.class)
            .map(found -> found.items()
                .stream()
                .filter(invitation -> "pending".equals(invitation.status())
                        && type.equals(invitation.organisationType()))
                .toList())
            .onErrorResume(ApiProblemException.class, e -> Mono.just(List.of()))
            .map(invitations -> {
                model.addAttribute("type", type);
                model.addAttribute("kind", "association".equals(type) ? "housing association" : "technology supplier");
                model.addAttribute("invitations", invitations);
                model.addAttribute("name", form == null ? "" : form.getFirst("name"));
                Map<String, String> values = RegisterNumbers.values(form, null);
                model.addAttribute("values", values);
                model.addAttribute("registerFields", RegisterNumbers.shown(type, values));
                return "onboarding/organisation";
            });
    }

    // --- step 3: verification
    // -----------------------------------------------------------------------

    /**
     * Each organisation the person acts for and whether it may publish yet; what a
     * refused publish links to.
     */
    @GetMapping("/organisations/verification")
    Mono<String> verification(@AuthenticationPrincipal OAuth2User user, Model model) {
        return account.me()
            .flatMap(me -> Flux.fromIterable(me.memberships())
                .concatMap(m -> Mono
                    .zip(api.get(uri -> uri.path("/api/v1/organisations/{id}/verification").build(m.organisationId()),
                            Verification.class), organisations.of(m.organisationId()))
                    .map(found -> new Status(m.organisationId(),
                            m.organisationName() == null ? "Your organisation" : m.organisationName(),
                            "association".equals(m.organisationType()) ? "Housing association" : "Technology supplier",
                            Boolean.TRUE.equals(found.getT1().verified()), found.getT1().refusalReason(),
                            found.getT2())))
                .collectList()
                .map(statuses -> {
                    model.addAttribute("organisations", statuses);
                    model.addAttribute("canRegister", organisationType(user) != null);
                    model.addAttribute("next", homeOf(me));
                    return "onboarding/verification";
                }));
    }

    private static String homeOf(Me me) {
        return me.roles().contains("association") ? "/association"
                : me.roles().contains("supplier") ? "/supplier" : "/";
    }

    private static boolean actsFor(Me me, String type) {
        return me.memberships().stream().anyMatch(m -> type.equals(m.organisationType()));
    }

    private static List<String> roles(@Nullable OAuth2User user) {
        List<String> roles = new ArrayList<>();
        if (user != null) {
            user.getAuthorities().forEach(authority -> {
                String name = authority.getAuthority();
                if (name != null && name.startsWith("ROLE_")) {
                    roles.add(name.substring("ROLE_".length()));
                }
            });
        }
        return roles;
    }

    private static boolean hasRole(@Nullable OAuth2User user) {
        List<String> roles = roles(user);
        return roles.contains("admin") || ROLES.keySet().stream().anyMatch(roles::contains);
    }

    /**
     * The kind of organisation this person registers or joins, or null when their role
     * has none.
     */
    private static @Nullable String organisationType(@Nullable OAuth2User user) {
        List<String> roles = roles(user);
        return roles.contains("association") ? "association" : roles.contains("supplier") ? "supplier" : null;
    }

    private static Map<String, String> roles() {
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("association", "I work for a housing association");
        roles.put("supplier", "I work for a technology supplier");
        roles.put("candidate", "I am a digital leader looking for a board role");
        return Collections.unmodifiableMap(roles);
    }

}
