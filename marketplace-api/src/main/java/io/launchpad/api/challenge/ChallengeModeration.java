package io.launchpad.api.challenge;

import io.launchpad.api.moderation.ModeratedContent;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * Challenges can be hidden by an administrator: gone from lists, search and matching; its
 * association still sees it.
 */
@Component
class ChallengeModeration implements ModeratedContent {

    private final Challenges challenges;

    ChallengeModeration(Challenges challenges) {
        this.challenges = challenges;
    }

    @Override
    public String kind() {
        return "challenge";
    }

    @Override
    public Mono<Target> setHidden(UUID id, @Nullable String reason) {
        return challenges.setHidden(id, reason)
            .map(c -> new Target(c.id(), c.title(), c.organisationId(), "/challenges/" + c.id()));
    }

}
