package io.launchpad.api.candidate;

import io.launchpad.api.rules.RuleViolation;
import io.launchpad.matching.RankedSkill;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The board skills framework as versioned data: the digital families of the UK Government
 * Digital and Data Profession Capability Framework, board competences beyond digital
 * (finance, audit and risk, legal and regulatory, customer experience, housing
 * operations, sustainability, people and culture, governance), the four skill levels, and
 * adjacency between related skills (read both ways; matching counts an adjacent skill as
 * a partial match). Loaded from {@code frameworks/board-skills-framework-v2.json}, so the
 * vocabulary changes without code; codes are never reused with another meaning.
 */
@Component
public class SkillsFramework {

    public record Level(String code, String label, int rank, String description) {
    }

    /**
     * {@code adjacent}: codes of related skills that partly cover this one (as listed;
     * {@link #adjacent} reads both ways).
     */
    public record Skill(String code, String label, List<String> adjacent) {

        public Skill {
            adjacent = adjacent == null ? List.of() : List.copyOf(adjacent);
        }
    }

    /**
     * {@code source}: {@code ddat} for the digital families, {@code launchpad} for the
     * board competences.
     */
    public record RoleFamily(String code, String label, String source, List<Skill> skills) {
    }

    public record Framework(String code, int version, String name, String source, String note, List<Level> levels,
            List<RoleFamily> roleFamilies) {
    }

    static final String FILE = "frameworks/board-skills-framework-v2.json";

    private final Framework framework;

    private final Map<String, Skill> skills = new LinkedHashMap<>();

    private final Map<String, Level> levels = new LinkedHashMap<>();

    private final Map<String, String> familyOf = new LinkedHashMap<>();

    private final Map<String, Set<String>> adjacent = new LinkedHashMap<>();

    SkillsFramework(JsonMapper json) {
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            this.framework = json.readValue(in, Framework.class);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        framework.levels().forEach(level -> levels.put(level.code(), level));
        for (RoleFamily family : framework.roleFamilies()) {
            for (Skill skill : family.skills()) {
                if (skills.putIfAbsent(skill.code(), skill) != null) {
                    throw new IllegalStateException("skill " + skill.code() + " is listed twice in the framework");
                }
                familyOf.put(skill.code(), family.label());
            }
        }
        for (Skill skill : skills.values()) {
            for (String other : skill.adjacent()) {
                if (!skills.containsKey(other) || other.equals(skill.code())) {
                    throw new IllegalStateException(
                            "skill " + skill.code() + " names an unknown adjacent skill " + other);
                }
                adjacent.computeIfAbsent(skill.code(), code -> new TreeSet<>()).add(other);
                adjacent.computeIfAbsent(other, code -> new TreeSet<>()).add(skill.code());
            }
        }
    }

    /**
     * Codes of the skills next to this one, both ways round; empty for an unknown code.
     */
    public List<String> adjacent(String code) {
        return List.copyOf(adjacent.getOrDefault(code, Set.of()));
    }

    public Framework framework() {
        return framework;
    }

    public int rank(String level) {
        Level known = levels.get(level);
        return known == null ? 0 : known.rank();
    }

    public String skillLabel(String code) {
        Skill skill = skills.get(code);
        return skill == null ? code : skill.label();
    }

    public String levelLabel(String code) {
        Level level = levels.get(code);
        return level == null ? code : level.label();
    }

    public String familyLabel(String skill) {
        return familyOf.getOrDefault(skill, "");
    }

    /**
     * The skills with the labels and level ranks matching needs (it does not know the
     * framework itself).
     */
    public List<RankedSkill> ranked(List<SkillLevel> list) {
        return list.stream()
            .map(entry -> new RankedSkill(entry.skill(), skillLabel(entry.skill()), entry.level(),
                    levelLabel(entry.level()), rank(entry.level()), adjacent(entry.skill())))
            .toList();
    }

    /**
     * Rejects unknown skills or levels and repeated skills, naming the list element at
     * fault.
     */
    public List<SkillLevel> check(String field, List<SkillLevel> list) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            SkillLevel entry = list.get(i);
            if (!skills.containsKey(entry.skill())) {
                throw RuleViolation.invalid(field + "[" + i + "].skill", "known-skill",
                        "is not a skill of the " + framework.name());
            }
            if (!levels.containsKey(entry.level())) {
                throw RuleViolation.invalid(field + "[" + i + "].level", "known-level",
                        "must be one of " + levels.keySet());
            }
            if (!seen.add(entry.skill())) {
                throw RuleViolation.invalid(field + "[" + i + "].skill", "unique", "lists the same skill twice");
            }
        }
        return List.copyOf(list);
    }

}
