package io.launchpad.api.challenge;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import io.launchpad.api.taxonomy.Vocabulary;
import io.launchpad.api.web.Cursor;
import org.jspecify.annotations.Nullable;

import java.util.UUID;

/** The list filters a client may combine; each value is checked before it reaches SQL. */
record ChallengeFilter(Challenge.Status status, @Nullable UUID organisationId, @Nullable String category,
        @Nullable String region, @Nullable Cursor after, int limit) {

    static Challenge.Status status(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return Challenge.Status.PUBLISHED;
        }
        return switch (value) {
            case "published" -> Challenge.Status.PUBLISHED;
            case "draft" -> Challenge.Status.DRAFT;
            case "closed", "awarded", "no-award", "withdrawn" -> Challenge.Status.ofCode(value);
            default -> throw ApiProblem.field(ProblemType.INVALID_PARAMETER, "status", "one-of",
                    "must be one of draft, published, closed, awarded, no-award, withdrawn");
        };
    }

    static @Nullable String code(String parameter, @Nullable String value, Vocabulary vocabulary) {
        return vocabulary.filter(parameter, value);
    }
}
