package io.launchpad.web.challenge;

import org.springframework.stereotype.Component;

import io.launchpad.web.api.LaunchpadApi;
import reactor.core.publisher.Mono;

/** The API's challenge resources. */
@Component
class Challenges {

    private final LaunchpadApi api;

    Challenges(LaunchpadApi api) {
        this.api = api;
    }

    Mono<ChallengePage> published(ChallengeFilter filter) {
        return api.get(filter::toApiUri, ChallengePage.class);
    }

    Mono<Challenge> challenge(String id) {
        return api.get(uri -> uri.path("/api/v1/challenges/{id}").build(id), Challenge.class);
    }

    Mono<ChallengeMatches> matches(String challengeId) {
        return api.get(uri -> uri.path("/api/v1/challenges/{id}/matches").build(challengeId), ChallengeMatches.class);
    }
}
