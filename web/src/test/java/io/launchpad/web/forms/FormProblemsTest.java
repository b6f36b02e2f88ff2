package io.launchpad.web.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.launchpad.web.api.ApiProblemException.FieldError;
import io.launchpad.web.api.ApiRefusals;

/** The API's field paths and rule codes become sentences about the form's own fields. */
class FormProblemsTest {

    private final FormFields fields = FormFields.of("challenge")
        .enter("title", "Title", "a title")
        .enter("photoUrl", "Photo link", "a link to a photo")
        .message("photoUrl", "pattern", "Enter a web address starting with https://")
        .enter("pilotLengthWeeks", "Pilot length", "the pilot length")
        .paths(path -> path.equals("weightings[0].weight")
                ? new FormFields.Field("weight-technical", "weight-technical", "Technical weight", "Enter a weight")
                : null);

    @Test
    void rulesAreSaidAsWhatToDo() {
        assertThat(message(new FieldError("weightings[0].weight", "minimum", "must be greater than or equal to 1")))
            .isEqualTo("Technical weight must be 1 or more");
        assertThat(message(new FieldError("photoUrl", "pattern", "must match \"^https://\\S+$\"")))
            .isEqualTo("Enter a web address starting with https://");
        assertThat(message(new FieldError("title", "length", "size must be between 5 and 200")))
            .isEqualTo("Title must be between 5 and 200 characters");
        assertThat(message(new FieldError("title", "required", "must not be blank"))).isEqualTo("Enter a title");
        assertThat(message(new FieldError("pilotLengthWeeks", "maximum", "must be less than or equal to 260")))
            .isEqualTo("Pilot length must be 260 or less");
    }

    @Test
    void aProblemWithTheVersionIsAConflictWithAWayForward() {
        var refusal = ApiRefusals.of(412, "If-Match: the resource was changed since you read it (now \"3\")",
                List.of(new FieldError("If-Match", "current-version",
                        "the resource was changed since you read it (now \"3\"); fetch it again")));
        List<FormProblems.Problem> problems = FormProblems.problems(fields, refusal, List.of());
        assertThat(problems).extracting(FormProblems.Problem::message)
            .containsExactly(
                    "Someone changed this challenge while you were editing. Your changes are below; check them against"
                            + " the current version and save again.");
        assertThat(problems.getFirst().anchor()).isNull();
    }

    @Test
    void wordingThatReadsLikeCodeNeverReachesThePage() {
        var refusal = ApiRefusals.of(400, "x", List.of(
                new FieldError("status", "weird-rule", "must match \"^[a-z]+$\""),
                new FieldError("budgetMaxPounds", "not-below-minimum", "must not be less than budgetMinPounds (5)")));
        List<FormProblems.Problem> problems = FormProblems.problems(fields, refusal, List.of());
        assertThat(problems).hasSize(2);
        assertThat(problems).allSatisfy(
                problem -> assertThat(problem.message()).doesNotContain("^", "$", "[", "budgetMinPounds", "\""));
        // neither is a field of this form: both are said above it, linking nowhere
        assertThat(problems).allSatisfy(problem -> assertThat(problem.anchor()).isNull());
    }

    @Test
    void theWebsOwnFindingWinsForItsFieldAndEveryFieldIsSaidOnce() {
        var refusal = ApiRefusals.of(400, "x",
                List.of(new FieldError("pilotLengthWeeks", "minimum", "must be greater than or equal to 1"),
                        new FieldError("title", "required", "must not be blank"),
                        new FieldError("title", "length", "size must be between 5 and 200")));
        List<FormProblems.Problem> problems = FormProblems.problems(fields, refusal,
                List.of(new FieldError("pilotLengthWeeks", FormProblems.WHOLE_NUMBER, null)));
        assertThat(problems).extracting(FormProblems.Problem::message)
            .containsExactly("Enter a title", "Pilot length must be a whole number, like 12");
    }

    @Test
    void aDetailWithoutFieldsLosesItsFieldNameAndSaysDatesInWords() {
        var refusal = ApiRefusals.of(409, "status: the challenge has not closed yet; decide after 2026-12-01",
                List.of());
        assertThat(FormProblems.problems(FormFields.guessing("challenge"), refusal, List.of()))
            .extracting(FormProblems.Problem::message)
            .containsExactly("The challenge has not closed yet; decide after 1 December 2026");
    }

    private String message(FieldError error) {
        return FormProblems.problem(fields, error).message();
    }

}
