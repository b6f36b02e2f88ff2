package io.launchpad.api.challenge;

import io.launchpad.api.notification.ChallengeAudience;
import io.launchpad.matching.SupplierMatch;
import io.launchpad.matching.SupplierMatching;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.UUID;

/**
 * Tells notifications which supplier profiles a new challenge is for: the ones matching
 * ranks for it.
 */
@Component
class ChallengeMatchedSuppliers implements ChallengeAudience {

    /** Enough to reach every plausible supplier without mailing the whole register. */
    static final int AUDIENCE_SIZE = 50;

    private final ChallengeRepository repository;

    private final SupplierMatching matching;

    ChallengeMatchedSuppliers(ChallengeRepository repository, SupplierMatching matching) {
        this.repository = repository;
        this.matching = matching;
    }

    @Override
    public Mono<List<UUID>> matchedSupplierProfiles(UUID challengeId) {
        return repository.find(challengeId)
            .filter(Challenge::isPublished)
            .flatMap(challenge -> matching.suppliersFor(challenge.toDocument(), AUDIENCE_SIZE))
            .map(matches -> matches.stream().map(SupplierMatch::supplierId).toList())
            .defaultIfEmpty(List.of());
    }

}
