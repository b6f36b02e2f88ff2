package io.launchpad.matching;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What matching may know about a board candidate: nothing that identifies them directly
 * (no name, contact details, photo or age), their skills (framework codes and their own
 * words), experience, sectors, the headline and experience summary they wrote, whether
 * they have governance experience, place, time and whether they shared lived experience
 * of social housing. The free text is indexed to be matched on, never returned from the
 * index (only ids and reasons leave matching); governance and lived-experience narratives
 * are not passed at all. {@code version} must grow with every change of the profile: the
 * index keeps the highest version it has seen.
 *
 * @param visibility {@code private}, {@code matching} or {@code public}; only the last
 * two are ever indexed
 * @param livedExperience true only when the candidate declared lived experience and chose
 * to be matched
 */
public record CandidateForMatching(UUID id, List<RankedSkill> skills, List<Experience> experience, int governanceYears,
        @Nullable String region, boolean remote, int hoursPerMonth, String availability, boolean livedExperience,
        String visibility, long version, @Nullable Instant updatedAt, Words words) {

    public CandidateForMatching {
        skills = skills == null ? List.of() : List.copyOf(skills);
        experience = experience == null ? List.of() : List.copyOf(experience);
        words = words == null ? Words.NONE : words;
    }

    /** The old shape, for callers with framework skills only. */
    public CandidateForMatching(UUID id, List<RankedSkill> skills, List<Experience> experience, int governanceYears,
            @Nullable String region, boolean remote, int hoursPerMonth, String availability, boolean livedExperience,
            String visibility, long version, @Nullable Instant updatedAt) {
        this(id, skills, experience, governanceYears, region, remote, hoursPerMonth, availability, livedExperience,
                visibility, version, updatedAt, Words.NONE);
    }

    /**
     * What the candidate wrote: skills in their own words (level 1 awareness … 4 expert),
     * sectors, headline and experience summary; {@code governance} is whether they state
     * governance experience.
     */
    public record Words(@Nullable String headline, List<FreeSkill> skills, List<String> sectors,
            @Nullable String summary, boolean governance) {

        public static final Words NONE = new Words(null, List.of(), List.of(), null, false);

        public Words {
            skills = skills == null ? List.of() : List.copyOf(skills);
            sectors = sectors == null ? List.of() : List.copyOf(sectors);
        }
    }

    /** A skill in the candidate's words at level 1–4. */
    public record FreeSkill(String name, int level) {
    }

    /** Governance experience stated in words, or years of it. */
    public boolean hasGovernanceExperience() {
        return words.governance() || governanceYears > 0;
    }

    /** Lists any skill, in the framework or in words. */
    public boolean hasSkills() {
        return !skills.isEmpty() || !words.skills().isEmpty();
    }

    /**
     * A role held: what and in which sector, never for whom (an employer would identify
     * the person).
     */
    public record Experience(String role, String sector, int years) {
    }

    /** The candidate chose to be ranked for associations' roles. */
    public boolean matchable() {
        return "matching".equals(visibility) || "public".equals(visibility);
    }
}
