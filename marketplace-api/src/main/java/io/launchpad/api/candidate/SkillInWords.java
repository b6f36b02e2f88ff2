package io.launchpad.api.candidate;

import io.launchpad.api.input.SingleLine;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A skill in the candidate's own words, at level 1 (awareness), 2 (working knowledge), 3
 * (senior practitioner) or 4 (expert, or led it at executive level): for what the
 * framework does not name.
 */
public record SkillInWords(@NotBlank @SingleLine @Size(max = 120) String skill,
        @NotNull @Min(1) @Max(4) Integer level) {
}
