package io.launchpad.api.problem;

/**
 * One broken rule on one field of a request: {@code field} is a JSON path such as
 * {@code regions[1]}.
 */
public record FieldViolation(String field, String rule, String message) {
}
