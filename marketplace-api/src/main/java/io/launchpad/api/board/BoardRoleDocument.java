package io.launchpad.api.board;

import io.launchpad.api.candidate.SkillLevel;
import io.launchpad.api.candidate.SkillsFramework;
import io.launchpad.matching.BoardRoleForMatching;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A board role as the board endpoints hand it to {@link BoardMatching}; the index holds
 * {@link BoardRole#forMatching}, announced through the outbox on every write.
 */
public record BoardRoleDocument(UUID id, UUID organisationId, String title, String description,
        List<SkillLevel> skillsMatrix, List<SkillLevel> skillGaps, int hoursPerMonth, String remuneration,
        String region, boolean remote, LocalDate closingDate, String status, long version, String attendance,
        boolean governanceExperienceRequired, List<String> skillGapsInWords) {

    /** The role's side of a query for candidates. */
    public BoardRoleForMatching forMatching(SkillsFramework framework) {
        return new BoardRoleForMatching(id, organisationId, title, description, framework.ranked(skillGaps),
                skillGapsInWords, region, remote, attendance, governanceExperienceRequired, hoursPerMonth, status,
                closingDate, version, null);
    }
}
