package io.launchpad.api.response;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A response as one party sees it. {@code evaluation} is the association's own working
 * and is only present for its members; a supplier sees its outcome and feedback once the
 * challenge is decided.
 */
record ResponseView(UUID id, UUID challengeId, UUID supplierOrganisationId, String supplierName, String status,
        String approach, Map<String, String> evidence, @Nullable Integer pricePounds, String availability,
        @Nullable String feedback, Instant createdAt, Instant updatedAt, @Nullable Instant submittedAt, long version,
        @Nullable Evaluation evaluation) {

    /**
     * Mean score (0–10) per criterion over the evaluators, and the weighted total out of
     * 100; {@code yourScores} are the scores the reader saved (empty if they have not
     * scored).
     */
    record Evaluation(Map<String, Double> scores, int evaluators, double weightedTotal, boolean fullyScored,
            @Nullable Integer rank, Map<String, Integer> yourScores) {
    }

    static ResponseView of(Response r, @Nullable Evaluation evaluation) {
        return new ResponseView(r.id(), r.challengeId(), r.supplierOrganisationId(), r.supplierName(),
                r.status().code(), r.approach(), r.evidence(), r.pricePounds(), r.availability(), r.feedback(),
                r.createdAt(), r.updatedAt(), r.submittedAt(), r.version(), evaluation);
    }
}
