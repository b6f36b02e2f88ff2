package io.launchpad.matching;

import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * Board matching both ways, on Elasticsearch. Hard filters run in the index: only candidates who
 * chose to be matched; only open roles before their closing date; the candidate lives in the role's
 * region, or both the role and the candidate accept remote working; the pair shares at least one of
 * the role's skill gaps. Candidates come from three lists fused by reciprocal rank: gap coverage
 * (skill codes at the level needed), BM25 over the skills and experience text, and kNN over MiniLM
 * embeddings. They are then re-ranked by a transparent score in which gap coverage counts most (see
 * {@link BoardScoreParts}); equal scores break by a stable hash of the id. Fails with
 * {@link MatchingUnavailableException} when Elasticsearch cannot answer.
 */
public interface BoardRanking {

    /** Reported to clients with every list, so they can say how it was ranked. */
    String ENGINE = "hybrid-skill-gap-coverage";
    int MAX_LIMIT = 100;

    /** Matchable candidates for the role, best first; empty when the role states no gap. */
    Mono<List<RankedCandidate>> candidatesFor(BoardRoleForMatching role, int limit);

    /** Open roles for the candidate, best first; empty when the candidate lists no skill. */
    Mono<List<RankedRole>> rolesFor(CandidateForMatching candidate, int limit);

    record RankedCandidate(UUID candidateId, int score, BoardReasons reasons) {
    }

    record RankedRole(UUID roleId, UUID organisationId, int score, BoardReasons reasons) {
    }

    /**
     * Why a pair scored what it did. Missing data is never agreement: an unstated skill covers no gap,
     * unstated governance experience scores nothing, unstated hours meet nothing.
     *
     * @param gapsCovered       gaps the candidate meets at or above the required level
     * @param gapsPartlyCovered gaps the candidate has the skill for, below the required level
     * @param gapsMissing       gaps the candidate does not list
     * @param location          {@code same-region}, {@code remote} or {@code none}
     * @param hoursMet          the candidate offers at least the role's hours per month
     * @param explanations      the same, in sentences for people
     */
    record BoardReasons(List<GapCoverage> gapsCovered, List<GapCoverage> gapsPartlyCovered,
                        List<GapCoverage> gapsMissing, int governanceYears, String location, boolean hoursMet,
                        List<String> explanations, BoardScoreParts parts) {

        public BoardReasons {
            gapsCovered = List.copyOf(gapsCovered);
            gapsPartlyCovered = List.copyOf(gapsPartlyCovered);
            gapsMissing = List.copyOf(gapsMissing);
            explanations = List.copyOf(explanations);
        }
    }

    /** {@code offeredLevel} is null when the candidate does not list the skill. */
    record GapCoverage(String skill, String label, String requiredLevel, String offeredLevel) {
    }

    /**
     * Each ingredient 0–1; score = 100·(0.7·coverage + 0.15·governance + 0.1·location + 0.05·time).
     *
     * @param coverage   mean over the role's gaps: 1 for a gap met at the level needed, offered rank ÷
     *                   required rank below it, 0 for a gap not listed
     * @param governance years of board or governance experience, saturating at five
     * @param location   1 in the role's region or both remote, else 0
     * @param time       1 when the candidate offers the role's hours a month, else the share offered
     */
    record BoardScoreParts(double coverage, double governance, double location, double time) {
    }
}
