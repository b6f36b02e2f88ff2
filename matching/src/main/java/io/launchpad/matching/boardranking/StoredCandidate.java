package io.launchpad.matching.boardranking;

import java.util.List;
import java.util.UUID;

import io.launchpad.matching.RankedSkill;
import io.launchpad.matching.indexes.IndexedCandidate.Passage;
import org.jspecify.annotations.Nullable;

/**
 * A candidate as the candidates index returns it: only what the re-rank reads (never the
 * free text fields).
 */
record StoredCandidate(UUID candidateId, @Nullable List<RankedSkill> skills, @Nullable List<String> adjacentCodes,
        @Nullable List<Passage> passages, @Nullable Boolean governance, @Nullable Integer governanceYears,
        @Nullable String regionCode, @Nullable Boolean remote, @Nullable Integer hoursPerMonth,
        @Nullable Integer substance) {

    static final List<String> FIELDS = List.of("candidate_id", "skills", "adjacent_codes", "passages", "governance",
            "governance_years", "region_code", "remote", "hours_per_month", "substance");

    List<RankedSkill> skillsOrEmpty() {
        return skills == null ? List.of() : skills;
    }

    BoardScore.Candidate scored() {
        return new BoardScore.Candidate(skillsOrEmpty(), adjacentCodes == null ? List.of() : adjacentCodes,
                passages == null ? List.of() : passages, Boolean.TRUE.equals(governance),
                governanceYears == null ? 0 : governanceYears, regionCode, Boolean.TRUE.equals(remote),
                hoursPerMonth == null ? 0 : hoursPerMonth, substance == null ? 0 : substance);
    }
}
