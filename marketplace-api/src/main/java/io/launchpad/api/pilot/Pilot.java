package io.launchpad.api.pilot;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A pilot an award created between an association and a supplier. */
public record Pilot(UUID id, UUID challengeId, UUID responseId, UUID associationOrganisationId,
        UUID supplierOrganisationId, String title, String status, @Nullable String finalReport,
        @Nullable String outcome, Instant createdAt, @Nullable Instant completedAt, long version,
        List<Milestone> milestones, List<Outcome> outcomes, List<Lesson> lessons,
        List<ResidentFeedback> residentFeedback) {

    public record Milestone(UUID id, String title, LocalDate dueOn, String status) {
    }

    /** For example "damp reports per 1,000 homes": baseline 14, target 7, actual 6. */
    public record Outcome(UUID id, String measure, String unit, BigDecimal baseline, BigDecimal target,
            @Nullable BigDecimal actual) {

        /**
         * Met when the actual reached the target in the direction from the baseline (down
         * or up).
         */
        public boolean met() {
            if (actual == null) {
                return false;
            }
            return target.compareTo(baseline) < 0 ? actual.compareTo(target) <= 0 : actual.compareTo(target) >= 0;
        }
    }

    /** What one party learned; the association may say whether it would do it again. */
    public record Lesson(UUID id, String party, String organisationName, String lesson, String verdict,
            Instant createdAt) {
    }

    /**
     * Residents' own view, entered by the association with their consent: a quote (no
     * name), or a survey statement with how many answered and what share agreed.
     */
    public record ResidentFeedback(UUID id, String kind, String text, @Nullable Integer respondents,
            @Nullable BigDecimal agreePercent, Instant createdAt) {
    }

    public boolean isCompleted() {
        return "completed".equals(status);
    }

    Pilot with(List<Milestone> milestones, List<Outcome> outcomes, List<Lesson> lessons,
            List<ResidentFeedback> residentFeedback) {
        return new Pilot(id, challengeId, responseId, associationOrganisationId, supplierOrganisationId, title, status,
                finalReport, outcome, createdAt, completedAt, version, milestones, outcomes, lessons, residentFeedback);
    }
}
