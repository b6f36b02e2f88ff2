package io.launchpad.api.candidate;

import io.launchpad.matching.CandidateForMatching;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.UUID;

/**
 * A candidate without anything that identifies them: skills, experience, governance,
 * availability and region only. This is the shape blind shortlisting shows; the matching
 * index holds a narrower one still ({@link CandidateProfile#forMatching}), so an index
 * can never hold a name, contact detail, photo or age.
 */
public record CandidateDocument(UUID id, String headline, List<SkillLevel> skills, List<Experience> experience,
        @Nullable String governanceExperience, int governanceYears, @Nullable String livedExperience,
        String availability, int hoursPerMonth, @Nullable String region, boolean remote, String visibility,
        long version, List<SkillInWords> skillsInWords, List<String> sectors, @Nullable String experienceSummary) {

    /**
     * The candidate's side of a query for roles (their own profile, whatever its
     * visibility).
     */
    public CandidateForMatching forMatching(SkillsFramework framework) {
        return new CandidateForMatching(id, framework.ranked(skills), experience.stream()
            .map(e -> new CandidateForMatching.Experience(e.role(), e.sector(), e.years() == null ? 0 : e.years()))
            .toList(), governanceYears, region, remote, hoursPerMonth, availability, livedExperience != null,
                visibility, version, null,
                CandidateProfile.words(headline, skillsInWords, sectors, experienceSummary, governanceExperience));
    }

    /**
     * Names of every identifying field a candidate has; tests assert none of them appears
     * in an anonymised view.
     */
    public static final List<String> IDENTIFYING_FIELDS = List.of("name", "email", "phone", "photoUrl", "dateOfBirth",
            "subject", "identity");

}
