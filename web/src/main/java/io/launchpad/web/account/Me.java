package io.launchpad.web.account;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The signed-in person as the API knows them ({@code GET /api/v1/me}). */
public record Me(String subject, @Nullable String username, @Nullable String name, @Nullable String email,
        List<String> roles, List<Membership> memberships) {

    public Me {
        roles = roles == null ? List.of() : List.copyOf(roles);
        memberships = memberships == null ? List.of() : List.copyOf(memberships);
    }

    public boolean isMemberOf(@Nullable String organisationId) {
        return organisationId != null && memberships.stream().anyMatch(m -> organisationId.equals(m.organisationId()));
    }

    /** This person acts for the organisation (an association or a supplier). */
    public record Membership(String organisationId, @Nullable String organisationName,
            @Nullable String organisationType) {
    }
}
