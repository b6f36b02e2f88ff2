package io.launchpad.web.format;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import java.util.Locale;

/**
 * Words for the API's codes, so no page shows "no-award", "partly-met" or an API path.
 * Templates call it as {@code @labels.status(code)}, {@code @labels.auditAction(code)}
 * and {@code @labels.auditResource(path)}; a code it does not know is shown as words
 * ("some-code" → "Some code"), never as the code. Public methods: SpEL only calls public
 * ones.
 */
@Component("labels")
public class Labels {

    private static final Map<String, String> STATUSES = Map.ofEntries(Map.entry("draft", "Draft"),
            Map.entry("published", "Open"), Map.entry("open", "Open"), Map.entry("closed", "Closed"),
            Map.entry("awarded", "Awarded"), Map.entry("no-award", "Closed without an award"),
            Map.entry("withdrawn", "Withdrawn"), Map.entry("submitted", "Submitted"),
            Map.entry("shortlisted", "Shortlisted"), Map.entry("unsuccessful", "Not successful"),
            Map.entry("declined", "Declined"), Map.entry("applied", "Applied"), Map.entry("appointed", "Appointed"),
            Map.entry("interview", "Invited to interview"), Map.entry("met", "Met"),
            Map.entry("partly-met", "Partly met"), Map.entry("not-met", "Not met"), Map.entry("answered", "Answered"),
            Map.entry("awaiting-answer", "Awaiting an answer"), Map.entry("active", "Under way"),
            Map.entry("completed", "Completed"), Map.entry("in-progress", "In progress"),
            Map.entry("planned", "Planned"), Map.entry("done", "Done"), Map.entry("missed", "Missed"),
            Map.entry("withdrawn-by-candidate", "Withdrawn"), Map.entry("instant", "Straight away"),
            Map.entry("daily", "Daily"), Map.entry("weekly", "Weekly"), Map.entry("off", "Never"));

    private static final Map<String, String> AUDIT_ACTIONS = Map.of("viewed", "Viewed", "created", "Created", "updated",
            "Changed", "applied", "Applied", "decided", "Decided on", "matched", "Matched to roles", "exported",
            "Downloaded", "retention_warned", "Warned before deletion");

    private static final Pattern APPLICATION = Pattern.compile("^/api/v1/applications/[^/ ]+(?: -> ([a-z-]+))?$");

    /** A status or outcome code as people read it. */
    public String status(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return STATUSES.getOrDefault(code, words(code));
    }

    /** What was done with a candidate's data ("viewed" → "Viewed"). */
    public String auditAction(@Nullable String code) {
        return code == null ? "" : AUDIT_ACTIONS.getOrDefault(code, words(code));
    }

    /**
     * What the audit entry is about, in words; never the API path it was recorded with.
     */
    public String auditResource(@Nullable String resource) {
        if (resource == null || resource.isBlank()) {
            return "Your data";
        }
        Matcher application = APPLICATION.matcher(resource);
        if (application.matches()) {
            return application.group(1) == null ? "Your application"
                    : "Your application (now " + status(application.group(1)).toLowerCase(Locale.UK) + ")";
        }
        if (resource.matches("^/api/v1/candidates/[^/]+/matches$")) {
            return "The board roles matched to your profile";
        }
        if (resource.matches("^/api/v1/board-roles/[^/]+/matches$")) {
            return "A board role's list of matched candidates";
        }
        if (resource.matches("^/api/v1/candidates/[^/]+$")) {
            return "Your board-candidate profile";
        }
        if (resource.startsWith("retention:")) {
            return "Your profile, unused for a long time"
                    + (resource.contains("deleted") ? ": deleted" : ": warning emailed");
        }
        return resource.startsWith("/") ? "Your data" : resource;
    }

    /** "some-code" → "Some code". */
    static String words(String code) {
        String spaced = code.replace('-', ' ').replace('_', ' ').strip();
        return spaced.isEmpty() ? "" : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

}
