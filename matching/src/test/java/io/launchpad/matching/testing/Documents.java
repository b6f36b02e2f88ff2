package io.launchpad.matching.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.launchpad.matching.ChallengeDocument;
import io.launchpad.matching.SupplierDocument;

/** Example documents for tests. */
public final class Documents {

    private Documents() {
    }

    public static SupplierDocument supplier(UUID id, long version, String name, String summary, String capabilities) {
        return new SupplierDocument(id, UUID.randomUUID(), name, summary, capabilities, null, null,
                List.of("north-west"), List.of("cyber-essentials"), "small", true, version, Instant.now());
    }

    public static SupplierDocument supplier(String name, String summary, String capabilities) {
        return supplier(UUID.randomUUID(), 1, name, summary, capabilities);
    }

    public static ChallengeDocument challenge(String title, String summary, String description, String... categories) {
        return new ChallengeDocument(UUID.randomUUID(), UUID.randomUUID(), "Riverside Homes", title, summary,
                description, List.of(categories), List.of("north-west"), "published", LocalDate.now().plusDays(30), 1,
                Instant.now());
    }

}
