package io.launchpad.api.board;

import io.launchpad.api.candidate.CandidateDocument;
import io.launchpad.matching.MatchWindow;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import java.util.List;

/**
 * Ranks candidates for a board role and board roles for a candidate, with reasons. The
 * only seam between the board-recruitment domain and a ranking engine: it speaks in
 * documents (never in identifying fields). {@link ElasticsearchBoardMatching} answers it
 * with the {@code matching} module's hybrid engine over the candidates and board-roles
 * indexes, which the outbox feeds.
 */
public interface BoardMatching {

    /**
     * Matchable candidates (visibility matching or public) ranked for the role, best
     * first: one page.
     */
    Flux<CandidateMatch> candidatesFor(BoardRoleDocument role, MatchWindow window);

    /**
     * Open roles (before their closing date) ranked for the candidate, best first: one
     * page.
     */
    Flux<RoleMatch> rolesFor(CandidateDocument candidate, MatchWindow window);

    /**
     * Which engine answered: clients and the web say so
     * ({@code hybrid-skill-gap-coverage}).
     */
    String engine();

    /**
     * {@code position}: where it sits in the ranking, for the cursor of the next page.
     */
    record CandidateMatch(CandidateDocument candidate, int score, BoardMatchReasons reasons,
            MatchWindow.MatchPosition position) {
    }

    record RoleMatch(BoardRoleDocument role, int score, BoardMatchReasons reasons, MatchWindow.MatchPosition position) {
    }

    /**
     * Why a pair scored what it did. Missing data is never agreement: an unstated skill
     * covers no gap, no stated governance experience scores nothing, a profile with
     * little detail is capped.
     *
     * @param gapsCovered gaps the candidate meets: the framework skill at the level
     * needed, or in their words
     * @param gapsPartlyCovered gaps met in part: below the level needed, an adjacent
     * skill, related words
     * @param gapsMissing gaps nothing in the profile speaks to
     * @param governance the candidate states governance experience
     * @param attendance the role's attendance ({@code in-person}, {@code hybrid},
     * {@code remote})
     * @param location {@code same-region}, {@code remote} or {@code none}
     * @param hoursMet the candidate offers at least the role's hours per month
     * @param littleDetail the profile has little detail, so its score is capped
     * @param explanations the same, in sentences for people, gaps in the role's own words
     * @param parts each ingredient 0–1; relevance = 0.55·coverage + 0.25·meaning +
     * 0.2·keywords, score = 100·(0.9·relevance + 0.1·governance)
     */
    record BoardMatchReasons(List<GapCoverage> gapsCovered, List<GapCoverage> gapsPartlyCovered,
            List<GapCoverage> gapsMissing, int governanceYears, boolean governance, String attendance, String location,
            boolean hoursMet, boolean littleDetail, List<String> explanations, BoardScoreParts parts) {
    }

    /**
     * {@code skill} is null for a gap the board wrote in words ({@code label});
     * {@code how} is {@code at-level}, {@code below-level}, {@code adjacent},
     * {@code in-words} or {@code none}; {@code evidence} the candidate's skill or
     * sentence that meets it.
     */
    record GapCoverage(@Nullable String skill, String label, @Nullable String requiredLevel,
            @Nullable String offeredLevel, String how, @Nullable String evidence) {
    }

    record BoardScoreParts(double coverage, double meaning, double keywords, double governance, double location,
            double time, int substance) {
    }

}
