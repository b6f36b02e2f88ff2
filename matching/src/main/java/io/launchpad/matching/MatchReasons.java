package io.launchpad.matching;

import java.util.List;

/**
 * Why a match scored what it did. Every list is empty rather than null. Missing data is
 * never agreement: a side without categories, text or regions contributes nothing, and
 * shows nothing here.
 *
 * @param requirements the challenge's essential then nice-to-have requirements, each with
 * the supplier's best passage and a verdict (empty when the challenge states none, and in
 * BM25 mode)
 * @param matchedCategories category codes both sides declare (a profile's categories are
 * the ones its supplier declared, never inferred from its words)
 * @param semanticCloseness 0–1: how close the two texts' meanings are (MiniLM cosine,
 * rescaled so unrelated texts sit near 0); 0 when either side has no text
 * @param closeness {@code strong}, {@code moderate}, {@code weak} or {@code none}
 * @param regionsMet the challenge's regions the supplier serves ({@code remote} when it
 * serves them by working remotely)
 * @param regionsMissing the challenge's regions the supplier does not serve
 * @param accreditationsMet required accreditations the supplier holds, or meets through a
 * broader one it holds (Cyber Essentials Plus meets Cyber Essentials:
 * {@link Taxonomy.Term#satisfies})
 * @param accreditationsMissing required accreditations it lacks (empty for matches: they
 * are a hard filter)
 * @param completedPilots completed pilots that count as evidence (0 until pilots exist)
 * @param parts the score's ingredients, each 0–1
 * @param cautions what a reader should weigh against the score, in plain words
 * ({@value #LITTLE_DETAIL} when a supplier profile's substance caps its score)
 * @param explanations all of the above as sentences for people: requirements first, in
 * the challenge's own words with the passage that evidences each, then cautions,
 * closeness of meaning, and categories, regions and accreditations by their labels
 */
public record MatchReasons(List<RequirementEvidence> requirements, List<String> matchedCategories,
        double semanticCloseness, String closeness, List<String> regionsMet, List<String> regionsMissing,
        List<String> accreditationsMet, List<String> accreditationsMissing, int completedPilots, ScoreParts parts,
        List<String> cautions, List<String> explanations) {

    public static final String LITTLE_DETAIL = "profile has little detail";

    public MatchReasons {
        cautions = cautions == null ? List.of() : List.copyOf(cautions);
        requirements = requirements == null ? List.of() : List.copyOf(requirements);
        matchedCategories = List.copyOf(matchedCategories);
        regionsMet = List.copyOf(regionsMet);
        regionsMissing = List.copyOf(regionsMissing);
        accreditationsMet = List.copyOf(accreditationsMet);
        accreditationsMissing = List.copyOf(accreditationsMissing);
        explanations = explanations == null ? List.of() : List.copyOf(explanations);
    }

    /** The same reasons, told in sentences. */
    public MatchReasons withExplanations(List<String> sentences) {
        return new MatchReasons(requirements, matchedCategories, semanticCloseness, closeness, regionsMet,
                regionsMissing, accreditationsMet, accreditationsMissing, completedPilots, parts, cautions, sentences);
    }

    /**
     * The score is
     * {@code 100 · (0.3·text + 0.5·semantic + 0.1·taxonomy + 0.1·evidence) · (0.9 + 0.1·freshness)}
     * in {@link RankingMode#HYBRID} for a challenge stating no requirements; with
     * requirements it is
     * {@code 0.15·text + 0.3·semantic + 0.35·requirements + 0.1·taxonomy + 0.1·evidence};
     * in {@link RankingMode#BM25} text weighs 0.8 and semantic 0. Meaning weighs most,
     * and categories little: they count only where the supplier declared them, so a
     * challenge whose suppliers declare nothing is still ranked by what their profiles
     * say. Freshness only scales: on its own it never makes a match. A supplier profile's
     * score is then multiplied by {@code min(1, quality / 0.6)}, which caps it: a profile
     * with no sentences (a bare line or a list of terms) scores 0.
     *
     * @param text keyword relevance, BM25 through a saturating curve (absolute, not
     * relative to the best hit)
     * @param semantic {@link #semanticCloseness()}
     * @param taxonomy share of the challenge's categories the supplier covers
     * @param evidence completed pilots, saturating at three
     * @param freshness 1 for a recently updated profile or a challenge with time left to
     * respond, falling towards 0
     * @param requirements how well the profile evidences the challenge's requirements:
     * their supports averaged, essential ones counting twice (0 when none are stated)
     * @param quality a supplier profile's substance: written sentences and described
     * capabilities (1 when ranking challenges for a supplier)
     */
    public record ScoreParts(double text, double semantic, double taxonomy, double evidence, double freshness,
            double quality, double requirements) {
    }
}
