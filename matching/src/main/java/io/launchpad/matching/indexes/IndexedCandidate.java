package io.launchpad.matching.indexes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.launchpad.matching.CandidateForMatching;
import io.launchpad.matching.RankedSkill;
import org.jspecify.annotations.Nullable;

/**
 * A board candidate as stored in the candidates index (snake case, see
 * {@code candidates-v1.json}). Built only from {@link CandidateForMatching}, which has no
 * identifying field to copy. {@code skillLevels} holds {@code skill@rank} for every rank
 * up to the one offered, so that one term query asks "has this skill at this level or
 * above"; {@code adjacentCodes} the framework skills next to the ones listed (partial
 * cover). {@code passages} are the profile's pieces (skills, experience, summary
 * sentences) with their vectors, read back by the re-rank to find which gap each covers
 * by meaning, never shown. Build these with {@link BoardDocuments}.
 */
public record IndexedCandidate(UUID candidateId, String visibility, List<String> skillCodes, List<String> skillLevels,
        List<String> adjacentCodes, List<RankedSkill> skills, List<CandidateForMatching.Experience> experience,
        int governanceYears, boolean governance, @Nullable String regionCode, boolean remote, int hoursPerMonth,
        String availability, boolean livedExperience, int substance, long version, @Nullable Instant updatedAt,
        long tiebreak, Text text, List<Passage> passages, float[] embedding) {

    public record Text(String skills, String experience, @Nullable String headline, @Nullable String summary,
            String sectors) {
    }

    /**
     * A piece of a profile or a role's gap, embedded on its own. {@code kind} is
     * {@code skill}, {@code experience}, {@code headline}, {@code summary} or
     * {@code sector} (roles: {@code gap}); {@code level} is the skill level 1–4 where one
     * was given, else 0.
     */
    public record Passage(String kind, @Nullable String text, int level, @Nullable String v) {

        /** The vector stored as a {@link CompactVector}. */
        public static Passage of(String kind, @Nullable String text, int level, float @Nullable [] vector) {
            return new Passage(kind, text, level, CompactVector.pack(vector));
        }

        /** The vector back, as a unit vector (null when none is stored). */
        public float @Nullable [] vector() {
            return CompactVector.unpack(v);
        }
    }
}
