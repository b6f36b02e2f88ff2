package io.launchpad.matching.indexes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.launchpad.matching.SupplierDocument;

/** A supplier as stored in the suppliers index (field names in snake case, see {@code suppliers-v1.json}). */
public record IndexedSupplier(UUID supplierId, UUID organisationId, boolean published, String sizeCode,
                              List<String> regionCodes, List<String> accreditationCodes, long version,
                              Instant updatedAt, long tiebreak, Text text) {

    public record Text(String name, String summary, String capabilities, String products, String caseStudies) {
    }

    public static IndexedSupplier from(SupplierDocument supplier) {
        return new IndexedSupplier(supplier.id(), supplier.organisationId(), supplier.published(), supplier.size(),
                supplier.regions(), supplier.accreditations(), supplier.version(), supplier.updatedAt(),
                Tiebreak.of(supplier.id()),
                new Text(supplier.name(), supplier.summary(), supplier.capabilities(), supplier.products(),
                        supplier.caseStudies()));
    }
}
