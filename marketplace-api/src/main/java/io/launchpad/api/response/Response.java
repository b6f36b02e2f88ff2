package io.launchpad.api.response;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A supplier's answer to a challenge: evidence per requirement id, approach, price,
 * availability.
 */
record Response(UUID id, UUID challengeId, UUID supplierOrganisationId, String supplierName, Status status,
        String approach, Map<String, String> evidence, @Nullable Integer pricePounds, String availability,
        @Nullable String feedback, Instant createdAt, Instant updatedAt, @Nullable Instant submittedAt, long version) {

    enum Status {

        DRAFT, SUBMITTED, SHORTLISTED, AWARDED, UNSUCCESSFUL;

        String code() {
            return name().toLowerCase();
        }

        /**
         * Responses the association evaluates: submitted before closing, possibly
         * shortlisted since.
         */
        boolean inContention() {
            return this == SUBMITTED || this == SHORTLISTED;
        }

    }
}
