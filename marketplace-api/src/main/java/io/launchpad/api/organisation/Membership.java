package io.launchpad.api.organisation;

import java.util.UUID;

/** A person's link to an organisation they act for. */
public record Membership(UUID organisationId, String organisationName, OrganisationType organisationType,
        String subject) {
}
