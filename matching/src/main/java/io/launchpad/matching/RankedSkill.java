package io.launchpad.matching;

/**
 * A skill of the digital capability framework at one of its levels. Matching does not know the
 * framework: the app sends the labels people read and the level's {@code rank} (1 = lowest), so
 * coverage ("at or above the level the role needs") is a comparison of ranks.
 */
public record RankedSkill(String skill, String skillLabel, String level, String levelLabel, int rank) {
}
