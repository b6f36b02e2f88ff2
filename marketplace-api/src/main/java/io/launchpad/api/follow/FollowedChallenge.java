package io.launchpad.api.follow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A challenge the caller follows, with what a list needs to show and sort it. */
record FollowedChallenge(UUID challengeId, String title, String status, LocalDate closingDate,
        LocalDate questionsCloseOn, Instant followedAt) {
}
