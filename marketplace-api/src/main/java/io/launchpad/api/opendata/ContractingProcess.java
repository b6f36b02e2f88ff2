package io.launchpad.api.opendata;

import io.launchpad.api.organisation.Organisation;
import io.launchpad.api.pilot.Pilot;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One published challenge and what followed it, as open data tells it: what the
 * association asked for, who won, and what the pilot achieved. Only what is public
 * already: no person, no losing bid, no evaluator's score.
 */
record ContractingProcess(Challenge challenge, Organisation buyer, int tenderers, @Nullable Award award,
        @Nullable Pilot pilot) {

    record Challenge(UUID id, UUID organisationId, String title, String summary, String description,
            List<String> categories, List<String> regions, String status, @Nullable Integer budgetMinPounds,
            @Nullable Integer budgetMaxPounds, @Nullable LocalDate closingDate, @Nullable LocalDate questionsCloseOn,
            @Nullable Integer pilotLengthWeeks, @Nullable String location, List<String> essentialRequirements,
            List<String> niceToHaveRequirements, List<String> criteria, List<Integer> weights, Instant publishedAt,
            @Nullable Instant closedAt, @Nullable Instant decidedAt, @Nullable String noAwardReason,
            Instant updatedAt) {
    }

    /**
     * The winning response: its supplier and, once awarded, its price (public in
     * procurement by custom).
     */
    record Award(UUID responseId, Organisation supplier, @Nullable Integer pricePounds, Instant date) {
    }
}
