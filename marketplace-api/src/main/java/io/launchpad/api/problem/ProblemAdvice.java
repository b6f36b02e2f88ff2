package io.launchpad.api.problem;

import io.launchpad.api.rules.RuleViolation;
import io.launchpad.matching.MatchingUnavailableException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ArrayList;
import java.util.Comparator;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.server.ServerErrorException;

/**
 * Every error a handler raises leaves as {@code application/problem+json}; nothing leaks
 * a stack trace.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    /** Bean Validation annotation names as the rule names clients see. */
    private static final Map<String, String> RULES = Map.ofEntries(Map.entry("NotNull", "required"),
            Map.entry("NotBlank", "required"), Map.entry("NotEmpty", "required"), Map.entry("Size", "length"),
            Map.entry("Min", "minimum"), Map.entry("Max", "maximum"), Map.entry("DecimalMin", "minimum"),
            Map.entry("DecimalMax", "maximum"), Map.entry("Digits", "digits"), Map.entry("Pattern", "pattern"),
            Map.entry("Email", "email"), Map.entry("KnownCode", "known-code"),
            Map.entry("FutureOrPresent", "not-in-past"), Map.entry("Past", "in-past"),
            Map.entry("SingleLine", "single-line"), Map.entry("PlausibleDate", "date-range"),
            Map.entry("AssertTrue", "must-be-true"));

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<FieldViolation> violations = ex.getFieldErrors()
            .stream()
            .map(ProblemAdvice::violation)
            .sorted(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::rule))
            .toList();
        List<FieldViolation> global = ex.getGlobalErrors()
            .stream()
            .map(error -> new FieldViolation("body", rule(error.getCode()), message(error.getDefaultMessage())))
            .toList();
        List<FieldViolation> all = new ArrayList<>(violations);
        all.addAll(global);
        return render(ApiProblem.fields(ProblemType.VALIDATION_FAILED, all, HttpHeaders.EMPTY));
    }

    private static FieldViolation violation(FieldError error) {
        return new FieldViolation(error.getField(), rule(error.getCode()), message(error.getDefaultMessage()));
    }

    /**
     * Bean Validation gives every constraint a message; a binding error without one still
     * says something.
     */
    private static String message(@Nullable String defaultMessage) {
        return Objects.requireNonNullElse(defaultMessage, "is not valid");
    }

    private static String rule(@Nullable String code) {
        return code == null ? "valid" : RULES.getOrDefault(code, code.toLowerCase());
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (ex instanceof MissingRequestValueException missing) {
            return render(
                    ApiProblem.field(ProblemType.INVALID_PARAMETER, missing.getName(), "required", "is required"));
        }
        if (ex.getMethodParameter() != null && ex.getMethodParameter().hasParameterAnnotation(RequestBody.class)) {
            return render(RequestBodyProblems.from(ex));
        }
        if (ex instanceof WebExchangeBindException) {
            return render(RequestBodyProblems.from(ex));
        }
        if (ex.getCause() instanceof TypeMismatchException mismatch) {
            String name = ex.getMethodParameter() != null && ex.getMethodParameter().getParameterName() != null
                    ? ex.getMethodParameter().getParameterName() : mismatch.getPropertyName();
            RequestHeader header = ex.getMethodParameter() == null ? null
                    : ex.getMethodParameter().getParameterAnnotation(RequestHeader.class);
            if (header != null && !header.name().isEmpty()) {
                name = header.name(); // the client knows the header, not our parameter's
                                      // name
            }
            return render(ApiProblem
                .field(ProblemType.INVALID_PARAMETER, String.valueOf(name), "type", "must be a valid "
                        + (mismatch.getRequiredType() == null ? "value" : mismatch.getRequiredType().getSimpleName())));
        }
        return render(RequestBodyProblems.from(ex));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleMissingRequestValueException(MissingRequestValueException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        return render(ApiProblem.field(ProblemType.INVALID_PARAMETER, ex.getName(), "required", "is required"));
    }

    /**
     * A path variable that converts to nothing (an id of {@code %20}) reaches the handler
     * as a "missing" value, which Spring counts as its own error (500); it is the
     * caller's: name it.
     */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerErrorException(ServerErrorException ex, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        var parameter = ex.getMethodParameter();
        if (parameter != null && parameter.hasParameterAnnotation(PathVariable.class)) {
            String name = parameter.getParameterName() == null ? "path" : parameter.getParameterName();
            return render(ApiProblem.field(ProblemType.INVALID_PARAMETER, name, "type",
                    "must be a valid " + parameter.getParameterType().getSimpleName()));
        }
        return super.handleServerErrorException(ex, headers, status, exchange);
    }

    /**
     * Framework errors (405, 415, 406, ...) get a catalogue type instead of
     * {@code about:blank}.
     */
    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, @Nullable Object body,
            @Nullable HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (body == null && ex instanceof ErrorResponse response) {
            // 415 and friends arrive without a body; without this they left with no
            // catalogue type
            body = response.getBody();
        }
        if (status.value() == 413) {
            body = RequestBodyProblems.from(new DataBufferLimitException("too large")).getBody();
        }
        if (status.value() == 415) {
            body = ApiProblem
                .field(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Content-Type", "supported-media-type",
                        "must be application/json")
                .getBody();
        }
        if (body instanceof ProblemDetail problem && problem.getDetail() == null) {
            // every problem says what went wrong in words, even the framework's bare 415s
            problem.setDetail(ProblemTypes.forStatus(status.value()).title());
        }
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(String.valueOf(problem.getType())))) {
            ProblemType type = ProblemTypes.forStatus(status.value());
            problem.setType(type.uri());
            problem.setTitle(type.title());
        }
        return super.handleExceptionInternal(ex, body, headers, status, exchange).map(ProblemAdvice::asProblemJson);
    }

    /**
     * Content negotiation would pick the route's own media type for the problem (an SSE
     * route framed it as an event); a problem is always {@code application/problem+json}.
     */
    private static ResponseEntity<Object> asProblemJson(ResponseEntity<Object> entity) {
        if (!(entity.getBody() instanceof ProblemDetail)) {
            return entity;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(entity.getHeaders());
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(entity.getBody(), headers, entity.getStatusCode());
    }

    @ExceptionHandler(ServerExchangeRejectedException.class)
    Mono<ResponseEntity<Object>> rejected(ServerExchangeRejectedException ex) {
        // the firewall checks query parameters and headers lazily, when a handler first
        // reads them
        return render(FirewallRejections.problem(ex));
    }

    @ExceptionHandler(RuleViolation.class)
    Mono<ResponseEntity<Object>> brokenRule(RuleViolation ex) {
        return render(RuleViolations.problem(ex));
    }

    @ExceptionHandler(MatchingUnavailableException.class)
    Mono<ResponseEntity<Object>> matchingUnavailable(MatchingUnavailableException ex) {
        log.warn("matching unavailable: {}", ex.getMessage());
        return render(ApiProblem.unavailable("The matching service cannot be reached; try again shortly", 5));
    }

    /**
     * No connection within the pool's acquire time (every connection busy) or the
     * database unreachable: a passing condition, so 503 with Retry-After rather than a
     * 500 or a request that hangs.
     */
    @ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            QueryTimeoutException.class })
    Mono<ResponseEntity<Object>> databaseUnavailable(DataAccessException ex, ServerWebExchange exchange) {
        log.atWarn()
            .addKeyValue("method", exchange.getRequest().getMethod())
            .addKeyValue("path", exchange.getRequest().getPath().value())
            .addKeyValue("error", ex.getMostSpecificCause().toString())
            .log("database unavailable or busy");
        return render(ApiProblem.unavailable(ProblemType.TEMPORARILY_UNAVAILABLE,
                "The database is busy or cannot be reached; try again shortly", 2));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    Mono<ResponseEntity<Object>> staleWrite(OptimisticLockingFailureException ex) {
        return render(ApiProblem.field(ProblemType.PRECONDITION_FAILED, "If-Match", "current-version",
                "the resource was changed by someone else; fetch it again"));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    Mono<ResponseEntity<Object>> duplicate(DuplicateKeyException ex) {
        return render(ApiProblem.conflict("a resource with the same unique values already exists"));
    }

    @ExceptionHandler(Exception.class)
    Mono<ResponseEntity<Object>> unexpected(Exception ex, ServerWebExchange exchange) {
        log.error("unexpected failure on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                ex);
        if (exchange.getResponse().isCommitted()) {
            // a stream that fails midway has sent its status already: end it, no second
            // reply
            return Mono.empty();
        }
        return render(ApiProblem.of(ProblemType.INTERNAL_ERROR, "The request could not be completed"));
    }

    private static Mono<ResponseEntity<Object>> render(ApiProblem problem) {
        return Mono.just(ResponseEntity.status(problem.getStatusCode())
            .headers(problem.getHeaders())
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(problem.getBody()));
    }

}
