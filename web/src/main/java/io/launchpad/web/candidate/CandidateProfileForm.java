package io.launchpad.web.candidate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

import io.launchpad.web.board.SkillsFramework;
import io.launchpad.web.forms.FormProblems;

/**
 * The candidate-profile form and the API's candidate fields, both ways. Skills are one level picker
 * per framework skill ({@code skill-<code>}); experience is a few rows of inputs
 * ({@code experience-<n>-role|sector|years}) with blank rows ignored, so no script is needed.
 */
final class CandidateProfileForm {

    static final List<String> AVAILABILITY = List.of("immediately", "within-3-months", "later");
    static final List<String> VISIBILITY = List.of("private", "matching", "public");
    /** The API takes at most 20 roles of experience. */
    static final int MAX_EXPERIENCE = 20;
    private static final int BLANK_ROWS = 2;

    private CandidateProfileForm() {
    }

    static Map<String, Object> body(MultiValueMap<String, String> form, SkillsFramework framework) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", orEmpty(FormProblems.text(form, "name")));
        body.put("email", orEmpty(FormProblems.text(form, "email")));
        body.put("phone", FormProblems.text(form, "phone"));
        body.put("photoUrl", FormProblems.text(form, "photoUrl"));
        body.put("dateOfBirth", FormProblems.text(form, "dateOfBirth"));
        body.put("headline", orEmpty(FormProblems.text(form, "headline")));
        List<Map<String, String>> skills = new ArrayList<>();
        for (String skill : framework.roleFamilies().stream().flatMap(f -> f.skills().stream())
            .map(SkillsFramework.Skill::code).toList()) {
            String level = FormProblems.text(form, "skill-" + skill);
            if (level != null) {
                skills.add(Map.of("skill", skill, "level", level));
            }
        }
        body.put("skills", skills);
        body.put("experience", experience(form));
        body.put("governanceExperience", FormProblems.text(form, "governanceExperience"));
        body.put("governanceYears", FormProblems.number(form, "governanceYears"));
        body.put("livedExperience", FormProblems.text(form, "livedExperience"));
        body.put("livedExperienceConsent", FormProblems.ticked(form, "livedExperienceConsent"));
        body.put("availability", FormProblems.text(form, "availability"));
        body.put("hoursPerMonth", FormProblems.number(form, "hoursPerMonth"));
        body.put("region", FormProblems.text(form, "region"));
        body.put("remote", FormProblems.ticked(form, "remote"));
        body.put("visibility", FormProblems.text(form, "visibility"));
        return body;
    }

    /** Rows with anything typed in them; a half-filled row goes to the API, which names what is missing. */
    static List<Map<String, Object>> experience(MultiValueMap<String, String> form) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < MAX_EXPERIENCE + BLANK_ROWS; i++) {
            String role = FormProblems.text(form, "experience-" + i + "-role");
            String sector = FormProblems.text(form, "experience-" + i + "-sector");
            Integer years = FormProblems.number(form, "experience-" + i + "-years");
            if (role != null || sector != null || years != null) {
                Map<String, Object> row = new HashMap<>();
                row.put("role", role);
                row.put("sector", sector);
                row.put("years", years);
                rows.add(row);
            }
        }
        return rows;
    }

    /** The form's fields filled from the candidate's own profile ({@code GET /api/v1/candidates/me}). */
    @SuppressWarnings("unchecked")
    static Map<String, String> values(Map<String, Object> profile) {
        Map<String, String> values = new HashMap<>();
        if (profile.get("identity") instanceof Map<?, ?> identity) {
            for (String field : List.of("name", "email", "phone", "photoUrl", "dateOfBirth")) {
                if (identity.get(field) != null) {
                    values.put(field, String.valueOf(identity.get(field)));
                }
            }
        }
        for (String field : List.of("id", "headline", "governanceExperience", "governanceYears", "livedExperience",
                "availability", "hoursPerMonth", "region", "visibility", "version")) {
            if (profile.get(field) != null) {
                values.put(field, String.valueOf(profile.get(field)));
            }
        }
        if (profile.get("livedExperience") != null) {
            values.put("livedExperienceConsent", "true");
        }
        if (Boolean.TRUE.equals(profile.get("remote"))) {
            values.put("remote", "true");
        }
        if (profile.get("skills") instanceof List<?> skills) {
            for (Object entry : skills) {
                Map<String, Object> skill = (Map<String, Object>) entry;
                values.put("skill-" + skill.get("skill"), String.valueOf(skill.get("level")));
            }
        }
        if (profile.get("experience") instanceof List<?> experience) {
            for (int i = 0; i < experience.size(); i++) {
                Map<String, Object> row = (Map<String, Object>) experience.get(i);
                for (String field : List.of("role", "sector", "years")) {
                    if (row.get(field) != null) {
                        values.put("experience-" + i + "-" + field, String.valueOf(row.get(field)));
                    }
                }
            }
        }
        return values;
    }

    /** Row numbers to show: every filled row and two blank ones, within the API's limit. */
    static List<Integer> experienceRows(Map<String, String> values) {
        int filled = 0;
        for (int i = 0; i < MAX_EXPERIENCE + BLANK_ROWS; i++) {
            for (String field : List.of("role", "sector", "years")) {
                String value = values.get("experience-" + i + "-" + field);
                if (value != null && !value.isBlank()) {
                    filled = i + 1;
                }
            }
        }
        int rows = Math.min(MAX_EXPERIENCE, Math.max(3, filled + BLANK_ROWS));
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            numbers.add(i);
        }
        return numbers;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
