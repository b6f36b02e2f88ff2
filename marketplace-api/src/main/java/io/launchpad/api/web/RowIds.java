package io.launchpad.api.web;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;

/**
 * Numeric row ids in paths are plain decimal numbers. Spring's own conversion of a
 * {@code long} path variable would also read {@code 0x10} and {@code #10} as 16, so one
 * resource would answer to many spellings; these controllers take the id as text and read
 * it here instead.
 */
public final class RowIds {

    private RowIds() {
    }

    /**
     * The id, or a 400 naming the {@code id} parameter; {@code what} says whose id it is.
     */
    public static long parse(String id, String what) {
        try {
            if (id != null && id.matches("[0-9]{1,19}")) {
                return Long.parseLong(id);
            }
        }
        catch (NumberFormatException tooLarge) {
            // falls through to the same answer as any other non-id
        }
        throw ApiProblem.field(ProblemType.INVALID_PARAMETER, "id", "type",
                "must be a whole number, the id of " + what);
    }

}
