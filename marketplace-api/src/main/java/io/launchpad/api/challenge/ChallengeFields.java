package io.launchpad.api.challenge;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.taxonomy.KnownCode;
import io.launchpad.api.taxonomy.Vocabulary;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A challenge as sent on create and update. {@code organisationId} is required on create and
 * fixed for life after it. A draft may be incomplete; publishing asks for the rest.
 */
public record ChallengeFields(
        UUID organisationId,
        @NotBlank @Size(min = 5, max = 200) String title,
        @NotBlank @Size(max = 600) String summary,
        @Size(max = 20_000) String description,
        @NotNull @Size(max = 5) List<@NotNull @KnownCode(Vocabulary.CATEGORY) String> categories,
        @Size(max = 13) List<@NotNull @KnownCode(Vocabulary.REGION) String> regions,
        @Min(0) @Max(100_000_000) Integer budgetMinPounds,
        @Min(0) @Max(100_000_000) Integer budgetMaxPounds,
        LocalDate closingDate) {

    ChallengeFields normalised() {
        if (budgetMinPounds != null && budgetMaxPounds != null && budgetMinPounds > budgetMaxPounds) {
            throw ApiProblem.invalid("budgetMaxPounds", "not-below-minimum",
                    "must not be less than budgetMinPounds (" + budgetMinPounds + ")");
        }
        return new ChallengeFields(organisationId, title.strip(), summary.strip(),
                description == null ? "" : description.strip(), categories.stream().distinct().toList(),
                regions == null ? List.of() : regions.stream().distinct().toList(), budgetMinPounds, budgetMaxPounds,
                closingDate);
    }
}
