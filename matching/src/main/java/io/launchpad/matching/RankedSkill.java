package io.launchpad.matching;

import java.util.List;

/**
 * A skill of the capability framework at one of its levels. Matching does not know the
 * framework: the app sends the labels people read, the level's {@code rank} (1 = lowest),
 * so coverage ("at or above the level the role needs") is a comparison of ranks, and the
 * codes of the framework's {@code adjacent} skills (related competences that partly cover
 * this one).
 */
public record RankedSkill(String skill, String skillLabel, String level, String levelLabel, int rank,
        List<String> adjacent) {

    public RankedSkill {
        adjacent = adjacent == null ? List.of() : List.copyOf(adjacent);
    }

    public RankedSkill(String skill, String skillLabel, String level, String levelLabel, int rank) {
        this(skill, skillLabel, level, levelLabel, rank, List.of());
    }
}
