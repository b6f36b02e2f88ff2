package io.launchpad.api.web;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import org.jspecify.annotations.Nullable;

/**
 * A resource's version column is its strong entity tag. Updates must name the version
 * they change ({@code If-Match}) so two editors never silently overwrite each other.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header names; 428 when it is required and missing.
     */
    public static Long requiredVersion(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ApiProblem.field(ProblemType.PRECONDITION_REQUIRED, "If-Match", "required",
                    "send the ETag you last read in If-Match");
        }
        return parse(ifMatch);
    }

    /** The version an optional {@code If-Match} header names, or null when absent. */
    public static @Nullable Long optionalVersion(@Nullable String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : parse(ifMatch);
    }

    private static Long parse(String ifMatch) {
        String value = ifMatch.trim();
        // weak tags never match under If-Match (RFC 9110 strong comparison)
        if (value.length() < 3 || !value.startsWith("\"") || !value.endsWith("\"")) {
            throw ApiProblem.field(ProblemType.PRECONDITION_FAILED, "If-Match", "strong-etag",
                    "must be a strong ETag as returned by GET, for example \"3\"");
        }
        try {
            return Long.parseLong(value.substring(1, value.length() - 1));
        }
        catch (NumberFormatException e) {
            throw ApiProblem.field(ProblemType.PRECONDITION_FAILED, "If-Match", "current-version",
                    "does not match the current version of the resource");
        }
    }

    public static void check(long current, @Nullable Long expected) {
        if (expected != null && expected != current) {
            throw ApiProblem.field(ProblemType.PRECONDITION_FAILED, "If-Match", "current-version",
                    "the resource was changed since you read it (now " + of(current) + "); fetch it again");
        }
    }

}
