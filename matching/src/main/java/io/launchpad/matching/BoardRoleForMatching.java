package io.launchpad.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What matching knows about a board role. {@code gaps} are the skills (at the level needed) the
 * role must bring to the board; covering them is what ranks a candidate. {@code status} is
 * {@code draft}, {@code open} or {@code closed}: only open roles before their closing date are matched.
 * {@code version} must grow with every change of the role.
 */
public record BoardRoleForMatching(UUID id, UUID organisationId, String title, String description,
                                   List<RankedSkill> gaps, String region, boolean remote, int hoursPerMonth,
                                   String status, LocalDate closingDate, long version, Instant updatedAt) {

    public BoardRoleForMatching {
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
    }
}
