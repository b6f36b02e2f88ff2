package io.launchpad.matching.boardranking;

import java.util.List;
import java.util.UUID;

import io.launchpad.matching.RankedSkill;

/** A board role as the board-roles index returns it: only what the re-rank reads. */
record StoredBoardRole(UUID boardRoleId, UUID organisationId, List<RankedSkill> gaps, String regionCode,
                       Boolean remote, Integer hoursPerMonth) {

    static final List<String> FIELDS = List.of("board_role_id", "organisation_id", "gaps", "region_code", "remote",
            "hours_per_month");

    List<RankedSkill> gapsOrEmpty() {
        return gaps == null ? List.of() : gaps;
    }
}
