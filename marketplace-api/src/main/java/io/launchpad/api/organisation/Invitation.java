package io.launchpad.api.organisation;

import java.time.Instant;
import java.util.UUID;

/**
 * An offer of membership, made by a member; it becomes a membership only if the invitee
 * accepts.
 */
record Invitation(UUID id, UUID organisationId, String organisationName, OrganisationType organisationType,
        String inviteeSubject, String inviteeEmail, Status status, Instant createdAt, Instant expiresAt) {

    enum Status {

        PENDING, ACCEPTED, DECLINED;

        String code() {
            return name().toLowerCase();
        }

        static Status fromCode(String code) {
            return valueOf(code.toUpperCase());
        }

    }

    boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
