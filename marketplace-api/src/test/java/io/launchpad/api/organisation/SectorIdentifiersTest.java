package io.launchpad.api.organisation;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.FieldViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import java.util.List;
import org.assertj.core.groups.Tuple;

/**
 * The registers' formats, without any real component: tidying, refusals naming every
 * field, schemes.
 */
class SectorIdentifiersTest {

    @Test
    void typingHabitsAreTidiedNotRefused() {
        SectorIdentifiers tidied = new SectorIdentifiers(" 123 4567 ", "sc012345", "31367r", "l4426", "hal 141", "l001")
            .normalised("");
        assertThat(tidied)
            .isEqualTo(new SectorIdentifiers("01234567", "SC012345", "31367R", "L4426", "HAL141", "L001"));
        assertThat(new SectorIdentifiers("SC123456", "1084532", null, "LH0174", null, null).normalised(""))
            .isEqualTo(new SectorIdentifiers("SC123456", "1084532", null, "LH0174", null, null));
        assertThat(new SectorIdentifiers("  ", "", null, null, null, null).normalised(""))
            .isEqualTo(SectorIdentifiers.none());
    }

    @Test
    void everyNumberNotInItsRegistersFormatIsNamedAtOnce() {
        ApiProblem problem = catchThrowableOfType(ApiProblem.class,
                () -> new SectorIdentifiers("123456789", "12345", "R12", "L44261", "ABCD1", "12345")
                    .normalised("identifiers."));
        assertThat(problem.getStatusCode().value()).isEqualTo(422);
        assertThat(errors(problem)).extracting(FieldViolation::field)
            .containsExactly("identifiers.companyNumber", "identifiers.charityNumber", "identifiers.mutualsNumber",
                    "identifiers.socialHousingEngland", "identifiers.socialHousingScotland",
                    "identifiers.socialHousingWales");
        assertThat(errors(problem)).allSatisfy(violation -> assertThat(violation.rule()).isEqualTo("format"));
        // no number is all zeros, and a lone letter prefix is not a number
        assertThat(errors(catchThrowableOfType(ApiProblem.class,
                () -> new SectorIdentifiers("0", null, null, null, null, null).normalised(""))))
            .extracting(FieldViolation::field)
            .containsExactly("companyNumber");
        assertThat(errors(catchThrowableOfType(ApiProblem.class,
                () -> new SectorIdentifiers("SC", "NIC", null, null, null, null).normalised(""))))
            .hasSize(2);
    }

    @Test
    void eachNumberIsListedWithItsRegistersScheme() {
        assertThat(new SectorIdentifiers("01234567", "NIC100002", "RS007890", "L4426", null, null).listed())
            .extracting(SectorIdentifiers.Identifier::scheme, SectorIdentifiers.Identifier::id)
            .containsExactly(Tuple.tuple("GB-COH", "01234567"), Tuple.tuple("GB-NIC", "100002"),
                    Tuple.tuple("GB-MPR", "RS007890"), Tuple.tuple("GB-SHPE", "L4426"));
        assertThat(new SectorIdentifiers(null, "SC012345", null, null, null, null).listed().getFirst().scheme())
            .isEqualTo("GB-SC");
        assertThat(new SectorIdentifiers(null, "1084532", null, null, null, null).listed().getFirst().scheme())
            .isEqualTo("GB-CHC");
    }

    @SuppressWarnings("unchecked")
    private static List<FieldViolation> errors(ApiProblem problem) {
        return (List<FieldViolation>) problem.getBody().getProperties().get("errors");
    }

}
