package io.launchpad.matching.boardranking;

import java.util.List;

import io.launchpad.matching.BoardRanking;
import io.launchpad.matching.BoardRanking.GapCoverage;
import io.launchpad.matching.BoardRoleForMatching;
import io.launchpad.matching.RankedSkill;
import io.launchpad.matching.indexes.BoardDocuments;
import io.launchpad.matching.indexes.Embeddings;
import io.launchpad.matching.indexes.IndexedCandidate.Passage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * How a (role, candidate) pair is scored, with hand-made vectors instead of the model:
 * how each gap is met (level, adjacency, words), where coverage turns into "partly" and
 * "covered", location, hours and the cap on thin profiles.
 */
class BoardScoreTest {

    private static final RankedSkill DATA_GOVERNANCE_PRACTITIONER = new RankedSkill("data-governance",
            "Data governance", "practitioner", "Practitioner", 4, List.of("information-management"));

    private static final float[] GAP_MEANING = axis(0);

    private static final float[] ELSEWHERE = axis(1);

    @Test
    void aRoleStatingNoGapIsNotScored() {
        assertThat(BoardScore.score(new BoardScore.Role(List.of(), axis(2), BoardRoleForMatching.HYBRID, "london", 8),
                candidate(List.of(), List.of(), List.of()), 0))
            .isNull();
    }

    @Test
    void theSkillAtOrAboveTheLevelNeededCoversTheGap() {
        BoardScore.Scored scored = score(candidate(List.of(skill(4)), List.of(), List.of()));
        GapCoverage gap = scored.reasons().gapsCovered().getFirst();
        assertThat(gap.how()).isEqualTo("at-level");
        assertThat(gap.offeredLevel()).isEqualTo("level-4");
        assertThat(scored.reasons().parts().coverage()).isEqualTo(1.0);
        assertThat(score(candidate(List.of(skill(5)), List.of(), List.of())).reasons().gapsCovered()).hasSize(1);
    }

    @Test
    void belowTheLevelItCountsItsShareOfTheRankAndUnderThirtyPercentNothing() {
        BoardScore.Scored half = score(candidate(List.of(skill(2)), List.of(), List.of()));
        assertThat(half.reasons().gapsPartlyCovered()).extracting(GapCoverage::how).containsExactly("below-level");
        assertThat(half.reasons().parts().coverage()).isEqualTo(0.5);

        BoardScore.Scored quarter = score(candidate(List.of(skill(1)), List.of(), List.of()));
        assertThat(quarter.reasons().gapsMissing()).hasSize(1);
        GapCoverage missing = quarter.reasons().gapsMissing().getFirst();
        assertThat(missing.how()).isEqualTo("none");
        assertThat(missing.evidence()).as("evidence too weak to show").isNull();
        assertThat(quarter.reasons().parts().coverage()).isEqualTo(0.25);
    }

    @Test
    void anAdjacentSkillPartlyCoversTheGap() {
        RankedSkill adjacent = new RankedSkill("information-management", "Information management", "expert", "Expert",
                4);
        BoardScore.Scored scored = score(candidate(List.of(adjacent), List.of(), List.of()));
        GapCoverage gap = scored.reasons().gapsPartlyCovered().getFirst();
        assertThat(gap.how()).isEqualTo("adjacent");
        assertThat(gap.evidence()).isEqualTo("Information management");
        assertThat(scored.reasons().parts().coverage()).isEqualTo(BoardScore.ADJACENT);
    }

    @Test
    void aSentenceThatMeansTheGapCoversItInWordsAndAnUnrelatedOneDoesNot() {
        BoardScore.Scored covered = score(candidate(List.of(), List.of(),
                List.of(Passage.of("experience", "Chaired the data protection committee", 0, GAP_MEANING))));
        GapCoverage gap = covered.reasons().gapsCovered().getFirst();
        assertThat(gap.how()).isEqualTo("in-words");
        assertThat(gap.evidence()).isEqualTo("Chaired the data protection committee");
        assertThat(covered.reasons().parts().coverage()).isCloseTo(1.0, within(0.01));

        BoardScore.Scored unrelated = score(
                candidate(List.of(), List.of(), List.of(Passage.of("experience", "Ran a bakery", 0, ELSEWHERE))));
        assertThat(unrelated.reasons().gapsMissing()).hasSize(1);
        assertThat(unrelated.reasons().parts().coverage()).isZero();
    }

    @Test
    void aSkillListedBelowTheLevelIsJudgedByItsLevelNotByItsNameMatchingTheGap() {
        // the candidate's own skill passage says the gap's label word for word, and so
        // means it exactly
        BoardScore.Scored scored = score(candidate(List.of(skill(1)), List.of(),
                List.of(Passage.of("skill", "Data governance", 1, GAP_MEANING))));
        assertThat(scored.reasons().gapsMissing()).extracting(GapCoverage::label).containsExactly("Data governance");
        assertThat(scored.reasons().parts().coverage()).isEqualTo(0.25);
    }

    @Test
    void fullCoverageMeaningAndKeywordsWithGovernanceScoreOneHundredAndWithoutItNinety() {
        Passage whole = Passage.of(BoardDocuments.WHOLE, null, 0, axis(2));
        BoardScore.Role role = new BoardScore.Role(
                List.of(new BoardScore.Gap(DATA_GOVERNANCE_PRACTITIONER, "Data governance", GAP_MEANING)), axis(2),
                BoardRoleForMatching.HYBRID, "london", 8);
        BoardScore.Candidate governed = new BoardScore.Candidate(List.of(skill(4)), List.of(), List.of(whole), true, 6,
                "london", false, 8, 40);
        assertThat(BoardScore.score(role, governed, 1.0).score()).isEqualTo(100);
        BoardScore.Candidate ungoverned = new BoardScore.Candidate(List.of(skill(4)), List.of(), List.of(whole), false,
                0, "london", false, 8, 40);
        assertThat(BoardScore.score(role, ungoverned, 1.0).score()).isEqualTo(90);
        assertThat(BoardScore.score(role, governed, 7.0).reasons().parts().keywords()).as("clamped").isEqualTo(1.0);
        assertThat(BoardScore.score(role, governed, -1.0).reasons().parts().keywords()).as("clamped").isZero();
    }

