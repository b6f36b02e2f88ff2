package io.launchpad.api.board;

import io.launchpad.api.input.SingleLine;
import io.launchpad.api.input.PlausibleDate;
import io.launchpad.api.candidate.SkillLevel;
import io.launchpad.api.taxonomy.KnownCode;
import io.launchpad.api.taxonomy.Vocabulary;
import jakarta.validation.Valid;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A board role as sent on create and update. {@code skillsMatrix} is the board's current
 * skills, {@code skillGaps} what this role must bring (both in the capability framework's
 * codes), and {@code skillGapsInWords} the same kind of need as the board writes it; at
 * least one gap in either. Matching ranks candidates by how well they cover the gaps.
 * {@code attendance} ({@code in-person}, {@code hybrid}, {@code remote}) and
 * {@code governanceExperienceRequired} are hard rules for matching; a client that sends
 * only the older {@code remote} flag gets {@code remote} or {@code in-person}.
 */
public record BoardRoleFields(@Nullable UUID organisationId,
        @NotBlank @SingleLine @Size(min = 3, max = 200) String title, @NotBlank @Size(max = 10_000) String description,
        @NotNull @Size(max = 40) List<@NotNull @Valid SkillLevel> skillsMatrix,
        @Size(max = 20) @Nullable List<@NotNull @Valid SkillLevel> skillGaps,
        @NotBlank @SingleLine @Size(max = 200) String timeCommitment, @NotNull @Min(1) @Max(200) Integer hoursPerMonth,
        @NotNull @Pattern(regexp = "voluntary|remunerated") String remuneration,
        @SingleLine @Size(max = 200) @Nullable String remunerationDetail,
        @NotNull @KnownCode(Vocabulary.REGION) String region, @Nullable Boolean remote,
        @NotNull @FutureOrPresent @PlausibleDate LocalDate closingDate,
        @Size(max = 2_000) @Nullable String diversityAims,
        @Pattern(regexp = "in-person|hybrid|remote") @Nullable String attendance,
        @Nullable Boolean governanceExperienceRequired,
        @Size(max = 20) @Nullable List<@NotBlank @SingleLine @Size(max = 300) String> skillGapsInWords) {

    /** The older shape, without attendance, governance or gaps in words. */
    public BoardRoleFields(@Nullable UUID organisationId, String title, String description,
            List<SkillLevel> skillsMatrix, @Nullable List<SkillLevel> skillGaps, String timeCommitment,
            Integer hoursPerMonth, String remuneration, @Nullable String remunerationDetail, String region,
            @Nullable Boolean remote, LocalDate closingDate, @Nullable String diversityAims) {
        this(organisationId, title, description, skillsMatrix, skillGaps, timeCommitment, hoursPerMonth, remuneration,
                remunerationDetail, region, remote, closingDate, diversityAims, null, null, null);
    }

    /**
     * Attendance from the remote flag when not stated (older clients), and remote from
     * attendance when only it is.
     */
    BoardRoleFields normalised() {
        String stated = attendance != null ? attendance : Boolean.TRUE.equals(remote) ? "remote" : "in-person";
        boolean remoteWork = remote != null ? remote : !"in-person".equals(stated);
        List<String> inWords = skillGapsInWords == null ? List.of()
                : skillGapsInWords.stream().map(String::strip).distinct().toList();
        return new BoardRoleFields(organisationId, title.strip(), description.strip(), skillsMatrix,
                skillGaps == null ? List.of() : skillGaps, timeCommitment.strip(), hoursPerMonth, remuneration,
                blankToNull(remunerationDetail), region, remoteWork, closingDate, blankToNull(diversityAims), stated,
                Boolean.TRUE.equals(governanceExperienceRequired), inWords);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
