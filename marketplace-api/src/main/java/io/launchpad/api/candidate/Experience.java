package io.launchpad.api.candidate;

import io.launchpad.api.input.SingleLine;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A role held: what, in which sector, for how long. No employer name: it would identify
 * the person.
 */
public record Experience(@NotBlank @SingleLine @Size(max = 120) String role,
        @NotBlank @SingleLine @Size(max = 120) String sector, @NotNull @Min(0) @Max(60) Integer years) {
}
