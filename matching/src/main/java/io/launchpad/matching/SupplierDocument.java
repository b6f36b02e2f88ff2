package io.launchpad.matching;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What matching knows about a supplier profile. {@code version} must grow with every
 * change of the profile: the index keeps the highest version it has seen, so a late,
 * older event never wins. {@code categories} are the category codes the supplier
 * declares; matching never infers them from words in the text (a list of buzzwords would
 * collect every category), so none declared means none credited.
 */
public record SupplierDocument(UUID id, UUID organisationId, String name, String summary, String capabilities,
        @Nullable String products, @Nullable String caseStudies, List<String> regions, List<String> accreditations,
        @Nullable String size, boolean published, long version, Instant updatedAt, List<String> categories) {

    public SupplierDocument {
        regions = regions == null ? List.of() : List.copyOf(regions);
        accreditations = accreditations == null ? List.of() : List.copyOf(accreditations);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** A profile that declares no category. */
    public SupplierDocument(UUID id, UUID organisationId, String name, String summary, String capabilities,
            @Nullable String products, @Nullable String caseStudies, List<String> regions, List<String> accreditations,
            @Nullable String size, boolean published, long version, Instant updatedAt) {
        this(id, organisationId, name, summary, capabilities, products, caseStudies, regions, accreditations, size,
                published, version, updatedAt, List.of());
    }
}
