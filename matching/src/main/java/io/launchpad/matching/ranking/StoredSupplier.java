package io.launchpad.matching.ranking;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A supplier as the suppliers index returns it (snake case fields, embedding left out).
 */
record StoredSupplier(UUID supplierId, UUID organisationId, Boolean published, String sizeCode,
        @Nullable List<String> regionCodes, @Nullable List<String> accreditationCodes,
        @Nullable List<String> categoryCodes, Instant updatedAt, @Nullable Text text) {

    record Text(@Nullable String name, @Nullable String summary, @Nullable String capabilities,
            @Nullable String products, @Nullable String caseStudies) {
    }

    List<String> regions() {
        return regionCodes == null ? List.of() : regionCodes;
    }

    List<String> accreditations() {
        return accreditationCodes == null ? List.of() : accreditationCodes;
    }

    List<String> categories() {
        return categoryCodes == null ? List.of() : categoryCodes;
    }

    Text textOrEmpty() {
        return text == null ? new Text(null, null, null, null, null) : text;
    }
}
