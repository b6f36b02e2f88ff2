package io.launchpad.api.search;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import io.launchpad.matching.RankingMode;

import java.util.Locale;

/** The query parameters every {@code /matches} endpoint shares, checked once for both directions. */
public record MatchRequest(int limit, RankingMode mode) {

    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 50;

    /** {@code mode} is {@code hybrid} (default) or {@code bm25}: lets clients and benchmarks compare the two. */
    public static MatchRequest of(Integer limit, String mode) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiProblem.field(ProblemType.INVALID_PARAMETER, "limit", "range", "must be between 1 and " + MAX_LIMIT);
        }
        if (mode == null || mode.isBlank()) {
            return new MatchRequest(size, RankingMode.HYBRID);
        }
        try {
            return new MatchRequest(size, RankingMode.valueOf(mode.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.field(ProblemType.INVALID_PARAMETER, "mode", "one-of", "must be hybrid or bm25");
        }
    }

    public String modeCode() {
        return mode.name().toLowerCase(Locale.ROOT);
    }
}
