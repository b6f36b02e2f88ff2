package io.launchpad.api.question;

import java.time.Instant;
import java.util.UUID;

/** A supplier's clarification question; private until the association answers and publishes it. */
record Question(UUID id, UUID challengeId, String askedBySubject, UUID askedByOrganisationId, String question,
        String answer, Instant askedAt, Instant answeredAt) {

    boolean isAnswered() {
        return answer != null;
    }
}
