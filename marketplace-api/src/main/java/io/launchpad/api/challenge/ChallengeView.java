package io.launchpad.api.challenge;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A challenge as clients see it. */
record ChallengeView(UUID id, UUID organisationId, String organisationName, String title, String summary,
        String description, List<String> categories, List<String> regions, String status,
        @Nullable Integer budgetMinPounds, @Nullable Integer budgetMaxPounds, @Nullable LocalDate closingDate,
        Instant createdAt, Instant updatedAt, @Nullable Instant publishedAt, long version,
        List<ChallengeTerms.Requirement> requirements, List<Weighting> weightings, @Nullable Integer pilotLengthWeeks,
        @Nullable String location, @Nullable LocalDate questionsCloseOn, List<String> requiredAccreditations,
        @Nullable String hiddenReason) {

    static ChallengeView of(Challenge c) {
        return new ChallengeView(c.id(), c.organisationId(), c.organisationName(), c.title(), c.summary(),
                c.description(), c.categories(), c.regions(), c.status().code(), c.budgetMinPounds(),
                c.budgetMaxPounds(), c.closingDate(), c.createdAt(), c.updatedAt(), c.publishedAt(), c.version(),
                c.terms().requirements(), c.terms().effectiveWeightings(), c.terms().pilotLengthWeeks(),
                c.terms().location(), c.terms().questionsCloseOn(), c.terms().requiredAccreditations(),
                c.hiddenReason());
    }
}
