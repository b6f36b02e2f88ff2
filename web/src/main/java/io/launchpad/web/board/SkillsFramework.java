package io.launchpad.web.board;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The capability framework the API publishes ({@code GET /api/v1/skills-framework}): its
 * levels and its skills grouped by role family. Skills and levels are codes; labels are
 * for people. Methods the templates call are public because SpEL only invokes public
 * methods.
 */
public record SkillsFramework(@Nullable String name, List<Level> levels, List<RoleFamily> roleFamilies) {

    public SkillsFramework {
        levels = levels == null ? List.of() : List.copyOf(levels);
        roleFamilies = roleFamilies == null ? List.of() : List.copyOf(roleFamilies);
    }

    public record Level(String code, String label, int rank, @Nullable String description) {
    }

    public record Skill(String code, String label) {
    }

    public record RoleFamily(String code, String label, List<Skill> skills) {

        public RoleFamily {
            skills = skills == null ? List.of() : List.copyOf(skills);
        }
    }

    public String skillLabel(@Nullable String code) {
        for (RoleFamily family : roleFamilies) {
            for (Skill skill : family.skills()) {
                if (skill.code().equals(code)) {
                    return skill.label();
                }
            }
        }
        return String.valueOf(code);
    }

    public String levelLabel(@Nullable String code) {
        return levels.stream()
            .filter(level -> level.code().equals(code))
            .map(Level::label)
            .findFirst()
            .orElse(String.valueOf(code));
    }

    /** Every skill code, in framework order: the form fields the skill pickers post. */
    List<String> skillCodes() {
        return roleFamilies.stream().flatMap(family -> family.skills().stream()).map(Skill::code).toList();
    }
}
