package io.launchpad.matching.indexes;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.launchpad.matching.SupplierDocument;
import io.launchpad.matching.Tiebreak;
import org.jspecify.annotations.Nullable;
import io.launchpad.matching.Taxonomy;

/**
 * A supplier as stored in the suppliers index (field names in snake case, see
 * {@code suppliers-v1.json}). {@code categoryCodes} are the categories the supplier
 * declared (never inferred from its words); {@code embedding} is null when the profile
 * has no text. {@code textHash} (and each passage's) names the text the vector was made
 * from ({@link Embeddings#hash}), so a later write of the same text reuses the vector.
 * Build these with {@link IndexedDocuments}.
 */
public record IndexedSupplier(UUID supplierId, UUID organisationId, boolean published, @Nullable String sizeCode,
        List<String> regionCodes, List<String> accreditationCodes, List<String> categoryCodes, long version,
        Instant updatedAt, long tiebreak, Text text, float @Nullable [] embedding, @Nullable String textHash,
        List<Passage> passages) {

    public record Text(String name, String summary, String capabilities, @Nullable String products,
            @Nullable String caseStudies) {
    }

    /**
     * One passage of the profile ({@link Passages}) with its own embedding, stored
     * nested; {@code v} is the same vector as a {@link CompactVector}, which is what the
     * ranking reads back.
     */
    public record Passage(String field, String text, float[] embedding, String textHash, String v) {

        public Passage(String field, String text, float[] embedding, String textHash) {
            this(field, text, embedding, textHash, Objects.requireNonNull(CompactVector.pack(embedding)));
        }
    }

    /**
     * One document, embedded on its own. Correct but one model call per document: batch
     * writers (bulk loads, the outbox) should use {@link IndexedDocuments#suppliers} with
     * the whole batch.
     */
    public static IndexedSupplier from(SupplierDocument supplier) {
        return new IndexedDocuments(new Embeddings(), Taxonomy.housing()).suppliers(List.of(supplier)).getFirst();
    }

    static IndexedSupplier from(SupplierDocument supplier, List<String> categoryCodes, float @Nullable [] embedding,
            @Nullable String textHash, List<Passage> passages) {
        return new IndexedSupplier(supplier.id(), supplier.organisationId(), supplier.published(), supplier.size(),
                supplier.regions(), supplier.accreditations(), categoryCodes, supplier.version(), supplier.updatedAt(),
                Tiebreak.of(supplier.id()), new Text(supplier.name(), supplier.summary(), supplier.capabilities(),
                        supplier.products(), supplier.caseStudies()),
                embedding, textHash, passages);
    }
}
