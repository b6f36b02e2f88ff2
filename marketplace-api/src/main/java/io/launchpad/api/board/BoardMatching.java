package io.launchpad.api.board;

import io.launchpad.api.candidate.CandidateDocument;
import reactor.core.publisher.Flux;

import java.util.List;

/**
 * Ranks candidates for a board role and board roles for a candidate, with reasons. The only seam
 * between the board-recruitment domain and a ranking engine: it speaks in documents (never in
 * identifying fields). {@link ElasticsearchBoardMatching} answers it with the {@code matching}
 * module's hybrid engine over the candidates and board-roles indexes, which the outbox feeds.
 */
public interface BoardMatching {

    /** Matchable candidates (visibility matching or public) ranked for the role, best first. */
    Flux<CandidateMatch> candidatesFor(BoardRoleDocument role, int limit);

    /** Open roles (before their closing date) ranked for the candidate, best first. */
    Flux<RoleMatch> rolesFor(CandidateDocument candidate, int limit);

    /** Which engine answered: clients and the web say so ({@code hybrid-skill-gap-coverage}). */
    String engine();

    record CandidateMatch(CandidateDocument candidate, int score, BoardMatchReasons reasons) {
    }

    record RoleMatch(BoardRoleDocument role, int score, BoardMatchReasons reasons) {
    }

    /**
     * Why a pair scored what it did. Missing data is never agreement: an unstated skill covers no gap,
     * no stated governance experience scores nothing.
     *
     * @param gapsCovered       gaps the candidate meets at or above the required level
     * @param gapsPartlyCovered gaps the candidate has the skill for, below the required level
     * @param gapsMissing       gaps the candidate does not list
     * @param location          {@code same-region}, {@code remote} or {@code none}
     * @param hoursMet          the candidate offers at least the role's hours per month
     * @param explanations      the same, in sentences for people
     * @param parts             each ingredient 0–1; score = 100·(0.7·coverage + 0.15·governance + 0.1·location + 0.05·time)
     */
    record BoardMatchReasons(List<GapCoverage> gapsCovered, List<GapCoverage> gapsPartlyCovered, List<GapCoverage> gapsMissing,
            int governanceYears, String location, boolean hoursMet, List<String> explanations, BoardScoreParts parts) {
    }

    record GapCoverage(String skill, String label, String requiredLevel, String offeredLevel) {
    }

    record BoardScoreParts(double coverage, double governance, double location, double time) {
    }
}
