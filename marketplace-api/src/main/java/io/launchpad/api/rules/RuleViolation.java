package io.launchpad.api.rules;

/**
 * A domain rule that a value breaks, with the field to blame and the reason in plain
 * words for the person who sent it. Domain code throws this rather than an HTTP problem,
 * so the rules do not depend on the web layer; the problem layer answers it as
 * problem+json, the field and the rule named as any other broken rule is.
 */
public final class RuleViolation extends RuntimeException {

    /**
     * How a client should read the failure; the problem layer turns each into its own
     * problem type.
     */
    public enum Kind {

        /**
         * The value is wrong as sent, on its own or against another field of the same
         * request.
         */
        INVALID,
        /**
         * The value is well formed, but the rule refuses it as a whole (weights that do
         * not add up).
         */
        UNACCEPTABLE

    }

    private final Kind kind;

    private final String field;

    private final String rule;

    private RuleViolation(Kind kind, String field, String rule, String message) {
        // an expected answer to a request, not a fault: no stack trace to fill or log
        super(message, null, false, false);
        this.kind = kind;
        this.field = field;
        this.rule = rule;
    }

    public static RuleViolation invalid(String field, String rule, String message) {
        return new RuleViolation(Kind.INVALID, field, rule, message);
    }

    public static RuleViolation unacceptable(String field, String rule, String message) {
        return new RuleViolation(Kind.UNACCEPTABLE, field, rule, message);
    }

    public Kind kind() {
        return kind;
    }

    /** A JSON path into the request, such as {@code weightings} or {@code regions[1]}. */
    public String field() {
        return field;
    }

    /** The rule's name as clients see it, such as {@code sum-100}. */
    public String rule() {
        return rule;
    }

}
