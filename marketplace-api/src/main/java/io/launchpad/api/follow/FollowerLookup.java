package io.launchpad.api.follow;

import io.launchpad.api.notification.ChallengeFollowers;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.util.UUID;

/** Tells notifications who follows a challenge. */
@Component
class FollowerLookup implements ChallengeFollowers {

    private final FollowRepository repository;

    FollowerLookup(FollowRepository repository) {
        this.repository = repository;
    }

    @Override
    public Flux<String> followers(UUID challengeId) {
        return repository.followers(challengeId);
    }

}
