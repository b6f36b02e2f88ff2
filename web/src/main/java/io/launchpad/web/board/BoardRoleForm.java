package io.launchpad.web.board;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

import io.launchpad.web.forms.FormProblems;

/**
 * The board-role form and the API's board-role fields, both ways. The skills matrix and the gaps
 * are one level picker per framework skill ({@code matrix-<skill>}, {@code gap-<skill>}), so the
 * form needs no script to add rows.
 */
final class BoardRoleForm {

    static final List<String> REMUNERATION = List.of("voluntary", "remunerated");

    private BoardRoleForm() {
    }

    static Map<String, Object> body(MultiValueMap<String, String> form, SkillsFramework framework) {
        Map<String, Object> body = new HashMap<>();
        body.put("organisationId", FormProblems.text(form, "organisationId"));
        body.put("title", orEmpty(FormProblems.text(form, "title")));
        body.put("description", orEmpty(FormProblems.text(form, "description")));
        body.put("skillsMatrix", levels(form, "matrix-", framework));
        body.put("skillGaps", levels(form, "gap-", framework));
        body.put("timeCommitment", orEmpty(FormProblems.text(form, "timeCommitment")));
        body.put("hoursPerMonth", FormProblems.number(form, "hoursPerMonth"));
        body.put("remuneration", FormProblems.text(form, "remuneration"));
        body.put("remunerationDetail", FormProblems.text(form, "remunerationDetail"));
        body.put("region", FormProblems.text(form, "region"));
        body.put("remote", FormProblems.ticked(form, "remote"));
        body.put("closingDate", FormProblems.text(form, "closingDate"));
        body.put("diversityAims", FormProblems.text(form, "diversityAims"));
        return body;
    }

    /** The form's fields filled from a role the API returned, for editing it. */
    static Map<String, String> values(Map<String, Object> role) {
        Map<String, String> values = new HashMap<>();
        for (String field : List.of("organisationId", "title", "description", "timeCommitment", "hoursPerMonth",
                "remuneration", "remunerationDetail", "region", "closingDate", "diversityAims", "version")) {
            Object value = role.get(field);
            if (value != null) {
                values.put(field, String.valueOf(value));
            }
        }
        if (Boolean.TRUE.equals(role.get("remote"))) {
            values.put("remote", "true");
        }
        putLevels(values, "matrix-", role.get("skillsMatrix"));
        putLevels(values, "gap-", role.get("skillGaps"));
        return values;
    }

    /** Skills with a level chosen, in framework order: "{skill, level}" as the API takes them. */
    static List<Map<String, String>> levels(MultiValueMap<String, String> form, String prefix,
            SkillsFramework framework) {
        List<Map<String, String>> levels = new ArrayList<>();
        for (String skill : framework.skillCodes()) {
            String level = FormProblems.text(form, prefix + skill);
            if (level != null) {
                levels.add(Map.of("skill", skill, "level", level));
            }
        }
        return levels;
    }

    static void putLevels(Map<String, String> values, String prefix, Object levels) {
        if (levels instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> level && level.get("skill") != null && level.get("level") != null) {
                    values.put(prefix + level.get("skill"), String.valueOf(level.get("level")));
                }
            }
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
