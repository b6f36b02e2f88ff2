package io.launchpad.api.problem;

import org.springframework.http.HttpStatus;

import java.net.URI;

/**
 * The catalogue of problem types the API answers with; each {@code type} URI names one
 * kind of failure.
 */
public enum ProblemType {

    VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "Request is not valid"),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "Request body is not readable JSON"),
    INVALID_PARAMETER(HttpStatus.BAD_REQUEST, "Query parameter is not valid"),
    INVALID_REQUEST_TARGET(HttpStatus.BAD_REQUEST, "Request path or query is not valid"),
    MALFORMED_HTTP(HttpStatus.BAD_REQUEST, "Request is not well-formed HTTP"),
    URI_TOO_LONG(HttpStatus.URI_TOO_LONG, "Request line is too long"),
    HEADERS_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Request headers are too large"),
    BODY_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Cannot produce an acceptable representation"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Authentication required"), FORBIDDEN(HttpStatus.FORBIDDEN, "Not allowed"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    CONFLICT(HttpStatus.CONFLICT, "Conflict with the current state"),
    UNPROCESSABLE(HttpStatus.UNPROCESSABLE_CONTENT, "Not possible in the current state"),
    INVALID_IDENTIFIER(HttpStatus.UNPROCESSABLE_CONTENT, "Identifier is not in its register's format"),
    WEBHOOK_URL_REFUSED(HttpStatus.UNPROCESSABLE_CONTENT, "Webhook URL is not allowed"),
    PRECONDITION_FAILED(HttpStatus.PRECONDITION_FAILED, "Resource has changed"),
    PRECONDITION_REQUIRED(HttpStatus.PRECONDITION_REQUIRED, "If-Match header required"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused for a different request"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    MATCHING_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Matching is temporarily unavailable"),
    TEMPORARILY_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side");

    private static final String BASE = "https://launchpad.example/problems/";

    private final HttpStatus status;

    private final String title;

    ProblemType(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI uri() {
        return URI.create(BASE + name().toLowerCase().replace('_', '-'));
    }

}
