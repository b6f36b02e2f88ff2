package io.launchpad.matching;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * Ranks open challenges for a supplier: published, closing today or later, in a region
 * the supplier serves (any region when it serves {@code remote}; challenges naming no
 * region pass), requiring no accreditation the supplier lacks, not posted by an excluded
 * organisation. Candidates and score as in {@link SupplierMatching}. Fails with
 * {@link MatchingUnavailableException} when Elasticsearch cannot answer.
 */
public interface ChallengeMatching {

    int MAX_LIMIT = 100;

    default Mono<List<ChallengeMatch>> challengesFor(SupplierDocument supplier, int limit) {
        return challengesFor(supplier, limit, RankingMode.HYBRID);
    }

    default Mono<List<ChallengeMatch>> challengesFor(SupplierDocument supplier, int limit, RankingMode mode) {
        return challengesFor(supplier, limit, mode, Set.of());
    }

    /**
     * Best first; equal scores in a stable order (a hash of the challenge id); empty for
     * a profile without text.
     */
    default Mono<List<ChallengeMatch>> challengesFor(SupplierDocument supplier, int limit, RankingMode mode,
            Set<UUID> excludedOrganisations) {
        return challengesFor(supplier, MatchWindow.first(limit), mode, excludedOrganisations);
    }

    /**
     * One page of the same ranking: the results after {@code window}'s last position, at
     * most {@link #MAX_LIMIT}.
     */
    Mono<List<ChallengeMatch>> challengesFor(SupplierDocument supplier, MatchWindow window, RankingMode mode,
            Set<UUID> excludedOrganisations);

}
