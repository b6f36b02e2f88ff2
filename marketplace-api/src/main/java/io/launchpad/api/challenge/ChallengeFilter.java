package io.launchpad.api.challenge;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import io.launchpad.api.taxonomy.Vocabulary;
import io.launchpad.api.web.Cursor;

import java.util.UUID;

/** The list filters a client may combine; each value is checked before it reaches SQL. */
record ChallengeFilter(Challenge.Status status, UUID organisationId, String category, String region, Cursor after,
        int limit) {

    static Challenge.Status status(String value) {
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

    static String code(String parameter, String value, Vocabulary vocabulary) {
        return vocabulary.filter(parameter, value);
    }
}
