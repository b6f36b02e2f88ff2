package io.launchpad.web.api;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The API answered with an error (or could not be reached). It extends
 * {@link ResponseStatusException} so that, when a page does not handle it, Boot's error
 * handling renders the matching friendly page: 403 and 404 keep their status (the person
 * is told they may not, or that nothing is there), 401 sends them to sign in
 * ({@code SignInWhenTheApiAsks}), and anything else becomes 502 because the fault lies
 * upstream, not in the browser's request.
 */
public class ApiProblemException extends ResponseStatusException {

    private final int apiStatus;

    private final @Nullable Duration retryAfter;

    private final @Nullable String detail;

    private final List<FieldError> fieldErrors;

    ApiProblemException(int apiStatus, @Nullable String title, @Nullable String detail, @Nullable Duration retryAfter,
            @Nullable Throwable cause) {
        this(apiStatus, title, detail, retryAfter, List.of(), cause);
    }

    ApiProblemException(int apiStatus, @Nullable String title, @Nullable String detail, @Nullable Duration retryAfter,
            @Nullable List<FieldError> fieldErrors, @Nullable Throwable cause) {
        super(pageStatus(apiStatus), "API answered " + apiStatus + (title == null ? "" : " " + title)
                + (detail == null ? "" : ": " + detail), cause);
        this.apiStatus = apiStatus;
        this.retryAfter = retryAfter;
        this.detail = detail;
        this.fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
    }

    private static HttpStatus pageStatus(int apiStatus) {
        return switch (apiStatus) {
            case 401 -> HttpStatus.UNAUTHORIZED;
            case 403 -> HttpStatus.FORBIDDEN;
            case 404 -> HttpStatus.NOT_FOUND;
            default -> HttpStatus.BAD_GATEWAY;
        };
    }

    static ApiProblemException unreachable(Throwable cause) {
        return new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE.value(), "API unreachable", cause.getMessage(),
                null, cause);
    }

    /** The status the API sent; 503 when it could not be reached at all. */
    public int apiStatus() {
        return apiStatus;
    }

    /**
     * The API's own words about what went wrong (its problem {@code detail}), fit to show
     * on a form.
     */
    public @Nullable String detail() {
        return detail;
    }

    /**
     * The request was refused for what it asked (400, 403, 409, 412, 422): the person can
     * correct it.
     */
    public boolean isRefusal() {
        return apiStatus >= 400 && apiStatus < 500 && apiStatus != 401 && apiStatus != 404;
    }

    public boolean isNotFound() {
        return apiStatus == 404;
    }

    /**
     * The API did not accept the person's sign-in (none, or it has expired): signing in
     * again helps.
     */
    public boolean isUnauthenticated() {
        return apiStatus == 401;
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

    /**
     * The fields the API blamed ({@code errors[]} of the problem), so a form can show
     * each beside its field.
     */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /**
     * One broken rule: {@code field} is the API's JSON path, such as
     * {@code skills[2].level}.
     */
    public record FieldError(@Nullable String field, @Nullable String rule, @Nullable String message) {
    }

}
