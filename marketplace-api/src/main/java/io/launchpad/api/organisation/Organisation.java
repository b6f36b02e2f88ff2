package io.launchpad.api.organisation;

import java.time.Instant;
import java.util.UUID;

/** A housing association or a supplier; people act for it through memberships. */
public record Organisation(UUID id, String name, OrganisationType type, boolean verified, Instant createdAt,
        long version, SectorIdentifiers identifiers) {
}
