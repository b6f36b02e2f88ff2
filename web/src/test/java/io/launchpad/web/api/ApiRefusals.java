package io.launchpad.web.api;

import java.util.List;

/**
 * Refusals as the API client builds them from a problem+json answer, for tests of what
 * forms make of them.
 */
public final class ApiRefusals {

    private ApiRefusals() {
    }

    public static ApiProblemException of(int status, String detail, List<ApiProblemException.FieldError> errors) {
        return new ApiProblemException(status, "Refused", detail, null, errors, null);
    }

}
