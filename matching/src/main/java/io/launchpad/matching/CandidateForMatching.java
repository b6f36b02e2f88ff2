package io.launchpad.matching;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What matching may know about a board candidate: nothing that identifies them (no name, contact
 * details, photo, age, headline or free text they wrote), only skills, experience, governance years,
 * place, time and whether they shared lived experience of social housing. {@code version} must grow
 * with every change of the profile: the index keeps the highest version it has seen.
 *
 * @param visibility      {@code private}, {@code matching} or {@code public}; only the last two are ever indexed
 * @param livedExperience true only when the candidate declared lived experience and chose to be matched
 */
public record CandidateForMatching(UUID id, List<RankedSkill> skills, List<Experience> experience, int governanceYears,
                                   String region, boolean remote, int hoursPerMonth, String availability,
                                   boolean livedExperience, String visibility, long version, Instant updatedAt) {

    public CandidateForMatching {
        skills = skills == null ? List.of() : List.copyOf(skills);
        experience = experience == null ? List.of() : List.copyOf(experience);
    }

    /** A role held: what and in which sector, never for whom (an employer would identify the person). */
    public record Experience(String role, String sector, int years) {
    }

    /** The candidate chose to be ranked for associations' roles. */
    public boolean matchable() {
        return "matching".equals(visibility) || "public".equals(visibility);
    }
}
