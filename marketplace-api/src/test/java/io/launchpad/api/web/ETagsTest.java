package io.launchpad.api.web;

import io.launchpad.api.problem.ApiProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * If-Match on updates: which headers name a version, which are refused and with what
 * status.
 */
class ETagsTest {

    @Test
    void theTagAResourceIsServedWithNamesItsVersionInIfMatch() {
        assertThat(ETags.requiredVersion(ETags.of(7))).isEqualTo(7L);
        assertThat(ETags.requiredVersion("  \"12\" ")).isEqualTo(12L);
        assertThat(ETags.optionalVersion("\"3\"")).isEqualTo(3L);
    }

    @Test
    void anUpdateWithoutIfMatchIs428WhenItIsRequiredAndUncheckedWhenOptional() {
        assertProblem(() -> ETags.requiredVersion(null), 428, "required");
        assertProblem(() -> ETags.requiredVersion(" "), 428, "required");
        assertThat(ETags.optionalVersion(null)).isNull();
        assertThat(ETags.optionalVersion("")).isNull();
        assertThatCode(() -> ETags.check(5, null)).doesNotThrowAnyException();
    }

    @Test
    void aWeakOrUnquotedTagIsRefusedBecauseIfMatchComparesStrongly() {
        assertProblem(() -> ETags.requiredVersion("W/\"7\""), 412, "strong-etag");
        assertProblem(() -> ETags.requiredVersion("7"), 412, "strong-etag");
        assertProblem(() -> ETags.requiredVersion("\"\""), 412, "strong-etag");
        assertProblem(() -> ETags.optionalVersion("\"7"), 412, "strong-etag");
    }

    @Test
    void aQuotedTagThatIsNoVersionOfOursNeverMatches() {
        assertProblem(() -> ETags.requiredVersion("\"abc\""), 412, "current-version");
        assertProblem(() -> ETags.requiredVersion("\"*\""), 412, "current-version");
    }

    @Test
    void anOlderVersionIs412AndSaysWhichIsCurrent() {
        assertThatCode(() -> ETags.check(5, 5L)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ETags.check(5, 4L)).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.getStatusCode().value()).isEqualTo(412);
            assertThat(problem.getBody().getDetail()).contains("\"5\"");
        });
        assertProblem(() -> ETags.check(5, 6L), 412, "current-version");
    }

    private static void assertProblem(Executable call, int status, String rule) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.getStatusCode().value()).isEqualTo(status);
            assertThat(problem.getBody().getProperties().toString()).contains("If-Match").contains(rule);
        });
    }

}
