package io.launchpad.matching.outbox;

import java.util.Objects;
import java.util.UUID;

import io.launchpad.matching.ChallengeDocument;
import io.launchpad.matching.Outbox;
import io.launchpad.matching.SupplierDocument;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Supplier and challenge changes into the outbox, in the caller's transaction
 * ({@link OutboxRows}).
 */
final class OutboxWriter implements Outbox {

    private final OutboxRows rows;

    OutboxWriter(DatabaseClient database) {
        this.rows = new OutboxRows(database);
    }

    @Override
    public Mono<Void> supplierChanged(SupplierDocument document) {
        Objects.requireNonNull(document, "document");
        return rows.append(AggregateType.SUPPLIER, document.id(), document.version(), document);
    }

    @Override
    public Mono<Void> challengeChanged(ChallengeDocument document) {
        Objects.requireNonNull(document, "document");
        return rows.append(AggregateType.CHALLENGE, document.id(), document.version(), document);
    }

}
