package io.launchpad.matching.indexes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.launchpad.matching.CandidateForMatching;
import io.launchpad.matching.RankedSkill;

/**
 * A board candidate as stored in the candidates index (snake case, see {@code candidates-v1.json}).
 * Built only from {@link CandidateForMatching}, which has no identifying field to copy.
 * {@code skillLevels} holds {@code skill@rank} for every rank up to the one offered, so that one
 * term query asks "has this skill at this level or above". Build these with {@link BoardDocuments}.
 */
public record IndexedCandidate(UUID candidateId, String visibility, List<String> skillCodes, List<String> skillLevels,
                               List<RankedSkill> skills, List<CandidateForMatching.Experience> experience,
                               int governanceYears, String regionCode, boolean remote, int hoursPerMonth,
                               String availability, boolean livedExperience, long version, Instant updatedAt,
                               long tiebreak, Text text, float[] embedding) {

    public record Text(String skills, String experience) {
    }
}
