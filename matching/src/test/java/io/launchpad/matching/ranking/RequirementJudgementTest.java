package io.launchpad.matching.ranking;

import java.util.List;

import io.launchpad.matching.RequirementEvidence;
import io.launchpad.matching.ranking.RequirementEvidenceFinder.Found;
import io.launchpad.matching.ranking.RequirementEvidenceFinder.Requirement;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * How one requirement is judged against a profile's closest passages, once Elasticsearch
 * has found them.
 */
class RequirementJudgementTest {

    private static final Requirement DAMP = new Requirement("Damp and mould sensors in homes",
            RequirementEvidence.ESSENTIAL);

    @Test
    void sharedWordsAreContentWordsComparedByTheirFirstFiveLetters() {
        // damp, mould, senso(rs), homes: "and", "in" are not counted
        assertThat(RequirementEvidenceFinder.wordsShared(DAMP.text(), "We fit SENSORS that catch mould early"))
            .isEqualTo(0.5);
        assertThat(RequirementEvidenceFinder.wordsShared("remote monitoring", "monitored remotely")).isEqualTo(1.0);
        assertThat(RequirementEvidenceFinder.wordsShared("remote monitoring", "nothing related")).isZero();
    }

    @Test
    void aRequirementOfOnlyShortOrFunctionWordsSharesNothingRatherThanDividingByZero() {
        assertThat(RequirementEvidenceFinder.wordsShared("to be or not to be", "to be or not to be")).isZero();
        assertThat(RequirementEvidenceFinder.wordsShared("", "anything")).isZero();
    }

    @Test
    void supportIsMostlyMeaningAndPartlyTheRequirementsOwnWords() {
        assertThat(RequirementEvidenceFinder.support("remote monitoring", new Found("unrelated text", null, 0.2)))
            .isZero();
        assertThat(RequirementEvidenceFinder.support("remote monitoring", new Found("unrelated text", null, 0.6)))
            .isCloseTo(0.75, within(1e-9));
        assertThat(RequirementEvidenceFinder.support("remote monitoring", new Found("remote monitoring", null, 0.1)))
            .isCloseTo(0.25, within(1e-9));
        assertThat(RequirementEvidenceFinder.support("remote monitoring", new Found("remote monitoring", null, 0.9)))
            .isCloseTo(1.0, within(1e-9));
    }

    @Test
    void noPassageIsNotEvidencedAndQuotesNothing() {
        RequirementEvidence evidence = RequirementEvidenceFinder.judge(DAMP, List.of());
        assertThat(evidence.verdict()).isEqualTo(RequirementEvidence.NOT_EVIDENCED);
        assertThat(evidence.support()).isZero();
        assertThat(evidence.passage()).isNull();
        assertThat(evidence.requirement()).isEqualTo(DAMP.text());
        assertThat(evidence.importance()).isEqualTo(RequirementEvidence.ESSENTIAL);
    }

    @Test
    void verdictsChangeAtTheirThresholdsAndOnlyAnAnsweringPassageIsQuoted() {
        // all words shared (0.25) + meaning 0.4 (cosine 0.36) = 0.55: evidenced
        RequirementEvidence evidenced = RequirementEvidenceFinder.judge(
                new Requirement("remote monitoring", "essential"),
                List.of(new Found("Remote monitoring of boilers", "capabilities", 0.36)));
        assertThat(evidenced.verdict()).isEqualTo(RequirementEvidence.EVIDENCED);
        assertThat(evidenced.support()).isEqualTo(0.55);
        assertThat(evidenced.passage()).isEqualTo("Remote monitoring of boilers");
        assertThat(evidenced.field()).isEqualTo("capabilities");

        // no words shared, meaning 0.4: 0.3, partly evidenced, still quoted
        RequirementEvidence partly = RequirementEvidenceFinder.judge(new Requirement("remote monitoring", "essential"),
                List.of(new Found("We look after boilers", "products", 0.36)));
        assertThat(partly.verdict()).isEqualTo(RequirementEvidence.PARTLY_EVIDENCED);
        assertThat(partly.support()).isEqualTo(0.3);
        assertThat(partly.passage()).isEqualTo("We look after boilers");

        // just under: not evidenced, and the passage that does not answer it is not
        // quoted
        RequirementEvidence not = RequirementEvidenceFinder.judge(new Requirement("remote monitoring", "essential"),
                List.of(new Found("We look after boilers", "products", 0.355)));
        assertThat(not.verdict()).isEqualTo(RequirementEvidence.NOT_EVIDENCED);
        assertThat(not.passage()).isNull();
        assertThat(not.field()).isNull();
    }

    @Test
    void theRequirementsOwnWordsDecideBetweenPassagesOfEqualMeaning() {
        RequirementEvidence evidence = RequirementEvidenceFinder.judge(DAMP,
                List.of(new Found("We help landlords keep homes healthy", "summary", 0.5),
                        new Found("Our sensors detect damp before mould appears", "products", 0.5)));
        assertThat(evidence.passage()).isEqualTo("Our sensors detect damp before mould appears");
        assertThat(evidence.field()).isEqualTo("products");
    }

}
