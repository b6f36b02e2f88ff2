package io.launchpad.api.supplier;

import io.launchpad.matching.SupplierDocument;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a supplier tells associations about itself; only published profiles are matched.
 */
public record SupplierProfile(UUID id, UUID organisationId, String name, String summary, String capabilities,
        String products, String caseStudies, List<String> regions, List<String> accreditations, @Nullable String size,
        List<String> categories, Status status, Instant createdAt, Instant updatedAt, @Nullable Instant publishedAt,
        long version, @Nullable String hiddenReason) {

    public enum Status {

        DRAFT, PUBLISHED

    }

    boolean isPublished() {
        return status == Status.PUBLISHED;
    }

    /**
     * Hidden by an administrator (moderation): only its own members and admins see it,
     * with the reason.
     */
    boolean isHidden() {
        return hiddenReason != null;
    }

    SupplierDocument toDocument() {
        return new SupplierDocument(id, organisationId, name, summary, capabilities, products, caseStudies, regions,
                accreditations, size, isPublished() && !isHidden(), version, updatedAt, categories);
    }
}
