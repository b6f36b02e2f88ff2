package io.launchpad.api.problem;

import org.springframework.core.io.buffer.DataBufferLimitException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

import java.util.List;
import java.util.Objects;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

/**
 * Turns the reasons a JSON body could not be read into a problem that names the field and
 * the rule.
 */
final class RequestBodyProblems {

    private RequestBodyProblems() {
    }

    static ApiProblem from(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataBufferLimitException) {
                return ApiProblem.field(ProblemType.BODY_TOO_LARGE, "body", "max-size",
                        "request body is larger than the limit of this endpoint");
            }
            if (cause instanceof NamedRule named && cause instanceof JacksonException jackson) {
                return ApiProblem.invalid(path(jackson), named.rule(), named.reason());
            }
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return ApiProblem.invalid(path(unknown), "unknown-field",
                        "is not a field of this request; known fields: " + unknown.getKnownPropertyIds());
            }
            if (cause instanceof InvalidFormatException format) {
                return ApiProblem.invalid(path(format), "type", "must be a " + typeName(format.getTargetType()));
            }
            if (cause instanceof ValueInstantiationException instantiation) {
                Throwable reason = instantiation.getCause() == null ? instantiation : instantiation.getCause();
                return ApiProblem.invalid(path(instantiation), "value",
                        Objects.requireNonNullElse(reason.getMessage(), "cannot be read"));
            }
            if (cause instanceof MismatchedInputException mismatch) {
                return ApiProblem.invalid(path(mismatch), "type", mismatch.getTargetType() == null
                        ? "has the wrong type" : "must be a " + typeName(mismatch.getTargetType()));
            }
            if (cause instanceof InputCoercionException coercion) {
                // a number too big for its field is well-formed JSON: name the field and
                // what it accepts
                return ApiProblem.invalid(path(coercion), "range", "must be " + NumberRanges.allowed(coercion));
            }
            if (cause instanceof StreamReadException syntax) {
                var location = syntax.getLocation();
                String where = location == null ? ""
                        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
                return ApiProblem.field(ProblemType.MALFORMED_REQUEST, "body", "json-syntax",
                        "is not well-formed JSON" + where);
            }
        }
        return ApiProblem.field(ProblemType.MALFORMED_REQUEST, "body", "required", "a JSON body is required");
    }

    private static String path(JacksonException failure) {
        List<JacksonException.Reference> references = failure.getPath();
        if (references.isEmpty()) {
            return failure.processor() instanceof JsonParser parser ? pointerPath(parser) : "body";
        }
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /**
     * Where the parser stood, for failures raised below data binding, which record no
     * reference path.
     */
    private static String pointerPath(JsonParser parser) {
        StringBuilder path = new StringBuilder();
        for (String step : parser.streamReadContext().pathAsPointer().toString().split("/")) {
            if (step.isEmpty()) {
                continue;
            }
            if (step.chars().allMatch(Character::isDigit)) {
                path.append('[').append(step).append(']');
            }
            else {
                path.append(path.isEmpty() ? "" : ".").append(step.replace("~1", "/").replace("~0", "~"));
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value of the documented type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "whole number, written without a decimal point or exponent";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants()).toLowerCase();
        }
        if (type == String.class) {
            return "string";
        }
        if (type == LocalDate.class) {
            return "calendar date written as YYYY-MM-DD";
        }
        if (type.getName().startsWith("java.time")) {
            return "ISO-8601 " + type.getSimpleName();
        }
        if (type == UUID.class) {
            return "UUID";
        }
        return "JSON object";
    }

}
