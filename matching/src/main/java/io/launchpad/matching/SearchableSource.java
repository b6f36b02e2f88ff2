package io.launchpad.matching;

import reactor.core.publisher.Flux;

/**
 * The system of record for everything matching indexes, as the app that owns the tables
 * sees it. Matching never reads the app's tables: a full reindex and the consistency
 * check stream from here.
 *
 * <p>
 * Implementations stream (bounded memory at any size) and emit every supplier profile and
 * every challenge, drafts included, in the shape the outbox sends them, so a rebuilt
 * index holds exactly what the outbox would have written.
 */
public interface SearchableSource {

    Flux<SupplierDocument> suppliers();

    Flux<ChallengeDocument> challenges();

    /**
     * Board candidates who chose to be matched (others are left out here too: the index
     * must never hold them). Empty by default, for sources that hold no board
     * recruitment.
     */
    default Flux<CandidateForMatching> candidates() {
        return Flux.empty();
    }

    /**
     * Every board role, drafts and closed ones included (ranking filters them). Empty by
     * default.
     */
    default Flux<BoardRoleForMatching> boardRoles() {
        return Flux.empty();
    }

}
