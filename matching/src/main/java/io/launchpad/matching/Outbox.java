package io.launchpad.matching;

import reactor.core.publisher.Mono;

/**
 * Records that a document changed, inside the caller's R2DBC transaction: the change
 * reaches Elasticsearch later (the indexer drains the outbox), so a write never fails
 * because Elasticsearch is down, and a rolled-back write never reaches the index.
 */
public interface Outbox {

    Mono<Void> supplierChanged(SupplierDocument document);

    Mono<Void> challengeChanged(ChallengeDocument document);

}
