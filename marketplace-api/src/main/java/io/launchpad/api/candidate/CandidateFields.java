package io.launchpad.api.candidate;

import io.launchpad.api.input.SingleLine;
import io.launchpad.api.input.PlausibleDate;
import io.launchpad.api.taxonomy.KnownCode;
import io.launchpad.api.taxonomy.Vocabulary;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * A candidate profile as sent on create and update. The first five fields identify the
 * person and are shown only to them, admins, and an association that has invited them to
 * interview. {@code livedExperienceConsent} must be true whenever {@code livedExperience}
 * is given. Skills are framework codes ({@code skills}) or the candidate's own words at
 * level 1–4 ({@code skillsInWords}), at least one in either; {@code sectors} and
 * {@code experienceSummary} are matched on too. A candidate has governance experience
 * when they describe it ({@code governanceExperience}) or give years of it
 * ({@code governanceYears} above 0): a role requiring it admits only them. Privacy by
 * default (issue 12): {@code visibility} left out means {@code private}, and the
 * {@code candidate-profile} consent is recorded only when {@code profileConsent} is true.
 */
public record CandidateFields(@NotBlank @SingleLine @Size(max = 200) String name,
        @NotBlank @SingleLine @Email @Size(max = 320) String email,
        @Size(max = 40) @Pattern(regexp = "^[0-9 +()-]*$") @Nullable String phone,
        @Size(max = 500) @Pattern(regexp = "^https://\\S+$") @Nullable String photoUrl,
        @Past @PlausibleDate(yearsBack = 120, yearsAhead = 0) @Nullable LocalDate dateOfBirth,
        @NotBlank @SingleLine @Size(max = 300) String headline,
        @Size(max = 30) @Nullable List<@NotNull @Valid SkillLevel> skills,
        @NotNull @Size(max = 20) List<@NotNull @Valid Experience> experience,
        @Size(max = 4000) @Nullable String governanceExperience, @Min(0) @Max(80) @Nullable Integer governanceYears,
        @Size(max = 4000) @Nullable String livedExperience, @Nullable Boolean livedExperienceConsent,
        @NotNull @Pattern(regexp = "immediately|within-3-months|later") String availability,
        @NotNull @Min(1) @Max(200) Integer hoursPerMonth, @NotNull @KnownCode(Vocabulary.REGION) String region,
        @NotNull Boolean remote, @Pattern(regexp = "private|matching|public") @Nullable String visibility,
        @Size(max = 30) @Nullable List<@NotNull @Valid SkillInWords> skillsInWords,
        @Size(max = 20) @Nullable List<@NotBlank @SingleLine @Size(max = 120) String> sectors,
        @Size(max = 4000) @Nullable String experienceSummary, @Nullable Boolean profileConsent) {

    /** The older shape, without skills in words, sectors or a summary. */
    public CandidateFields(String name, String email, @Nullable String phone, @Nullable String photoUrl,
            @Nullable LocalDate dateOfBirth, String headline, @Nullable List<SkillLevel> skills,
            List<Experience> experience, @Nullable String governanceExperience, @Nullable Integer governanceYears,
            @Nullable String livedExperience, @Nullable Boolean livedExperienceConsent, String availability,
            Integer hoursPerMonth, String region, Boolean remote, @Nullable String visibility) {
        this(name, email, phone, photoUrl, dateOfBirth, headline, skills, experience, governanceExperience,
                governanceYears, livedExperience, livedExperienceConsent, availability, hoursPerMonth, region, remote,
                visibility, null, null, null, null);
    }

    boolean givesProfileConsent() {
        return Boolean.TRUE.equals(profileConsent);
    }

    boolean declaresLivedExperience() {
        return livedExperience != null && !livedExperience.isBlank();
    }

    CandidateFields normalised() {
        return new CandidateFields(name.strip(), email.strip(), blankToNull(phone), blankToNull(photoUrl), dateOfBirth,
                headline.strip(), skills == null ? List.of() : skills, experience, blankToNull(governanceExperience),
                governanceYears == null ? 0 : governanceYears, blankToNull(livedExperience), livedExperienceConsent,
                availability, hoursPerMonth, region, remote, visibility == null ? "private" : visibility,
                skillsInWords == null ? List.of()
                        : skillsInWords.stream()
                            .map(skill -> new SkillInWords(skill.skill().strip(), skill.level()))
                            .toList(),
                sectors == null ? List.of() : sectors.stream().map(String::strip).distinct().toList(),
                blankToNull(experienceSummary), profileConsent);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
