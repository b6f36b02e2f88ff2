package io.launchpad.api.challenge;

import io.launchpad.api.input.SingleLine;
import io.launchpad.api.input.PlausibleDate;
import io.launchpad.api.rules.RuleViolation;
import io.launchpad.api.taxonomy.KnownCode;
import io.launchpad.api.taxonomy.Vocabulary;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A challenge as sent on create and update. {@code organisationId} is required on create
 * and fixed for life after it. A draft may be incomplete; publishing asks for the rest.
 */
public record ChallengeFields(@Nullable UUID organisationId,
        @NotBlank @SingleLine @Size(min = 5, max = 200) String title, @NotBlank @Size(max = 600) String summary,
        @Size(max = 20_000) @Nullable String description,
        @NotNull @Size(max = 5) List<@NotNull @KnownCode(Vocabulary.CATEGORY) String> categories,
        @Size(max = 13) @Nullable List<@NotNull @KnownCode(Vocabulary.REGION) String> regions,
        @Min(0) @Max(100_000_000) @Nullable Integer budgetMinPounds,
        @Min(0) @Max(100_000_000) @Nullable Integer budgetMaxPounds, @PlausibleDate @Nullable LocalDate closingDate,
        @Size(max = 20) @Nullable List<@NotBlank @SingleLine @Size(max = 500) String> essentialRequirements,
        @Size(max = 20) @Nullable List<@NotBlank @SingleLine @Size(max = 500) String> niceToHaveRequirements,
        @Size(max = 10) @Nullable List<@NotNull @Valid Weighting> weightings,
        @Min(1) @Max(260) @Nullable Integer pilotLengthWeeks, @SingleLine @Size(max = 200) @Nullable String location,
        @PlausibleDate @Nullable LocalDate questionsCloseOn,
        @Size(max = 10) @Nullable List<@NotNull @KnownCode(Vocabulary.ACCREDITATION) String> requiredAccreditations) {

    ChallengeFields normalised() {
        if (budgetMinPounds != null && budgetMaxPounds != null && budgetMinPounds > budgetMaxPounds) {
            throw RuleViolation.invalid("budgetMaxPounds", "not-below-minimum",
                    "must not be less than budgetMinPounds (" + budgetMinPounds + ")");
        }
        checkWeightings(weightings);
        if (questionsCloseOn != null && closingDate != null && questionsCloseOn.isAfter(closingDate)) {
            throw RuleViolation.invalid("questionsCloseOn", "not-after-closing",
                    "the question window must end on or before the closing date (" + closingDate + ")");
        }
        return new ChallengeFields(organisationId, title.strip(), summary.strip(),
                description == null ? "" : description.strip(), categories.stream().distinct().toList(),
                regions == null ? List.of() : regions.stream().distinct().toList(), budgetMinPounds, budgetMaxPounds,
                closingDate, stripped(essentialRequirements), stripped(niceToHaveRequirements),
                weightings == null ? List.of() : weightings, pilotLengthWeeks,
                location == null || location.isBlank() ? null : location.strip(), questionsCloseOn,
                requiredAccreditations == null ? List.of() : requiredAccreditations.stream().distinct().toList());
    }

    /**
     * Weightings are all or nothing: none (the defaults apply) or criteria whose weights
     * sum to exactly 100.
     */
    private static void checkWeightings(@Nullable List<Weighting> weightings) {
        if (weightings == null || weightings.isEmpty()) {
            return;
        }
        if (weightings.stream().map(Weighting::criterion).distinct().count() != weightings.size()) {
            throw RuleViolation.unacceptable("weightings", "unique-criteria", "name each criterion once");
        }
        int sum = weightings.stream().mapToInt(Weighting::weight).sum();
        if (sum != 100) {
            throw RuleViolation.unacceptable("weightings", "sum-100", "weights must sum to 100, not " + sum);
        }
    }

    private static List<String> stripped(@Nullable List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).toList();
    }
}
