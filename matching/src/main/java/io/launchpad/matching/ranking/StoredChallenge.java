package io.launchpad.matching.ranking;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A challenge as the challenges index returns it (snake case fields, embedding left out).
 */
record StoredChallenge(UUID challengeId, UUID organisationId, String statusCode, @Nullable List<String> categoryCodes,
        @Nullable List<String> regionCodes, @Nullable List<String> requiredAccreditationCodes, LocalDate closingDate,
        Instant updatedAt, @Nullable Text text) {

    record Text(@Nullable String organisationName, @Nullable String title, @Nullable String summary,
            @Nullable String description) {
    }

    List<String> categories() {
        return categoryCodes == null ? List.of() : categoryCodes;
    }

    List<String> regions() {
        return regionCodes == null ? List.of() : regionCodes;
    }

    List<String> requiredAccreditations() {
        return requiredAccreditationCodes == null ? List.of() : requiredAccreditationCodes;
    }

    Text textOrEmpty() {
        return text == null ? new Text(null, null, null, null) : text;
    }
}
