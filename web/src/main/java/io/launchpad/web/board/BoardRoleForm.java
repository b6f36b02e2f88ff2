package io.launchpad.web.board;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

import io.launchpad.web.forms.FormFields;
import io.launchpad.web.forms.FormProblems;

/**
 * The board-role form and the API's board-role fields, both ways. The skills matrix and
 * the gaps are one level picker per framework skill ({@code matrix-<skill>},
 * {@code gap-<skill>}), so the form needs no script to add rows.
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

    /**
     * The form's fields in the API's names, in the form's order. A level in the matrix or
     * the gaps ({@code skillGaps[1].level}) is shown with the list it belongs to and
     * links to its first picker.
     */
    static FormFields fields(SkillsFramework framework) {
        String first = framework.skillCodes().isEmpty() ? "skills-heading" : framework.skillCodes().getFirst();
        return FormFields.of("board role")
            .choose("organisationId", "organisationId", "Housing association", "the housing association")
            .enter("title", "Role title", "a role title")
            .enter("description", "What the board needs and why", "what the board needs and why")
            .field("skillsMatrix", "skillsMatrix", "matrix-" + first, "The board's skills",
                    "Choose the level the board has now in at least one skill")
            .field("skillGaps", "skillGaps", "gap-" + first, "The skills this role needs",
                    "Choose the level this role needs in at least one skill")
            .enter("timeCommitment", "Time commitment", "the time commitment")
            .enter("hoursPerMonth", "Hours a month", "the hours a month")
            .field("remuneration", "remuneration", "remuneration-voluntary", "Remuneration",
                    "Choose whether the role is voluntary or remunerated")
            .enter("remunerationDetail", "Pay or expenses detail", "the pay or expenses detail")
            .choose("region", "region", "Location", "a region")
            .enter("closingDate", "Closing date", "a closing date")
            .enter("diversityAims", "Diversity aims", "the diversity aims")
            .message("hoursPerMonth", FormProblems.WHOLE_NUMBER, "Hours a month must be a whole number, like 8")
            .message("skillGaps[].level", "known-level", "Choose a level from the list for each skill this role needs")
            .message("skillsMatrix[].level", "known-level", "Choose a level from the list for each skill the board has")
            .message("closingDate", "not-in-past", "Closing date must be today or in the future")
            .message("skillGaps", "length",
                    "Choose the level this role needs in at least one skill, and in no more than 20")
            .message("skillsMatrix", "length", "Choose the board's level in no more than 40 skills");
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

    /**
     * Skills with a level chosen, in framework order: "{skill, level}" as the API takes
     * them.
     */
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

    static void putLevels(Map<String, String> values, String prefix, @Nullable Object levels) {
        if (levels instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> level && level.get("skill") != null && level.get("level") != null) {
                    values.put(prefix + level.get("skill"), String.valueOf(level.get("level")));
                }
            }
        }
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }

}
