package io.launchpad.api.search;

import io.launchpad.matching.MatchReasons;
import io.launchpad.matching.RequirementEvidence;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * Why a supplier and a challenge scored what they did, as the API promises it in both
 * directions: matching's {@link MatchReasons} field for field, so matching can change its
 * records without changing the contract. Named as the contract has always named it.
 */
@Schema(name = "MatchReasons")
public record MatchReasonsView(List<Requirement> requirements, List<String> matchedCategories, double semanticCloseness,
        String closeness, List<String> regionsMet, List<String> regionsMissing, List<String> accreditationsMet,
        List<String> accreditationsMissing, int completedPilots, Parts parts, List<String> cautions,
        List<String> explanations) {

    public static MatchReasonsView of(MatchReasons reasons) {
        MatchReasons.ScoreParts parts = reasons.parts();
        return new MatchReasonsView(reasons.requirements().stream().map(Requirement::of).toList(),
                reasons.matchedCategories(), reasons.semanticCloseness(), reasons.closeness(), reasons.regionsMet(),
                reasons.regionsMissing(), reasons.accreditationsMet(), reasons.accreditationsMissing(),
                reasons.completedPilots(), new Parts(parts.text(), parts.semantic(), parts.taxonomy(), parts.evidence(),
                        parts.freshness(), parts.quality(), parts.requirements()),
                reasons.cautions(), reasons.explanations());
    }

    /**
     * One of the challenge's requirements, with the supplier's passage that answers it
     * best.
     */
    @Schema(name = "RequirementEvidence")
    public record Requirement(String requirement, String importance, String verdict, double support,
            @Nullable String passage, @Nullable String field) {

        static Requirement of(RequirementEvidence evidence) {
            return new Requirement(evidence.requirement(), evidence.importance(), evidence.verdict(),
                    evidence.support(), evidence.passage(), evidence.field());
        }
    }

    /** The score's ingredients, each 0–1. */
    @Schema(name = "ScoreParts")
    public record Parts(double text, double semantic, double taxonomy, double evidence, double freshness,
            double quality, double requirements) {
    }
}
