package io.launchpad.web.api;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The API answered with an error (or could not be reached). It extends
 * {@link ResponseStatusException} so that, when a page does not handle it, Boot's error handling
 * renders the matching friendly page: 404 stays 404, anything else becomes 502 because the fault
 * lies upstream, not in the browser's request.
 */
public class ApiProblemException extends ResponseStatusException {

    private final int apiStatus;

    private final @Nullable Duration retryAfter;

    private final @Nullable String detail;

    ApiProblemException(int apiStatus, @Nullable String title, @Nullable String detail, @Nullable Duration retryAfter,
            @Nullable Throwable cause) {
        super(apiStatus == 404 ? HttpStatus.NOT_FOUND : HttpStatus.BAD_GATEWAY,
                "API answered " + apiStatus + (title == null ? "" : " " + title) + (detail == null ? "" : ": " + detail),
                cause);
        this.apiStatus = apiStatus;
        this.retryAfter = retryAfter;
        this.detail = detail;
    }

    static ApiProblemException unreachable(Throwable cause) {
        return new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE.value(), "API unreachable", cause.getMessage(),
                null, cause);
    }

    /** The status the API sent; 503 when it could not be reached at all. */
    public int apiStatus() {
        return apiStatus;
    }

    /** The API's own words about what went wrong (its problem {@code detail}), fit to show on a form. */
    public @Nullable String detail() {
        return detail;
    }

    /** The request was refused for what it asked (400, 403, 409, 412, 422): the person can correct it. */
    public boolean isRefusal() {
        return apiStatus >= 400 && apiStatus < 500 && apiStatus != 401 && apiStatus != 404;
    }

    public boolean isNotFound() {
        return apiStatus == 404;
    }

    public boolean isForbidden() {
        return apiStatus == 403;
    }

    /** A server-side or availability problem, worth retrying later. */
    public boolean isUnavailable() {
        return apiStatus >= 500;
    }

    public @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
