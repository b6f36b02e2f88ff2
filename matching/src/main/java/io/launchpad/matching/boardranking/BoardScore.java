package io.launchpad.matching.boardranking;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.launchpad.matching.BoardRanking;
import io.launchpad.matching.BoardRanking.BoardReasons;
import io.launchpad.matching.BoardRanking.BoardScoreParts;
import io.launchpad.matching.BoardRanking.GapCoverage;
import io.launchpad.matching.BoardRoleForMatching;
import io.launchpad.matching.RankedSkill;
import io.launchpad.matching.indexes.EmbeddingModel;
import io.launchpad.matching.indexes.Embeddings;
import io.launchpad.matching.indexes.IndexedCandidate.Passage;
import org.jspecify.annotations.Nullable;
import io.launchpad.matching.indexes.BoardDocuments;

/**
 * The transparent re-rank of a (role, candidate) pair, the same in both directions. Each
 * gap (a framework skill or the board's words) is met by the best of: the framework skill
 * at the level needed (1) or below it (rank share), an adjacent framework skill (0.5), or
 * the candidate's closest passage by meaning (skill, role held, sentence), discounted for
 * a low stated level. Missing data is never agreement: no passage, no credit; a profile
 * with little substance is capped whatever it claims. Only {@code keywords} depends on
 * the rest of the pool (BM25 has no absolute scale).
 */
final class BoardScore {

    static final double COVERAGE = 0.55;
    static final double MEANING = 0.25;
    static final double KEYWORDS = 0.20;
    static final double RELEVANCE = 0.90;
    static final double GOVERNANCE = 0.10;

    /**
     * Cosine of MiniLM below which two short texts are unrelated, and above which they
     * say the same.
     */
    static final double UNRELATED = 0.20;
    static final double SAME = 0.62;

    /** Whole texts are longer, so their cosines sit lower. */
    static final double WHOLE_UNRELATED = 0.15;
    static final double WHOLE_SAME = 0.60;
    static final double ADJACENT = 0.5;
    static final double COVERED = 0.6;
    static final double PARTLY = 0.3;
    static final int EVIDENCE_CHARACTERS = 160;

    /**
     * A role's gap as scored: the framework skill (null for words) and the vector of its
     * text.
     */
    record Gap(@Nullable RankedSkill skill, String text, float @Nullable [] vector) {
    }

    record Role(List<Gap> gaps, float @Nullable [] vector, String attendance, @Nullable String region,
            int hoursPerMonth) {
    }

    record Candidate(List<RankedSkill> skills, List<String> adjacentCodes, List<Passage> passages, boolean governance,
            int governanceYears, @Nullable String region, boolean remote, int hoursPerMonth, int substance) {
    }

    record Scored(int score, double relevance, BoardReasons reasons) {
    }

    private BoardScore() {
    }

    /**
     * Null when the role states no gap. {@code keywords} is the pair's BM25 share of the
     * pool's best, 0–1.
     */
    static @Nullable Scored score(Role role, Candidate candidate, double keywords) {
        return score(role, candidate, keywords, EmbeddingModel.DEFAULT);
    }

