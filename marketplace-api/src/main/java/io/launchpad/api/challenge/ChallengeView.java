package io.launchpad.api.challenge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A challenge as clients see it. */
record ChallengeView(UUID id, UUID organisationId, String organisationName, String title, String summary,
        String description, List<String> categories, List<String> regions, String status, Integer budgetMinPounds,
        Integer budgetMaxPounds, LocalDate closingDate, Instant createdAt, Instant updatedAt, Instant publishedAt,
        long version, List<ChallengeTerms.Requirement> requirements, List<Weighting> weightings,
        Integer pilotLengthWeeks, String location, LocalDate questionsCloseOn, List<String> requiredAccreditations,
        String hiddenReason) {

    static ChallengeView of(Challenge c) {
        return new ChallengeView(c.id(), c.organisationId(), c.organisationName(), c.title(), c.summary(),
                c.description(), c.categories(), c.regions(), c.status().code(), c.budgetMinPounds(),
                c.budgetMaxPounds(), c.closingDate(), c.createdAt(), c.updatedAt(), c.publishedAt(), c.version(),
                c.terms().requirements(), c.terms().effectiveWeightings(), c.terms().pilotLengthWeeks(),
                c.terms().location(), c.terms().questionsCloseOn(), c.terms().requiredAccreditations(),
                c.hiddenReason());
    }
}
