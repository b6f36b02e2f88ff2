package io.launchpad.api.candidate;

import io.launchpad.matching.CandidateForMatching;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A stored candidate profile, identifying fields included: never serialise this to anyone
 * but its owner.
 */
public record CandidateProfile(UUID id, String subject, Identity identity, String headline, List<SkillLevel> skills,
        List<Experience> experience, String governanceExperience, int governanceYears, String livedExperience,
        String availability, int hoursPerMonth, String region, boolean remote, Visibility visibility, Instant createdAt,
        Instant updatedAt, Instant lastActiveAt, Instant retentionWarnedAt, long version,
        List<SkillInWords> skillsInWords, List<String> sectors, String experienceSummary) {

    /**
     * Everything that identifies the person. Kept together so no view can leak one field
     * by accident.
     */
    public record Identity(String name, String email, String phone, String photoUrl, LocalDate dateOfBirth) {
    }

    public enum Visibility {

        /** Only the candidate (and admins) see it; never matched. */
        PRIVATE,
        /** Matched for associations' board roles, anonymised; not readable on its own. */
        MATCHING,
        /** Readable by any signed-in user (anonymised) and matched. */
        PUBLIC;

        public String code() {
            return name().toLowerCase();
        }

        static Visibility fromCode(String code) {
            return valueOf(code.toUpperCase());
        }

    }

    public boolean isOwnedBy(String subject) {
        return this.subject.equals(subject);
    }

    public boolean isMatchable() {
        return visibility != Visibility.PRIVATE;
    }

    /**
     * What the matching index may hold: no identifying field; of the free text, only what
     * describes skills and experience (headline, skills in words, sectors, experience
     * summary), which matching reads and never returns. Governance and lived-experience
     * narratives stay out (they can name people and places): only whether governance
     * experience is stated and whether lived experience was shared.
     */
    public CandidateForMatching forMatching(SkillsFramework framework) {
        return new CandidateForMatching(id, framework.ranked(skills), experience.stream()
            .map(e -> new CandidateForMatching.Experience(e.role(), e.sector(), e.years() == null ? 0 : e.years()))
            .toList(), governanceYears, region, remote, hoursPerMonth, availability,
                livedExperience != null && isMatchable(), visibility.code(), version, updatedAt,
                words(headline, skillsInWords, sectors, experienceSummary, governanceExperience));
    }

    static CandidateForMatching.Words words(String headline, List<SkillInWords> skillsInWords, List<String> sectors,
            @Nullable String experienceSummary, @Nullable String governanceExperience) {
        return new CandidateForMatching.Words(headline,
                skillsInWords.stream().map(s -> new CandidateForMatching.FreeSkill(s.skill(), s.level())).toList(),
                sectors, experienceSummary, governanceExperience != null && !governanceExperience.isBlank());
    }

    /**
     * The non-identifying shape: what blind reviewers see (matching indexes
     * {@link #forMatching}, a narrower one).
     */
    public CandidateDocument toDocument() {
        return new CandidateDocument(id, headline, skills, experience, governanceExperience, governanceYears,
                livedExperience, availability, hoursPerMonth, region, remote, visibility.code(), version, skillsInWords,
                sectors, experienceSummary);
    }
}
