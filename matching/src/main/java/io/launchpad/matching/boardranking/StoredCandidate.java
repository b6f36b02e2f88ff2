package io.launchpad.matching.boardranking;

import java.util.List;
import java.util.UUID;

import io.launchpad.matching.RankedSkill;

/** A candidate as the candidates index returns it: only what the re-rank reads. */
record StoredCandidate(UUID candidateId, List<RankedSkill> skills, Integer governanceYears, String regionCode,
                       Boolean remote, Integer hoursPerMonth) {

    static final List<String> FIELDS = List.of("candidate_id", "skills", "governance_years", "region_code", "remote",
            "hours_per_month");

    List<RankedSkill> skillsOrEmpty() {
        return skills == null ? List.of() : skills;
    }
}
