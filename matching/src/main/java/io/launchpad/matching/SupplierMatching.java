package io.launchpad.matching;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * Ranks published suppliers for a challenge: BM25 over the challenge's title, summary, description
 * and categories against the profiles' name, summary, capabilities, products and case studies, with
 * housing synonyms ("mould" finds "condensation"). Fails with {@link MatchingUnavailableException}
 * when Elasticsearch cannot answer.
 */
public interface SupplierMatching {

    /**
     * The best {@code limit} (at most 100) published suppliers, best first; equal scores in a stable
     * order (a hash of the supplier id). Empty when the challenge has no text or nothing matches.
     */
    Mono<List<SupplierMatch>> suppliersFor(ChallengeDocument challenge, int limit);
}
