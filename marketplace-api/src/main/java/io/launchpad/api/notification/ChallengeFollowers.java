package io.launchpad.api.notification;

import reactor.core.publisher.Flux;

import java.util.UUID;

/**
 * The people who follow a challenge. The follow feature implements this, so notifications
 * never depend on it (it depends on us), as with {@link ChallengeAudience}.
 */
public interface ChallengeFollowers {

    /** Subjects of everyone following the challenge now. */
    Flux<String> followers(UUID challengeId);

}
