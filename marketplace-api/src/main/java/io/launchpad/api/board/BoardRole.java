package io.launchpad.api.board;

import io.launchpad.api.candidate.SkillLevel;
import io.launchpad.api.candidate.SkillsFramework;
import io.launchpad.matching.BoardRoleForMatching;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A board role an association posts: draft (only its members see it), open (taking
 * applications), closed.
 */
public record BoardRole(UUID id, UUID organisationId, String title, String description, List<SkillLevel> skillsMatrix,
        List<SkillLevel> skillGaps, String timeCommitment, int hoursPerMonth, String remuneration,
        @Nullable String remunerationDetail, String region, boolean remote, LocalDate closingDate,
        @Nullable String diversityAims, Status status, Instant createdAt, Instant updatedAt,
        @Nullable Instant publishedAt, long version, String attendance, boolean governanceExperienceRequired,
        List<String> skillGapsInWords, @Nullable String hiddenReason) {

    public enum Status {

        DRAFT, OPEN, CLOSED

    }

    public boolean isVisibleToAll() {
        return status != Status.DRAFT && !isHidden();
    }

    /**
     * Hidden by an administrator (moderation): only its association and admins see it,
     * with the reason.
     */
    public boolean isHidden() {
        return hiddenReason != null;
    }

    /** The status matching filters on: a hidden role is no status matching serves. */
    private String statusForMatching() {
        return isHidden() ? "hidden" : status.name().toLowerCase();
    }

    /** Open and before its closing date (inclusive). */
    public boolean takesApplications(LocalDate today) {
        return status == Status.OPEN && !isHidden() && !closingDate.isBefore(today);
    }

    /**
     * The shape the board-roles index holds, announced through the outbox on every write.
     */
    public BoardRoleForMatching forMatching(SkillsFramework framework) {
        return new BoardRoleForMatching(id, organisationId, title, description, framework.ranked(skillGaps),
                skillGapsInWords, region, remote, attendance, governanceExperienceRequired, hoursPerMonth,
                statusForMatching(), closingDate, version, updatedAt);
    }

    /** The shape the board endpoints hand to {@link BoardMatching}. */
    public BoardRoleDocument toDocument() {
        return new BoardRoleDocument(id, organisationId, title, description, skillsMatrix, skillGaps, hoursPerMonth,
                remuneration, region, remote, closingDate, statusForMatching(), version, attendance,
                governanceExperienceRequired, skillGapsInWords);
    }
}
