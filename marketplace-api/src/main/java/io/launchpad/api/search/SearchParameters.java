package io.launchpad.api.search;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import io.launchpad.api.taxonomy.Vocabulary;
import io.launchpad.matching.Search;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Arrays;

/**
 * Validation of search query parameters: each failure is a 400 naming the parameter and
 * the rule.
 */
final class SearchParameters {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;
    static final int MAX_VALUES = 13;

    private SearchParameters() {
    }

    static @Nullable String text(@Nullable String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        if (q.length() > Search.MAX_TEXT_CHARACTERS) {
            throw ApiProblem.field(ProblemType.INVALID_PARAMETER, "q", "length",
                    "must be at most " + Search.MAX_TEXT_CHARACTERS + " characters");
        }
        return q.strip();
    }

    /**
     * Repeated ({@code region=a&region=b}) or comma separated values, each a code of the
     * vocabulary.
     */
    static List<String> codes(String parameter, @Nullable List<String> values, Vocabulary vocabulary) {
        if (values == null) {
            return List.of();
        }
        List<String> codes = values.stream()
            .flatMap(value -> Arrays.stream(value.split(",")))
            .map(String::strip)
            .filter(value -> !value.isEmpty())
            .distinct()
            .toList();
        if (codes.size() > MAX_VALUES) {
            throw ApiProblem.field(ProblemType.INVALID_PARAMETER, parameter, "max-values",
                    "at most " + MAX_VALUES + " values");
        }
        for (String code : codes) {
            if (!vocabulary.knows(code)) {
                throw ApiProblem.field(ProblemType.INVALID_PARAMETER, parameter, "known-code",
                        "'" + code + "' is not a known " + vocabulary.taxonomyName() + " code; known codes: "
                                + String.join(", ", vocabulary.codes()));
            }
        }
        return codes;
    }

    static int limit(@Nullable Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.field(ProblemType.INVALID_PARAMETER, "limit", "range",
                    "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    /**
     * Cursors are opaque: today an offset, so the ranking can change without breaking
     * clients' links.
     */
    static int offset(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith("s1|")) {
                throw new IllegalArgumentException("unknown layout");
            }
            int offset = Integer.parseInt(raw.substring(3));
            if (offset < 0 || offset > Search.MAX_OFFSET) {
                throw new IllegalArgumentException("out of range");
            }
            return offset;
        }
        catch (IllegalArgumentException e) {
            throw ApiProblem.field(ProblemType.INVALID_PARAMETER, "cursor", "valid-cursor",
                    "is not a cursor this API issued; start again without it");
        }
    }

    static @Nullable String cursor(@Nullable Integer nextOffset) {
        return nextOffset == null ? null
                : Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(("s1|" + nextOffset).getBytes(StandardCharsets.UTF_8));
    }

}
