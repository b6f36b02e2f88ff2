package io.launchpad.api.board;

import io.launchpad.api.candidate.CandidateDocument;
import io.launchpad.api.candidate.CandidateProfile;
import io.launchpad.api.candidate.CandidateProfiles;
import io.launchpad.api.candidate.SkillsFramework;
import io.launchpad.matching.BoardRanking;
import io.launchpad.matching.MatchWindow;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@link BoardMatching} by the {@code matching} module's engine on Elasticsearch. The
 * index holds no identifying field, so what is shown is read back from PostgreSQL, and
 * checked there again: a candidate who turned private, or a role that closed, a moment
 * ago (before the outbox reached the index) is left out rather than shown. Elasticsearch
 * down → {@code MatchingUnavailableException} → 503.
 */
@Component
class ElasticsearchBoardMatching implements BoardMatching {

    private final BoardRanking ranking;

    private final CandidateProfiles candidates;

    private final BoardRoles roles;

    private final SkillsFramework framework;

    private final Clock clock;

    ElasticsearchBoardMatching(BoardRanking ranking, CandidateProfiles candidates, BoardRoles roles,
            SkillsFramework framework, Clock clock) {
        this.ranking = ranking;
        this.candidates = candidates;
        this.roles = roles;
        this.framework = framework;
        this.clock = clock;
    }

    @Override
    public String engine() {
        return BoardRanking.ENGINE;
    }

    @Override
    public Flux<CandidateMatch> candidatesFor(BoardRoleDocument role, MatchWindow window) {
        // one read for the page, not one per candidate; the ranking's order is kept
        return ranking.candidatesFor(role.forMatching(framework), window)
            .flatMapMany(page -> candidates.byIds(page.stream().map(BoardRanking.RankedCandidate::candidateId).toList())
                .flatMapIterable(profiles -> page.stream()
                    .flatMap(ranked -> Stream.ofNullable(profiles.get(ranked.candidateId()))
                        .filter(CandidateProfile::isMatchable)
                        .map(profile -> new CandidateMatch(profile.toDocument(), ranked.score(),
                                reasons(ranked.reasons()), ranked.position())))
                    .toList()));
    }

    @Override
    public Flux<RoleMatch> rolesFor(CandidateDocument candidate, MatchWindow window) {
        LocalDate today = LocalDate.now(clock);
        return ranking.rolesFor(candidate.forMatching(framework), window)
            .flatMapMany(page -> roles.byIds(page.stream().map(BoardRanking.RankedRole::roleId).toList())
                .flatMapIterable(found -> page.stream()
                    .flatMap(ranked -> Stream.ofNullable(found.get(ranked.roleId()))
                        .filter(role -> role.takesApplications(today))
                        .map(role -> new RoleMatch(role.toDocument(), ranked.score(), reasons(ranked.reasons()),
                                ranked.position())))
                    .toList()));
    }

    private static BoardMatchReasons reasons(BoardRanking.BoardReasons reasons) {
        BoardRanking.BoardScoreParts parts = reasons.parts();
        return new BoardMatchReasons(gaps(reasons.gapsCovered()), gaps(reasons.gapsPartlyCovered()),
                gaps(reasons.gapsMissing()), reasons.governanceYears(), reasons.governance(), reasons.attendance(),
                reasons.location(), reasons.hoursMet(), reasons.littleDetail(), reasons.explanations(),
                new BoardScoreParts(parts.coverage(), parts.meaning(), parts.keywords(), parts.governance(),
                        parts.location(), parts.time(), parts.substance()));
    }

    private static List<GapCoverage> gaps(List<BoardRanking.GapCoverage> gaps) {
        return gaps.stream()
            .map(gap -> new GapCoverage(gap.skill(), gap.label(), gap.requiredLevel(), gap.offeredLevel(), gap.how(),
                    gap.evidence()))
            .toList();
    }

}
