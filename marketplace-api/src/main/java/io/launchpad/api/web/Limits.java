package io.launchpad.api.web;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import org.jspecify.annotations.Nullable;

/** Page sizes are bounded so one request can never ask for the whole table. */
public final class Limits {

    public static final int DEFAULT = 20;

    public static final int MAX = 100;

    private Limits() {
    }

    public static int pageSize(@Nullable Integer requested) {
        if (requested == null) {
            return DEFAULT;
        }
        if (requested < 1 || requested > MAX) {
            throw ApiProblem.field(ProblemType.INVALID_PARAMETER, "limit", "range", "must be between 1 and " + MAX);
        }
        return requested;
    }

}
