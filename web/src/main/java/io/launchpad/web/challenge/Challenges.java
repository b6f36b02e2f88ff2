package io.launchpad.web.challenge;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import io.launchpad.web.api.ApiProblemException;
import io.launchpad.web.api.LaunchpadApi;
import org.jspecify.annotations.Nullable;

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
        return api.get(uri -> uri.path("/api/v1/challenges/{id}").build(id), Challenge.class)
            // an id the API cannot even parse (ids are UUIDs) names no challenge: same
            // page as an unknown one
            .onErrorMap(e -> e instanceof ApiProblemException problem && problem.apiStatus() == 400,
                    e -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such challenge", e));
    }

    /** One page of the challenge's matches; {@code cursor} null for the first. */
    Mono<ChallengeMatches> matches(String challengeId, @Nullable String cursor) {
        return api.get(uri -> {
            uri.path("/api/v1/challenges/{id}/matches");
            if (cursor != null) {
                uri.queryParam("cursor", "{cursor}");
                return uri.build(challengeId, cursor);
            }
            return uri.build(challengeId);
        }, ChallengeMatches.class);
    }

}
