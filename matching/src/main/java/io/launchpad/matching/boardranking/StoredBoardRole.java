package io.launchpad.matching.boardranking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.launchpad.matching.BoardRoleForMatching;
import io.launchpad.matching.RankedSkill;
import io.launchpad.matching.indexes.IndexedCandidate.Passage;
import org.jspecify.annotations.Nullable;

/** A board role as the board-roles index returns it: only what the re-rank reads. */
record StoredBoardRole(UUID boardRoleId, UUID organisationId, @Nullable List<RankedSkill> gaps,
        @Nullable List<String> gapsInWords, @Nullable List<Passage> passages, @Nullable String regionCode,
        @Nullable Boolean remote, @Nullable String attendance, @Nullable Integer hoursPerMonth) {

    static final List<String> FIELDS = List.of("board_role_id", "organisation_id", "gaps", "gaps_in_words", "passages",
            "region_code", "remote", "attendance", "hours_per_month");

    /**
     * The gaps with the vectors the index holds for them (in the order
     * {@code BoardDocuments.gapTexts} wrote them).
     */
    BoardScore.Role scored() {
        Map<String, float[]> vectors = new HashMap<>();
        float[] whole = null;
        for (Passage passage : passages == null ? List.<Passage>of() : passages) {
            if (passage.text() == null) {
                whole = passage.vector();
            }
            else {
                vectors.putIfAbsent(passage.text(), passage.vector());
            }
        }
        List<BoardScore.Gap> scored = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (RankedSkill gap : gaps == null ? List.<RankedSkill>of() : gaps) {
            seen.add(gap.skillLabel());
            scored.add(new BoardScore.Gap(gap, gap.skillLabel(), vectors.get(gap.skillLabel())));
        }
        for (String words : gapsInWords == null ? List.<String>of() : gapsInWords) {
            if (words != null && !words.isBlank() && seen.add(words.strip())) {
                scored.add(new BoardScore.Gap(null, words.strip(), vectors.get(words.strip())));
            }
        }
        String stated = attendance == null
                ? (Boolean.TRUE.equals(remote) ? BoardRoleForMatching.REMOTE : BoardRoleForMatching.IN_PERSON)
                : attendance;
        return new BoardScore.Role(scored, whole, stated, regionCode, hoursPerMonth == null ? 0 : hoursPerMonth);
    }
}
