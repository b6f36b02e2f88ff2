package io.launchpad.api.board;

import io.launchpad.api.candidate.SkillLevel;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A board role as the matching engine sees it. TODO(matching): the Elasticsearch engine indexes
 * this shape (announced through the outbox on every write, as challenges are) and ranks
 * {@link io.launchpad.api.candidate.CandidateDocument}s against it.
 */
public record BoardRoleDocument(UUID id, UUID organisationId, String title, String description,
        List<SkillLevel> skillsMatrix, List<SkillLevel> skillGaps, int hoursPerMonth, String remuneration,
        String region, boolean remote, LocalDate closingDate, String status, long version) {
}
