package io.launchpad.matching;

import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * Records board-recruitment changes for the candidates and board-roles indexes, inside
 * the caller's R2DBC transaction (as {@link Outbox} does for suppliers and challenges): a
 * write never fails because Elasticsearch is down, and a rolled-back write never reaches
 * an index.
 */
public interface BoardOutbox {

    /**
     * The profile as it is now. A candidate who is not
     * {@link CandidateForMatching#matchable() matchable} is recorded as a removal, so a
     * private profile never reaches the index (or leaves it).
     */
    Mono<Void> candidateChanged(CandidateForMatching candidate);

    /**
     * The profile is gone (erased on request or by the retention job): removes it from
     * the index and deletes every earlier outbox row about it, so no copy of the person's
     * data outlives the erasure. {@code version} must be higher than any version sent for
     * the candidate before.
     */
    Mono<Void> candidateDeleted(UUID candidateId, long version);

    Mono<Void> boardRoleChanged(BoardRoleForMatching role);

}
