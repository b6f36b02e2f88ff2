package io.launchpad.matching;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What matching knows about a supplier profile. {@code version} must grow with every change of the
 * profile: the index keeps the highest version it has seen, so a late, older event never wins.
 */
public record SupplierDocument(UUID id, UUID organisationId, String name, String summary, String capabilities,
                               String products, String caseStudies, List<String> regions, List<String> accreditations,
                               String size, boolean published, long version, Instant updatedAt) {

    public SupplierDocument {
        regions = regions == null ? List.of() : List.copyOf(regions);
        accreditations = accreditations == null ? List.of() : List.copyOf(accreditations);
    }
}
