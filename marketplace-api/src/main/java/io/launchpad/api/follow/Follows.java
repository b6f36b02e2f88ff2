package io.launchpad.api.follow;

import io.launchpad.api.challenge.Challenge;
import io.launchpad.api.challenge.Challenges;
import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import io.launchpad.api.security.Caller;
import io.launchpad.api.web.Cursor;
import io.launchpad.api.web.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.UUID;

/**
 * A supplier's people follow open challenges, each for themselves, to hear of published
 * answers and deadlines without having asked or responded. A draft is nobody's to follow
 * (404, as reading it would be); a challenge that has closed has nothing left to follow
 * (409).
 */
@Service
class Follows {

    record FollowStatus(UUID challengeId, boolean following, @Nullable Instant followedAt) {
    }

    private final FollowRepository repository;

    private final Challenges challenges;

    Follows(FollowRepository repository, Challenges challenges) {
        this.repository = repository;
        this.challenges = challenges;
    }

    Mono<Void> follow(Caller caller, UUID challengeId) {
        return followable(caller, challengeId).flatMap(challenge -> {
            if (challenge.status() != Challenge.Status.PUBLISHED) {
                return Mono.error(ApiProblem.field(ProblemType.CONFLICT, "status", "published",
                        "only an open challenge can be followed; this one is " + challenge.status().code()));
            }
            return repository.follow(challengeId, caller.subject());
        });
    }

    /**
     * Unfollowing works in any state, and when not following: either way the person no
     * longer follows.
     */
    Mono<Void> unfollow(Caller caller, UUID challengeId) {
        return followable(caller, challengeId).flatMap(challenge -> repository.unfollow(challengeId, caller.subject()));
    }

    Mono<FollowStatus> status(Caller caller, UUID challengeId) {
        return challenges.read(caller, challengeId)
            .flatMap(challenge -> repository.followedAt(challengeId, caller.subject())
                .map(at -> new FollowStatus(challengeId, true, at))
                .defaultIfEmpty(new FollowStatus(challengeId, false, null)));
    }

    /** One page more than asked is read, to know whether a next page exists. */
    Mono<Page<FollowedChallenge>> followedBy(Caller caller, @Nullable Cursor after, int limit) {
        return repository.followedBy(caller.subject(), after, limit + 1).collectList().map(rows -> {
            boolean more = rows.size() > limit;
            var items = more ? rows.subList(0, limit) : rows;
            String next = more ? new Cursor(items.getLast().followedAt(), items.getLast().challengeId()).encode()
                    : null;
            return new Page<>(items, next);
        });
    }

    private Mono<Challenge> followable(Caller caller, UUID challengeId) {
        if (!caller.has(Caller.Role.SUPPLIER)) {
            return Mono.error(ApiProblem.forbidden("Only suppliers follow challenges"));
        }
        return challenges.read(caller, challengeId)
            // the owner may read its draft, but there is nothing to follow until it is
            // published
            .filter(challenge -> challenge.status() != Challenge.Status.DRAFT)
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Challenge " + challengeId)));
    }

}
