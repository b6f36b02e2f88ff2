package io.launchpad.web.challenge;

import java.util.Map;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import io.launchpad.web.api.LaunchpadApi;
import reactor.core.publisher.Mono;

/** The API's follow resource for one challenge, as the signed-in person. */
@Component
class ChallengeFollowing {

    private final LaunchpadApi api;

    ChallengeFollowing(LaunchpadApi api) {
        this.api = api;
    }

    Mono<Boolean> isFollowing(String challengeId) {
        return api.get(uri -> uri.path("/api/v1/challenges/{id}/follow").build(challengeId), Map.class)
            .map(status -> Boolean.TRUE.equals(status.get("following")));
    }

    Mono<Void> follow(String challengeId) {
        return api
            .send(HttpMethod.PUT, uri -> uri.path("/api/v1/challenges/{id}/follow").build(challengeId), null,
                    Void.class)
            .then();
    }

    Mono<Void> unfollow(String challengeId) {
        return api
            .send(HttpMethod.DELETE, uri -> uri.path("/api/v1/challenges/{id}/follow").build(challengeId), null,
                    Void.class)
            .then();
    }

}
