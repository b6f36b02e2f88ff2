package io.launchpad.matching;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * Completed pilots per supplier, the strongest evidence a supplier can deliver. The
 * rankers ask for it while re-ranking; until pilots exist the default answers nothing, so
 * evidence counts 0 for everyone. The app replaces it with a bean of its own.
 */
public interface PilotEvidence {

    /** Supplier id → completed pilots, for those of {@code supplierIds} that have any. */
    Mono<Map<UUID, Integer>> completedPilots(Collection<UUID> supplierIds);

    static PilotEvidence none() {
        return ids -> Mono.just(Map.of());
    }

}
