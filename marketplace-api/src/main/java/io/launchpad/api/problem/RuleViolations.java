package io.launchpad.api.problem;

import io.launchpad.api.rules.RuleViolation;

import java.util.Objects;

/** A broken domain rule as the problem clients have always received for it. */
final class RuleViolations {

    private RuleViolations() {
    }

    static ApiProblem problem(RuleViolation violation) {
        ProblemType type = switch (violation.kind()) {
            case INVALID -> ProblemType.VALIDATION_FAILED;
            case UNACCEPTABLE -> ProblemType.UNPROCESSABLE;
        };
        return ApiProblem.field(type, violation.field(), violation.rule(),
                Objects.requireNonNull(violation.getMessage(), "a RuleViolation is always made with its message"));
    }

}
