package io.launchpad.web.candidate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

import io.launchpad.web.board.SkillsFramework;
import io.launchpad.web.forms.FormFields;
import io.launchpad.web.forms.FormProblems;
import java.util.LinkedHashMap;

/**
 * The candidate-profile form and the API's candidate fields, both ways. Skills are one
 * level picker per framework skill ({@code skill-<code>}); experience is a few rows of
 * inputs ({@code experience-<n>-role|sector|years}) with blank rows ignored, so no script
 * is needed.
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
        for (String skill : framework.roleFamilies()
            .stream()
            .flatMap(f -> f.skills().stream())
            .map(SkillsFramework.Skill::code)
            .toList()) {
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
        // privacy by default (issue 12): the consent is recorded only when its box is
        // ticked
        body.put("profileConsent", FormProblems.ticked(form, "profileConsent"));
        return body;
    }

    /**
     * The form's fields in the API's names, in the form's order. Experience goes to the
     * API without its blank rows, so {@code experience[1].years} is the second row with
     * anything typed in it.
     */
    static FormFields fields(MultiValueMap<String, String> form, SkillsFramework framework) {
        List<Integer> sent = new ArrayList<>();
        for (int i = 0; i < MAX_EXPERIENCE + BLANK_ROWS; i++) {
            for (String part : List.of("role", "sector", "years")) {
                if (FormProblems.text(form, "experience-" + i + "-" + part) != null) {
                    sent.add(i);
                    break;
                }
            }
        }
        String firstSkill = framework.roleFamilies()
            .stream()
            .flatMap(f -> f.skills().stream())
            .map(SkillsFramework.Skill::code)
            .findFirst()
            .orElse("skills");
        FormFields fields = FormFields.of("profile")
            .enter("name", "Full name", "your full name")
            .enter("email", "Email", "your email address")
            .enter("phone", "Phone", "a phone number")
            .enter("photoUrl", "Photo link", "a link to a photo")
            .enter("dateOfBirth", "Date of birth", "your date of birth")
            .enter("headline", "Headline", "a headline")
            .field("skills", "skills", "skill-" + firstSkill, "Skills", "Choose your level in at least one skill")
            .field("experience", "experience",
                    sent.isEmpty() ? "experience-0-role" : "experience-" + sent.getFirst() + "-role", "Experience",
                    "Enter your experience");
        for (int i = 0; i < MAX_EXPERIENCE + BLANK_ROWS; i++) {
            for (String part : List.of("role", "sector", "years")) {
                fields.place("experience-" + i + "-" + part);
            }
        }
        fields.paths(path -> {
            if (!path.startsWith("experience[") || !path.contains("].")) {
                return null;
            }
            int index = Integer.parseInt(path.substring("experience[".length(), path.indexOf(']')));
            String part = path.substring(path.indexOf("].") + 2);
            if (index >= sent.size() || !List.of("role", "sector", "years").contains(part)) {
                return null;
            }
            int row = sent.get(index) + 1;
            String key = "experience-" + sent.get(index) + "-" + part;
            return switch (part) {
                case "role" -> new FormFields.Field(key, key, "Role " + row, "Enter the role you held in row " + row);
                case "sector" ->
                    new FormFields.Field(key, key, "Sector of role " + row, "Enter the sector of role " + row);
                default -> new FormFields.Field(key, key, "Years in role " + row, "Enter the years in role " + row);
            };
        });
        return fields.enter("governanceExperience", "Governance experience", "your governance experience")
            .enter("governanceYears", "Years of governance experience", "your years of governance experience")
            .enter("livedExperience", "Lived experience", "your lived experience")
            .field("livedExperienceConsent", "livedExperienceConsent", "livedExperienceConsent",
                    "Consent to store your lived experience", "Tick the box to agree")
            .choose("availability", "availability", "Availability", "when you are available")
            .enter("hoursPerMonth", "Hours a month", "the hours a month you can give")
            .choose("region", "region", "Region", "a region")
            .field("visibility", "visibility", "visibility-private", "Who may see your profile",
                    "Choose who may see your profile")
            .message("phone", "pattern", "Enter a phone number using only numbers, spaces, +, ( ) and -")
            .message("photoUrl", "pattern", "Enter a web address starting with https://")
            .message("dateOfBirth", "in-past", "Date of birth must be in the past")
            .message("dateOfBirth", "date-range", "Enter a real date of birth")
            .message("governanceYears", FormProblems.WHOLE_NUMBER,
                    "Years of governance experience must be a whole number, like 4")
            .message("hoursPerMonth", FormProblems.WHOLE_NUMBER, "Hours a month must be a whole number, like 8")
            .message("experience[].years", FormProblems.WHOLE_NUMBER, "Years must be a whole number, like 6")
            .message("experience", "length", "List up to 20 roles of experience")
            .message("skills", "length", "Choose your level in no more than 30 skills")
            .message("skills[].level", "known-level", "Choose a level from the list for each skill")
            .message("livedExperienceConsent", "consent-required",
                    "Tick the box to agree to Launchpad storing your lived experience, or leave lived experience empty");
    }

    /**
     * Number boxes, form name → API name, for the web's own "not a whole number" check.
     */
    static Map<String, String> numbers(MultiValueMap<String, String> form) {
        Map<String, String> numbers = new LinkedHashMap<>();
        numbers.put("governanceYears", "governanceYears");
        numbers.put("hoursPerMonth", "hoursPerMonth");
        int sent = 0;
        for (int i = 0; i < MAX_EXPERIENCE + BLANK_ROWS; i++) {
            boolean typed = false;
            for (String part : List.of("role", "sector", "years")) {
                typed |= FormProblems.text(form, "experience-" + i + "-" + part) != null;
            }
            if (typed) {
                numbers.put("experience-" + i + "-years", "experience[" + sent + "].years");
                sent++;
            }
        }
        return numbers;
    }

    /**
     * Rows with anything typed in them; a half-filled row goes to the API, which names
     * what is missing.
     */
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

    /**
     * The form's fields filled from the candidate's own profile
     * ({@code GET /api/v1/candidates/me}).
     */
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

    /**
     * Row numbers to show: every filled row and two blank ones, within the API's limit.
     */
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

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }

}