    /**
     * {@code model} made the vectors: its cosines are put on the default model's scale
     * the thresholds speak.
     */
    static @Nullable Scored score(Role role, Candidate candidate, double keywords, EmbeddingModel model) {
        if (role.gaps().isEmpty()) {
            return null;
        }
        Map<String, RankedSkill> offered = new LinkedHashMap<>();
        candidate.skills().forEach(skill -> offered.putIfAbsent(skill.skill(), skill));
        Set<String> adjacentOffered = new HashSet<>(candidate.adjacentCodes());
        float[] wholeVector = null;
        List<Passage> passages = new ArrayList<>();
        List<float[]> passageVectors = new ArrayList<>();
        for (Passage passage : candidate.passages()) {
            float[] vector = passage.vector(); // decoded once per pair, not once per gap
            if (BoardDocuments.WHOLE.equals(passage.kind())) {
                wholeVector = vector;
            }
            else if (vector != null) {
                passages.add(passage);
                passageVectors.add(vector);
            }
        }
        List<GapCoverage> covered = new ArrayList<>();
        List<GapCoverage> partly = new ArrayList<>();
        List<GapCoverage> missing = new ArrayList<>();
        List<String> explanations = new ArrayList<>();
        double credit = 0;
        for (Gap gap : role.gaps()) {
            RankedSkill need = gap.skill();
            double best = 0;
            String how = "none";
            String evidence = null;
            String offeredLevel = null;
            if (need != null) {
                RankedSkill has = offered.get(need.skill());
                if (has != null) {
                    offeredLevel = has.level();
                    best = has.rank() >= need.rank() ? 1
                            : need.rank() <= 0 ? 0 : Math.max(0, (double) has.rank() / need.rank());
                    how = has.rank() >= need.rank() ? "at-level" : "below-level";
                    evidence = has.skillLabel() + " (" + has.levelLabel() + ")";
                }
                else if (adjacentOffered.contains(need.skill())
                        || need.adjacent().stream().anyMatch(offered::containsKey)) {
                    best = ADJACENT;
                    how = "adjacent";
                    evidence = need.adjacent()
                        .stream()
                        .map(offered::get)
                        .filter(Objects::nonNull)
                        .map(RankedSkill::skillLabel)
                        .findFirst()
                        .orElse(null);
                }
            }
            Passage closest = null;
            double meaning = 0;
            for (int p = 0; p < passages.size(); p++) {
                Passage passage = passages.get(p);
                if (need != null && offeredLevel != null && "skill".equals(passage.kind())
                        && need.skillLabel().equalsIgnoreCase(passage.text())) {
                    continue; // the same framework skill listed is judged by its level,
                              // not by its name matching itself
                }
                double closeness = rescale(model.calibrated(Embeddings.cosine(gap.vector(), passageVectors.get(p))),
                        UNRELATED, SAME) * levelFactor(passage);
                if (closeness > meaning) {
                    meaning = closeness;
                    closest = passage;
                }
            }
            if (meaning > best) {
                best = meaning;
                how = "in-words";
                evidence = quote(closest);
            }
            credit += best;
            String label = need == null ? gap.text() : need.skillLabel();
            GapCoverage coverage = new GapCoverage(need == null ? null : need.skill(), label,
                    need == null ? null : need.level(), offeredLevel, best >= PARTLY ? how : "none",
                    best >= PARTLY ? evidence : null);
            if (best >= COVERED) {
                covered.add(coverage);
                explanations.add("Covers \u201c" + label + "\u201d" + because(coverage, need));
            }
            else if (best >= PARTLY) {
                partly.add(coverage);
                explanations.add("Partly covers \u201c" + label + "\u201d" + because(coverage, need));
            }
            else {
                missing.add(coverage);
                explanations.add("Nothing in the profile speaks to \u201c" + label + "\u201d");
            }
        }
        double coverage = credit / role.gaps().size();
        double meaning = rescale(model.calibrated(Embeddings.cosine(role.vector(), wholeVector)), WHOLE_UNRELATED,
                WHOLE_SAME);
        double words = Math.max(0, Math.min(1, keywords));
        double relevance = COVERAGE * coverage + MEANING * meaning + KEYWORDS * words;
        double governance = candidate.governance() ? 1 : 0;
        explanations.add(!candidate.governance() ? "No governance experience stated" : candidate.governanceYears() > 0
                ? candidate.governanceYears() + " years of governance experience" : "Has governance experience");
        String location;
        double place;
        if (candidate.region() != null && candidate.region().equals(role.region())) {
            location = "same-region";
            place = 1;
        }
        else if (candidate.remote() && !BoardRoleForMatching.IN_PERSON.equals(role.attendance())) {
            location = "remote";
            place = 1;
        }
        else {
            location = "none";
            place = 0;
        }
        explanations.add(switch (role.attendance()) {
            case BoardRoleForMatching.IN_PERSON -> "Based in the role's region, as attending in person needs";
            case BoardRoleForMatching.REMOTE -> "Open to remote working, as the role is remote";
            default -> "same-region".equals(location) ? "Based in the role's region (the role is hybrid)"
                    : "Based outside the role's region (the role is hybrid)";
        });
        boolean hoursMet = role.hoursPerMonth() > 0 && candidate.hoursPerMonth() >= role.hoursPerMonth();
        double time = hoursMet ? 1 : role.hoursPerMonth() <= 0 ? 0
                : Math.max(0, Math.min(1, (double) candidate.hoursPerMonth() / role.hoursPerMonth()));
        int score = (int) Math.round(100 * (RELEVANCE * relevance + GOVERNANCE * governance));
        boolean littleDetail = candidate.substance() < BoardRanking.MIN_SUBSTANCE;
        if (littleDetail) {
            score = Math.min(score, BoardRanking.THIN_PROFILE_CAP);
            relevance = Math.min(relevance, BoardRanking.THIN_PROFILE_CAP / 100.0);
            explanations
                .addFirst("Profile has little detail (a line or less about experience), so its score is capped at "
                        + BoardRanking.THIN_PROFILE_CAP);
        }
        return new Scored(score, relevance,
                new BoardReasons(covered, partly, missing, Math.max(0, candidate.governanceYears()),
                        candidate.governance(), role.attendance(), location, hoursMet, littleDetail, explanations,
                        new BoardScoreParts(round(coverage), round(meaning), round(words), governance, place,
                                round(time), candidate.substance(), relevance)));
    }

    private static String because(GapCoverage coverage, @Nullable RankedSkill need) {
        return switch (coverage.how()) {
            case "at-level", "below-level" ->
                ": lists " + coverage.evidence() + (need == null ? "" : " (needed " + need.levelLabel() + ")");
            case "adjacent" ->
                coverage.evidence() == null ? ": has an adjacent skill" : ": has the adjacent " + coverage.evidence();
            case "in-words" -> coverage.evidence() == null ? "" : ": \u201c" + coverage.evidence() + "\u201d";
            default -> "";
        };
    }

    /**
     * A skill stated at a low level is weaker evidence than one at expert level;
     * sentences are taken as written.
     */
    private static double levelFactor(Passage passage) {
        return "skill".equals(passage.kind()) && passage.level() > 0 ? Math.min(1, 0.6 + 0.1 * passage.level()) : 1;
    }

    private static @Nullable String quote(@Nullable Passage passage) {
        if (passage == null || passage.text() == null) {
            return null;
        }
        String text = passage.text().strip();
        return text.length() <= EVIDENCE_CHARACTERS ? text
                : text.substring(0, EVIDENCE_CHARACTERS - 1).strip() + "\u2026";
    }

    static double rescale(double cosine, double low, double high) {
        return Math.max(0, Math.min(1, (cosine - low) / (high - low)));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

}
