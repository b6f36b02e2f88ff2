package io.launchpad.api.question;

import java.time.Instant;
import java.util.UUID;

/**
 * A supplier's clarification question; private until the association answers and
 * publishes it.
 */
record Question(UUID id, UUID challengeId, String askedBySubject, UUID askedByOrganisationId, String question,
        String answer, Instant askedAt, Instant answeredAt, String hiddenReason) {

    /**
     * Hidden by an administrator (moderation): only the asker, the challenge's
     * association and admins see it.
     */
    boolean isHidden() {
        return hiddenReason != null;
    }

    boolean isAnswered() {
        return answer != null;
    }
}
