package io.launchpad.matching.ranking;

import java.util.List;

import io.launchpad.matching.MatchReasons;
import io.launchpad.matching.RequirementEvidence;
import io.launchpad.matching.Taxonomy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reasons told as sentences, with the real taxonomy's labels. */
class ExplanationsTest {

    private final Explanations explanations = new Explanations(Taxonomy.housing());

    @Test
    void requirementsComeFirstInTheChallengesWordsThenLabelsNotCodes() {
        MatchReasons reasons = reasons(
                List.of(new RequirementEvidence("Works with our housing management system",
                        RequirementEvidence.ESSENTIAL, RequirementEvidence.EVIDENCED, 0.8,
                        "We integrate with the main housing management systems.", "capabilities"),
                        new RequirementEvidence("Training for staff", RequirementEvidence.NICE_TO_HAVE,
                                RequirementEvidence.NOT_EVIDENCED, 0.1, null, null)),
                "strong", List.of("north-east", "remote"), List.of("cyber-essentials"), List.of());

        List<String> sentences = explanations.of(reasons, List.of("cyber-essentials-plus"));

        assertThat(sentences.get(0))
            .isEqualTo("Evidences the essential requirement “Works with our housing management system”: "
                    + "“We integrate with the main housing management systems.”");
        assertThat(sentences.get(1))
            .isEqualTo("Says nothing that evidences the nice-to-have requirement “Training for staff”.");
        assertThat(String.join(" ", sentences))
            .contains("Describes closely related work", "Works in North East.", "Works remotely",
                    "Holds Cyber Essentials Plus, which meets the Cyber Essentials requirement.")
            .doesNotContain("north-east", "cyber-essentials-plus", "remote\"");
    }

    @Test
    void weakClosenessIsNoReasonAndLittleDetailIsSaid() {
        MatchReasons reasons = reasons(List.of(), "weak", List.of(), List.of(), List.of(MatchReasons.LITTLE_DETAIL));

        assertThat(explanations.of(reasons, List.of()))
            .containsExactly("The profile has little detail, so its score is capped.");
    }

    @Test
    void longPassagesAreCutAtAWord() {
        String passage = "word ".repeat(100);
        String quoted = Explanations.quote(passage);
        assertThat(quoted).endsWith("word…").hasSizeLessThanOrEqualTo(Explanations.MAX_QUOTE + 1);
    }

    private static MatchReasons reasons(List<RequirementEvidence> requirements, String closeness,
            List<String> regionsMet, List<String> accreditationsMet, List<String> cautions) {
        return new MatchReasons(requirements, List.of(), 0.5, closeness, regionsMet, List.of(), accreditationsMet,
                List.of(), 0, new MatchReasons.ScoreParts(0, 0, 0, 0, 0, 1, 0), cautions, null);
    }

}
