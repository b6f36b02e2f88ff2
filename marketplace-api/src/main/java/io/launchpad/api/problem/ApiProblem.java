package io.launchpad.api.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.List;

/**
 * An expected failure a handler raises on purpose; rendered as
 * {@code application/problem+json} with its type from the catalogue and, where a field is
 * to blame, the field and the rule.
 */
public class ApiProblem extends ErrorResponseException {

    /**
     * The realm a 401 names in {@code WWW-Authenticate} (RFC 6750), wherever it is
     * raised.
     */
    public static final String REALM = "launchpad";

    private final ProblemType type;

    private ApiProblem(ProblemType type, String detail, List<FieldViolation> violations, HttpHeaders headers) {
        super(type.status(), problem(type, detail, violations), null);
        this.type = type;
        getHeaders().addAll(headers);
        if (type == ProblemType.UNAUTHENTICATED && !getHeaders().containsHeader(HttpHeaders.WWW_AUTHENTICATE)) {
            // a 401 without a challenge leaves the client guessing which scheme to use
            // (RFC 9110 11.6.1)
            getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\"");
        }
    }

    static ProblemDetail problem(ProblemType type, String detail, List<FieldViolation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        if (!violations.isEmpty()) {
            problem.setProperty("errors", violations);
        }
        return problem;
    }

    public ProblemType type() {
        return type;
    }

    public static ApiProblem of(ProblemType type, String detail) {
        return new ApiProblem(type, detail, List.of(), HttpHeaders.EMPTY);
    }

    public static ApiProblem field(ProblemType type, String field, String rule, String message) {
        return new ApiProblem(type, field + ": " + message, List.of(new FieldViolation(field, rule, message)),
                HttpHeaders.EMPTY);
    }

    /** Several broken rules at once; the detail lists them. */
    public static ApiProblem fields(ProblemType type, List<FieldViolation> violations, HttpHeaders headers) {
        String detail = violations.stream()
            .map(v -> v.field() + ": " + v.message())
            .reduce((a, b) -> a + "; " + b)
            .orElse(type.title());
        return new ApiProblem(type, detail, violations, headers);
    }

    public static ApiProblem invalid(String field, String rule, String message) {
        return field(ProblemType.VALIDATION_FAILED, field, rule, message);
    }

    public static ApiProblem notFound(String what) {
        return of(ProblemType.NOT_FOUND, what + " not found");
    }

    public static ApiProblem forbidden(String detail) {
        return of(ProblemType.FORBIDDEN, detail);
    }

    public static ApiProblem conflict(String detail) {
        return of(ProblemType.CONFLICT, detail);
    }

    public static ApiProblem unavailable(String detail, long retryAfterSeconds) {
        return unavailable(ProblemType.MATCHING_UNAVAILABLE, detail, retryAfterSeconds);
    }

    public static ApiProblem unavailable(ProblemType type, String detail, long retryAfterSeconds) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return new ApiProblem(type, detail, List.of(), headers);
    }

}
