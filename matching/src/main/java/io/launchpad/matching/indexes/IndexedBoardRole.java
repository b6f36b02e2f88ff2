package io.launchpad.matching.indexes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.launchpad.matching.RankedSkill;
import org.jspecify.annotations.Nullable;

/**
 * A board role as stored in the board-roles index (snake case, see
 * {@code board-roles-v1.json}). {@code gapLevels} holds {@code skill@rank} of the level
 * each gap needs; {@code passages} each gap (framework label or the board's words) with
 * its vector. Build these with {@link BoardDocuments}.
 */
public record IndexedBoardRole(UUID boardRoleId, UUID organisationId, String statusCode, LocalDate closingDate,
        List<String> gapCodes, List<String> gapLevels, List<RankedSkill> gaps, List<String> gapsInWords,
        @Nullable String regionCode, boolean remote, String attendance, boolean governanceRequired, int hoursPerMonth,
        long version, @Nullable Instant updatedAt, long tiebreak, Text text, List<IndexedCandidate.Passage> passages,
        float[] embedding) {

    public record Text(String title, String description, String gaps) {
    }
}
