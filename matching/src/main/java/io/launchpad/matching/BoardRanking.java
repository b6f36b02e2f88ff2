package io.launchpad.matching;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Board matching both ways, on Elasticsearch. Hard filters run in the index: only
 * candidates who chose to be matched; only open roles before their closing date;
 * attendance (in person: the candidate lives in the role's region; remote: the candidate
 * accepts remote work; hybrid: no location rule); governance experience when the role
 * requires it. Candidates come from three lists fused by reciprocal rank: framework
 * coverage (exact and adjacent skills), BM25 over everything the candidate wrote, and kNN
 * over MiniLM embeddings. They are then re-ranked by a transparent score (see
 * {@link BoardScoreParts}) in which each gap counts as covered by the framework skill, an
 * adjacent one, or the candidate's own words read by meaning; a profile with little
 * substance is capped. Equal scores break by relevance, then a stable hash of the id.
 * Fails with {@link MatchingUnavailableException} when Elasticsearch cannot answer.
 */
public interface BoardRanking {

    /** Reported to clients with every list, so they can say how it was ranked. */
    String ENGINE = "hybrid-whole-profile";

    int MAX_LIMIT = 100;

    /**
     * A profile with fewer words of sentences than this has little detail: it is never
     * among a role's candidates, and the roles ranked for it are capped at
     * {@link #THIN_PROFILE_CAP} and say why.
     */
    int MIN_SUBSTANCE = 15;

    int THIN_PROFILE_CAP = 10;

    /**
     * Matchable candidates for the role, best first; empty when the role states no gap.
     */
    default Mono<List<RankedCandidate>> candidatesFor(BoardRoleForMatching role, int limit) {
        return candidatesFor(role, MatchWindow.first(limit));
    }

    /**
     * One page of the same ranking: the candidates after {@code window}'s last position.
     */
    Mono<List<RankedCandidate>> candidatesFor(BoardRoleForMatching role, MatchWindow window);

    /**
     * Open roles for the candidate, best first; empty when the candidate lists no skill.
     */
    default Mono<List<RankedRole>> rolesFor(CandidateForMatching candidate, int limit) {
        return rolesFor(candidate, MatchWindow.first(limit));
    }

    /** One page of the same ranking: the roles after {@code window}'s last position. */
    Mono<List<RankedRole>> rolesFor(CandidateForMatching candidate, MatchWindow window);

    record RankedCandidate(UUID candidateId, int score, BoardReasons reasons) {

        /** Score, then the unrounded relevance, then the stable hash of the id. */
        public MatchWindow.MatchPosition position() {
            return new MatchWindow.MatchPosition(score, reasons.parts().relevance(), candidateId);
        }
    }

    record RankedRole(UUID roleId, UUID organisationId, int score, BoardReasons reasons) {

        /** Score, then the unrounded relevance, then the stable hash of the id. */
        public MatchWindow.MatchPosition position() {
            return new MatchWindow.MatchPosition(score, reasons.parts().relevance(), roleId);
        }
    }

    /**
     * Why a pair scored what it did. Missing data is never agreement: an unstated skill
     * covers no gap, unstated governance experience scores nothing, a near-empty profile
     * is capped.
     *
     * @param gapsCovered gaps the candidate meets: the framework skill at the level
     * needed, or in their own words
     * @param gapsPartlyCovered gaps met in part: the skill below the level needed, an
     * adjacent skill, related words
     * @param gapsMissing gaps nothing in the profile speaks to
     * @param governance the candidate states governance experience (in words or years)
     * @param attendance the role's attendance: {@code in-person}, {@code hybrid} or
     * {@code remote}
     * @param location {@code same-region}, {@code remote} or {@code none}
     * @param hoursMet the candidate offers at least the role's hours per month
     * @param littleDetail the profile has little detail, so its score is capped
     * @param explanations the same, in sentences for people, gaps in the role's own words
     */
    record BoardReasons(List<GapCoverage> gapsCovered, List<GapCoverage> gapsPartlyCovered,
            List<GapCoverage> gapsMissing, int governanceYears, boolean governance, String attendance, String location,
            boolean hoursMet, boolean littleDetail, List<String> explanations, BoardScoreParts parts) {

        public BoardReasons {
            gapsCovered = List.copyOf(gapsCovered);
            gapsPartlyCovered = List.copyOf(gapsPartlyCovered);
            gapsMissing = List.copyOf(gapsMissing);
            explanations = List.copyOf(explanations);
        }
    }

    /**
     * One gap and how it is met. {@code skill} is the framework code, null for a gap in
     * the board's words ({@code label}); {@code offeredLevel} the candidate's framework
     * level when they list the skill; {@code how} is {@code at-level},
     * {@code below-level}, {@code adjacent}, {@code in-words} or {@code none};
     * {@code evidence} the candidate's skill or sentence that meets it, when one does.
     */
    record GapCoverage(@Nullable String skill, String label, @Nullable String requiredLevel,
            @Nullable String offeredLevel, String how, @Nullable String evidence) {
    }

    /**
     * Each ingredient 0–1. relevance = 0.55·coverage + 0.25·meaning + 0.20·keywords;
     * score = 100·(0.9·relevance + 0.1·governance), at most {@link #THIN_PROFILE_CAP} for
     * a profile with little detail.
     *
     * @param coverage mean over the role's gaps of how well each is met (1 at level or
     * clearly in words; rank share below level; 0.5 adjacent; closeness of meaning of the
     * best passage)
     * @param meaning closeness of the whole role and the whole profile (MiniLM cosine,
     * rescaled)
     * @param keywords BM25 of the role against the profile, relative to the best in the
     * pool
     * @param governance 1 when the candidate states governance experience
     * @param location 1 in the role's region or both remote, else 0 (shown, not scored:
     * attendance filters)
     * @param time share of the role's hours the candidate offers (shown, not scored)
     * @param substance words of sentences the profile has (summary, roles held)
     * @param relevance the unrounded relevance, which orders equal scores
     */
    record BoardScoreParts(double coverage, double meaning, double keywords, double governance, double location,
            double time, int substance, double relevance) {
    }

}
