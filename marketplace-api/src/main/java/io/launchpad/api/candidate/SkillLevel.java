package io.launchpad.api.candidate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A skill of the capability framework at one of its levels; both are framework codes. */
public record SkillLevel(@NotBlank @Size(max = 80) String skill, @NotBlank @Size(max = 20) String level) {
}
