package io.launchpad.api.challenge;

import io.launchpad.matching.ChallengeDocument;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A housing association's problem statement, open to supplier responses once published. */
public record Challenge(UUID id, UUID organisationId, String organisationName, String title, String summary,
        String description, List<String> categories, List<String> regions, Status status, Integer budgetMinPounds,
        Integer budgetMaxPounds, LocalDate closingDate, Instant createdAt, Instant updatedAt, Instant publishedAt,
        long version) {

    public enum Status { DRAFT, PUBLISHED }

    boolean isPublished() {
        return status == Status.PUBLISHED;
    }

    ChallengeDocument toDocument() {
        return new ChallengeDocument(id, organisationId, organisationName, title, summary, description, categories,
                regions, status.name().toLowerCase(), closingDate, version, updatedAt);
    }
}
