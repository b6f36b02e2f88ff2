package io.launchpad.matching;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What matching knows about a board role. {@code gaps} are the framework skills (at the
 * level needed) the role must bring to the board, {@code gapsInWords} the same kind of
 * need as the board wrote it; covering them (exactly, by an adjacent skill, or in the
 * candidate's own words) is what ranks a candidate. {@code attendance} is
 * {@code in-person} (same region), {@code hybrid} (no location rule) or {@code remote}
 * (the candidate accepts remote work); {@code governanceRequired} admits only candidates
 * who state governance experience. {@code status} is {@code draft}, {@code open} or
 * {@code closed}: only open roles before their closing date are matched. {@code version}
 * must grow with every change of the role.
 */
public record BoardRoleForMatching(UUID id, UUID organisationId, String title, String description,
        List<RankedSkill> gaps, List<String> gapsInWords, @Nullable String region, boolean remote, String attendance,
        boolean governanceRequired, int hoursPerMonth, String status, LocalDate closingDate, long version,
        @Nullable Instant updatedAt) {

    public static final String IN_PERSON = "in-person";

    public static final String HYBRID = "hybrid";

    public static final String REMOTE = "remote";

    public BoardRoleForMatching {
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
        gapsInWords = gapsInWords == null ? List.of() : List.copyOf(gapsInWords);
        attendance = attendance == null ? (remote ? REMOTE : IN_PERSON) : attendance;
    }

    /**
     * The old shape: framework gaps only, attendance from the remote flag, no governance
     * rule.
     */
    public BoardRoleForMatching(UUID id, UUID organisationId, String title, String description, List<RankedSkill> gaps,
            @Nullable String region, boolean remote, int hoursPerMonth, String status, LocalDate closingDate,
            long version, @Nullable Instant updatedAt) {
        this(id, organisationId, title, description, gaps, List.of(), region, remote, remote ? REMOTE : IN_PERSON,
                false, hoursPerMonth, status, closingDate, version, updatedAt);
    }

    /** The role states at least one gap, as a framework skill or in words. */
    public boolean hasGaps() {
        return !gaps.isEmpty() || !gapsInWords.isEmpty();
    }
}
