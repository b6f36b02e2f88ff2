package io.launchpad.matching.ranking;

import java.util.List;

import io.launchpad.matching.RequirementEvidence;
import io.launchpad.matching.Taxonomy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The supplier ranker's reasons that need no node: regions met and missing, codes shared,
 * requirements averaged.
 */
class RegionsAndRequirementsTest {

    @Test
    void aSupplierMeetsTheRegionsItServesAndMissesTheRest() {
        HybridRanker.Regions regions = HybridRanker.Regions.of(List.of("london", "north-west"),
                List.of("north-west", "wales"));
        assertThat(regions.met()).containsExactly("north-west");
        assertThat(regions.missing()).containsExactly("london");
    }

    @Test
    void workingRemotelyMeetsTheRegionsItDoesNotServeInPerson() {
        HybridRanker.Regions regions = HybridRanker.Regions.of(List.of("london", "north-west"),
                List.of("north-west", Taxonomy.REMOTE));
        assertThat(regions.met()).containsExactly("north-west", Taxonomy.REMOTE);
        assertThat(regions.missing()).isEmpty();
        // every region served in person: remote adds nothing
        assertThat(HybridRanker.Regions.of(List.of("london"), List.of("london", Taxonomy.REMOTE)).met())
            .containsExactly("london");
    }

    @Test
    void aChallengeNamingNoRegionIsMetByNobodyInParticular() {
        HybridRanker.Regions remote = HybridRanker.Regions.of(List.of(), List.of(Taxonomy.REMOTE));
        assertThat(remote.met()).isEmpty();
        assertThat(remote.missing()).isEmpty();
        assertThat(HybridRanker.Regions.of(List.of(), List.of("london")).met()).isEmpty();
    }

    @Test
    void sharedAndLackingCodesKeepTheWantedOrderOnce() {
        List<String> wanted = List.of("iso-27001", "cyber-essentials", "iso-27001", "dspt");
        List<String> offered = List.of("dspt", "iso-27001");
        assertThat(HybridRanker.intersection(wanted, offered)).containsExactly("iso-27001", "dspt");
        assertThat(HybridRanker.difference(wanted, offered)).containsExactly("cyber-essentials");
        assertThat(HybridRanker.difference(wanted, List.of())).containsExactly("iso-27001", "cyber-essentials", "dspt");
        assertThat(HybridRanker.intersection(List.of(), offered)).isEmpty();
    }

    @Test
    void essentialRequirementsCountTwiceAndNoneJudgedCountsNothing() {
        assertThat(HybridRanker.requirementsPart(List.of())).isZero();
        assertThat(HybridRanker.requirementsPart(
                List.of(judged(RequirementEvidence.ESSENTIAL, 1.0), judged(RequirementEvidence.NICE_TO_HAVE, 0.0))))
            .isCloseTo(2 / 3.0, within(1e-9));
        assertThat(HybridRanker.requirementsPart(
                List.of(judged(RequirementEvidence.ESSENTIAL, 0.0), judged(RequirementEvidence.NICE_TO_HAVE, 1.0))))
            .isCloseTo(1 / 3.0, within(1e-9));
        assertThat(HybridRanker.requirementsPart(List.of(judged(RequirementEvidence.NICE_TO_HAVE, 0.4))))
            .isEqualTo(0.4);
    }

    private static RequirementEvidence judged(String importance, double support) {
        return new RequirementEvidence("a requirement", importance, RequirementEvidence.NOT_EVIDENCED, support, null,
                null);
    }

}
