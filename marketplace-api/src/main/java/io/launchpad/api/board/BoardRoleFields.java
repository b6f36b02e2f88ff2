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

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A board role as sent on create and update. {@code skillsMatrix} is the board's current skills,
 * {@code skillGaps} what this role must bring (both in the capability framework's codes); matching
 * ranks candidates by how well they cover the gaps.
 */
public record BoardRoleFields(
        UUID organisationId,
        @NotBlank @SingleLine @Size(min = 3, max = 200) String title,
        @NotBlank @Size(max = 10_000) String description,
        @NotNull @Size(max = 40) List<@NotNull @Valid SkillLevel> skillsMatrix,
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid SkillLevel> skillGaps,
        @NotBlank @SingleLine @Size(max = 200) String timeCommitment,
        @NotNull @Min(1) @Max(200) Integer hoursPerMonth,
        @NotNull @Pattern(regexp = "voluntary|remunerated") String remuneration,
        @SingleLine @Size(max = 200) String remunerationDetail,
        @NotNull @KnownCode(Vocabulary.REGION) String region,
        @NotNull Boolean remote,
        @NotNull @FutureOrPresent @PlausibleDate LocalDate closingDate,
        @Size(max = 2_000) String diversityAims) {

    BoardRoleFields normalised() {
        return new BoardRoleFields(organisationId, title.strip(), description.strip(), skillsMatrix, skillGaps,
                timeCommitment.strip(), hoursPerMonth, remuneration, blankToNull(remunerationDetail), region, remote,
                closingDate, blankToNull(diversityAims));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
