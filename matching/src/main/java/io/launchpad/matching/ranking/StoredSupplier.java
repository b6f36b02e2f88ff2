package io.launchpad.matching.ranking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A supplier as the suppliers index returns it (snake case fields, embedding left out). */
record StoredSupplier(UUID supplierId, UUID organisationId, Boolean published, String sizeCode,
                      List<String> regionCodes, List<String> accreditationCodes, List<String> categoryCodes,
                      Instant updatedAt, Text text) {

    record Text(String name, String summary, String capabilities, String products, String caseStudies) {
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
