package io.launchpad.api.candidate;

import io.launchpad.api.input.SingleLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A skill of the capability framework at one of its levels; both are framework codes. */
public record SkillLevel(@NotBlank @SingleLine @Size(max = 80) String skill,
        @NotBlank @SingleLine @Size(max = 20) String level) {
}
