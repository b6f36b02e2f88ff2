package io.launchpad.api.me;

import io.launchpad.api.organisation.Organisations;
import io.launchpad.api.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.UUID;
import io.swagger.v3.oas.annotations.Operation;

/**
 * Who the token belongs to and which organisations they act for: what a client needs to
 * draw its menus.
 */
@RestController
class MeController {

    record MembershipView(UUID organisationId, String organisationName, String organisationType) {
    }

    record MeView(String subject, @Nullable String username, @Nullable String name, @Nullable String email,
            List<String> roles, List<MembershipView> memberships) {
    }

    private final Organisations organisations;

    MeController(Organisations organisations) {
        this.organisations = organisations;
    }

    @Operation(summary = "The signed-in person and the organisations they act for")
    @GetMapping("/api/v1/me")
    Mono<MeView> me() {
        return Caller.current()
            .flatMap(caller -> organisations.membershipsOf(caller)
                .map(m -> new MembershipView(m.organisationId(), m.organisationName(), m.organisationType().code()))
                .collectList()
                .map(memberships -> new MeView(caller.subject(), caller.username(), caller.name(), caller.email(),
                        caller.roles().stream().map(role -> role.name().toLowerCase()).sorted().toList(),
                        memberships)));
    }

}
