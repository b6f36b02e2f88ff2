package io.launchpad.api.problem;

import java.util.Arrays;

/**
 * Finds the catalogue entry for a bare status code raised by the framework or the
 * security chain.
 */
public final class ProblemTypes {

    private ProblemTypes() {
    }

    public static ProblemType forStatus(int status) {
        return Arrays.stream(ProblemType.values())
            .filter(type -> type.status().value() == status)
            .findFirst()
            .orElse(status >= 500 ? ProblemType.INTERNAL_ERROR : ProblemType.MALFORMED_REQUEST);
    }

}
