package io.launchpad.matching.ranking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A challenge as the challenges index returns it (snake case fields, embedding left out). */
record StoredChallenge(UUID challengeId, UUID organisationId, String statusCode, List<String> categoryCodes,
                       List<String> regionCodes, List<String> requiredAccreditationCodes, LocalDate closingDate,
                       Instant updatedAt, Text text) {

    record Text(String organisationName, String title, String summary) {
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
        return text == null ? new Text(null, null, null) : text;
    }
}
