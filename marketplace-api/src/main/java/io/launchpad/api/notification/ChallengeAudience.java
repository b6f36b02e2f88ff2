package io.launchpad.api.notification;

import reactor.core.publisher.Mono;

import java.util.List;
import java.util.UUID;

/**
 * Who a challenge is for: the supplier profiles matching ranks for it, told when it is
 * published and when its question window is about to close. The challenge feature
 * implements this, so notifications never depend on challenges (they depend on us).
 */
public interface ChallengeAudience {

    Mono<List<UUID>> matchedSupplierProfiles(UUID challengeId);

}
