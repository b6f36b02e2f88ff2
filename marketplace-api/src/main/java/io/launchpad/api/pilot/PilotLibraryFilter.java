package io.launchpad.api.pilot;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import io.launchpad.api.taxonomy.Vocabulary;
import io.launchpad.api.web.Cursor;
import org.jspecify.annotations.Nullable;

/** What the library may be searched by; each value is checked before it reaches SQL. */
record PilotLibraryFilter(@Nullable String q, @Nullable String category, @Nullable String region,
        @Nullable String outcome, @Nullable Cursor after) {

    static PilotLibraryFilter of(@Nullable String q, @Nullable String category, @Nullable String region,
            @Nullable String outcome, @Nullable String cursor) {
        String words = q == null || q.isBlank() ? null : q.strip();
        if (words != null && words.length() > 200) {
            throw ApiProblem.field(ProblemType.INVALID_PARAMETER, "q", "max-length", "must be 200 characters or fewer");
        }
        return new PilotLibraryFilter(words, Vocabulary.CATEGORY.filter("category", category),
                Vocabulary.REGION.filter("region", region), outcome(outcome), Cursor.decode(cursor));
    }

    private static @Nullable String outcome(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.equals("met") && !value.equals("partly-met") && !value.equals("not-met")) {
            throw ApiProblem.field(ProblemType.INVALID_PARAMETER, "outcome", "one-of",
                    "must be met, partly-met or not-met");
        }
        return value;
    }
}
