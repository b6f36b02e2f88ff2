package io.launchpad.matching;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * Ranks published suppliers for a challenge. Hard filters first: published; serves one of
 * the challenge's regions or {@code remote} (no filter when the challenge names no
 * region); holds every required accreditation; not an excluded organisation. Then BM25
 * candidates (with housing synonyms) and kNN candidates (MiniLM embeddings) fused by
 * reciprocal rank, then re-ranked into an absolute 0–100 score with reasons. Fails with
 * {@link MatchingUnavailableException} when Elasticsearch cannot answer.
 */
public interface SupplierMatching {

    int MAX_LIMIT = 100;

    /** {@link RankingMode#HYBRID}, nothing excluded. */
    default Mono<List<SupplierMatch>> suppliersFor(ChallengeDocument challenge, int limit) {
        return suppliersFor(challenge, limit, RankingMode.HYBRID);
    }

    default Mono<List<SupplierMatch>> suppliersFor(ChallengeDocument challenge, int limit, RankingMode mode) {
        return suppliersFor(challenge, limit, mode, Set.of());
    }

    /**
     * The best {@code limit} (at most {@link #MAX_LIMIT}) suppliers, best first; equal
     * scores in a stable order (a hash of the supplier id). Empty when the challenge has
     * no text or nothing passes the filters. {@code excludedOrganisations}: supplier
     * organisations never to propose (conflicts of interest).
     */
    default Mono<List<SupplierMatch>> suppliersFor(ChallengeDocument challenge, int limit, RankingMode mode,
            Set<UUID> excludedOrganisations) {
        return suppliersFor(challenge, MatchWindow.first(limit), mode, excludedOrganisations);
    }

    /**
     * One page of the same ranking: the results after {@code window}'s last position, at
     * most {@link #MAX_LIMIT}.
     */
    Mono<List<SupplierMatch>> suppliersFor(ChallengeDocument challenge, MatchWindow window, RankingMode mode,
            Set<UUID> excludedOrganisations);

}
