package io.launchpad.matching;

import reactor.core.publisher.Flux;

/**
 * The system of record for everything matching indexes, as the app that owns the tables sees it.
 * Matching never reads the app's tables: a full reindex and the consistency check stream from here.
 *
 * <p>Implementations stream (bounded memory at any size) and emit every supplier profile and every
 * challenge, drafts included, in the shape the outbox sends them, so a rebuilt index holds exactly
 * what the outbox would have written.
 */
public interface SearchableSource {

    Flux<SupplierDocument> suppliers();

    Flux<ChallengeDocument> challenges();
}