    @Test
    void aThinProfileIsCappedWhateverItClaims() {
        BoardScore.Candidate thin = new BoardScore.Candidate(List.of(skill(4)), List.of(), List.of(), true, 10,
                "london", false, 8, BoardRanking.MIN_SUBSTANCE - 1);
        BoardScore.Scored scored = score(thin);
        assertThat(scored.score()).isEqualTo(BoardRanking.THIN_PROFILE_CAP);
        assertThat(scored.reasons().littleDetail()).isTrue();
        assertThat(scored.reasons().explanations().getFirst()).contains("little detail");

        BoardScore.Candidate enough = new BoardScore.Candidate(List.of(skill(4)), List.of(), List.of(), true, 10,
                "london", false, 8, BoardRanking.MIN_SUBSTANCE);
        assertThat(score(enough).reasons().littleDetail()).isFalse();
        assertThat(score(enough).score()).isGreaterThan(BoardRanking.THIN_PROFILE_CAP);
    }

    @Test
    void remoteWorkingMeetsAHybridOrRemoteRoleElsewhereButNotAnInPersonOne() {
        BoardScore.Candidate remoteInLeeds = new BoardScore.Candidate(List.of(skill(4)), List.of(), List.of(), true, 3,
                "leeds", true, 8, 40);
        assertThat(scoreFor(BoardRoleForMatching.HYBRID, remoteInLeeds).reasons().location()).isEqualTo("remote");
        assertThat(scoreFor(BoardRoleForMatching.REMOTE, remoteInLeeds).reasons().location()).isEqualTo("remote");
        assertThat(scoreFor(BoardRoleForMatching.IN_PERSON, remoteInLeeds).reasons().location()).isEqualTo("none");
        assertThat(scoreFor(BoardRoleForMatching.IN_PERSON, remoteInLeeds).reasons().parts().location()).isZero();
    }

    @Test
    void hoursAreMetAtTheRolesHoursAndCountTheirShareBelow() {
        BoardScore.Candidate fourHours = new BoardScore.Candidate(List.of(skill(4)), List.of(), List.of(), true, 3,
                "london", false, 4, 40);
        BoardScore.Scored scored = score(fourHours);
        assertThat(scored.reasons().hoursMet()).isFalse();
        assertThat(scored.reasons().parts().time()).isEqualTo(0.5);
        BoardScore.Role noHoursStated = new BoardScore.Role(
                List.of(new BoardScore.Gap(DATA_GOVERNANCE_PRACTITIONER, "Data governance", GAP_MEANING)), axis(2),
                BoardRoleForMatching.HYBRID, "london", 0);
        assertThat(BoardScore.score(noHoursStated, fourHours, 0).reasons().hoursMet()).isFalse();
        assertThat(BoardScore.score(noHoursStated, fourHours, 0).reasons().parts().time()).isZero();
    }

    @Test
    void aLongSentenceIsQuotedShortened() {
        String sentence = "Led ".repeat(60).strip();
        BoardScore.Scored scored = score(
                candidate(List.of(), List.of(), List.of(Passage.of("experience", sentence, 0, GAP_MEANING))));
        String quoted = scored.reasons().gapsCovered().getFirst().evidence();
        assertThat(quoted).endsWith("\u2026").hasSizeLessThanOrEqualTo(BoardScore.EVIDENCE_CHARACTERS);
    }

    @Test
    void cosinesAreRescaledBetweenUnrelatedAndSame() {
        assertThat(BoardScore.rescale(BoardScore.UNRELATED, BoardScore.UNRELATED, BoardScore.SAME)).isZero();
        assertThat(BoardScore.rescale(0.0, BoardScore.UNRELATED, BoardScore.SAME)).isZero();
        assertThat(BoardScore.rescale(BoardScore.SAME, BoardScore.UNRELATED, BoardScore.SAME)).isCloseTo(1.0,
                within(1e-9));
        assertThat(BoardScore.rescale(0.41, BoardScore.UNRELATED, BoardScore.SAME)).isCloseTo(0.5, within(1e-9));
    }

    private static BoardScore.Scored score(BoardScore.Candidate candidate) {
        return scoreFor(BoardRoleForMatching.HYBRID, candidate);
    }

    private static BoardScore.Scored scoreFor(String attendance, BoardScore.Candidate candidate) {
        BoardScore.Role role = new BoardScore.Role(
                List.of(new BoardScore.Gap(DATA_GOVERNANCE_PRACTITIONER, "Data governance", GAP_MEANING)), axis(2),
                attendance, "london", 8);
        return BoardScore.score(role, candidate, 0);
    }

    private static BoardScore.Candidate candidate(List<RankedSkill> skills, List<String> adjacentCodes,
            List<Passage> passages) {
        return new BoardScore.Candidate(skills, adjacentCodes, passages, true, 3, "london", false, 8, 40);
    }

    private static RankedSkill skill(int rank) {
        return new RankedSkill("data-governance", "Data governance", "level-" + rank, "Level " + rank, rank);
    }

    /** A unit vector along one dimension: cosine 1 with itself, 0 with any other axis. */
    private static float[] axis(int dimension) {
        float[] vector = new float[Embeddings.DIMENSIONS];
        vector[dimension] = 1;
        return vector;
    }

}
