package io.launchpad.api.admin;

import io.launchpad.api.challenge.Challenges;
import io.launchpad.api.supplier.SupplierProfiles;
import io.launchpad.matching.ChallengeDocument;
import io.launchpad.matching.SearchableSource;
import io.launchpad.matching.SupplierDocument;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * What matching rebuilds its indexes from: every supplier profile and challenge in PostgreSQL,
 * streamed by their features in the same document shape their writes send through the outbox.
 */
@Component
class DatabaseSearchableSource implements SearchableSource {

    private final SupplierProfiles suppliers;
    private final Challenges challenges;

    DatabaseSearchableSource(SupplierProfiles suppliers, Challenges challenges) {
        this.suppliers = suppliers;
        this.challenges = challenges;
    }

    @Override
    public Flux<SupplierDocument> suppliers() {
        return suppliers.documents();
    }

    @Override
    public Flux<ChallengeDocument> challenges() {
        return challenges.documents();
    }
}
