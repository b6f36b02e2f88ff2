package io.launchpad.api.board;

import io.launchpad.api.audit.AuditLog;
import io.launchpad.api.candidate.CandidateDocument;
import io.launchpad.api.candidate.CandidateProfile;
import io.launchpad.api.candidate.CandidateProfiles;
import io.launchpad.api.candidate.Experience;
import io.launchpad.api.candidate.SkillLevel;
import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.search.MatchRequest;
import io.launchpad.api.search.MatchVerdict;
import io.launchpad.api.observability.MatchLatency;
import io.launchpad.matching.MatchStrength;
import io.launchpad.api.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import io.launchpad.api.candidate.SkillInWords;
import java.time.LocalDate;

/**
 * Matching both ways. An association sees, for its own role, only candidates who chose to
 * be matched, and never who they are: the candidate id appears only for public profiles
 * (which anyone signed in may read, anonymised), and every candidate shown is written to
 * the audit log. A candidate sees open roles ranked for their own profile.
 */
@RestController
class BoardMatchesController {

    /**
     * A matched candidate without identifying fields; {@code candidateId} only when the
     * profile is public.
     */
    record MatchedCandidate(@Nullable UUID candidateId, String headline, List<SkillLevel> skills,
            List<Experience> experience, @Nullable String governanceExperience, int governanceYears,
            @Nullable String livedExperience, String availability, int hoursPerMonth, @Nullable String region,
            boolean remote, List<SkillInWords> skillsInWords, List<String> sectors,
            @Nullable String experienceSummary) {

        static MatchedCandidate of(CandidateDocument d) {
            return new MatchedCandidate("public".equals(d.visibility()) ? d.id() : null, d.headline(), d.skills(),
                    d.experience(), d.governanceExperience(), d.governanceYears(), d.livedExperience(),
                    d.availability(), d.hoursPerMonth(), d.region(), d.remote(), d.skillsInWords(), d.sectors(),
                    d.experienceSummary());
        }
    }

    record CandidateMatchView(int rank, int score, MatchedCandidate candidate,
            BoardMatching.BoardMatchReasons reasons) {
    }

    record CandidateMatchesView(UUID boardRoleId, String engine, @Nullable MatchVerdict verdict,
            List<CandidateMatchView> items, @Nullable String nextCursor) {
    }

    record RoleMatchView(int rank, int score, UUID boardRoleId, String title, UUID organisationId, String region,
            boolean remote, int hoursPerMonth, String remuneration, LocalDate closingDate,
            BoardMatching.BoardMatchReasons reasons, String attendance, boolean governanceExperienceRequired) {
    }

    record RoleMatchesView(UUID candidateId, String engine, @Nullable MatchVerdict verdict, List<RoleMatchView> items,
            @Nullable String nextCursor) {
    }

    private final BoardRoles roles;

    private final CandidateProfiles candidates;

    private final BoardMatching matching;

    private final AuditLog audit;

    private final MatchLatency latency;

    BoardMatchesController(BoardRoles roles, CandidateProfiles candidates, BoardMatching matching, AuditLog audit,
            MatchLatency latency) {
        this.latency = latency;
        this.roles = roles;
        this.candidates = candidates;
        this.matching = matching;
        this.audit = audit;
    }

    @GetMapping("/api/v1/board-roles/{id}/matches")
    Mono<CandidateMatchesView> candidatesFor(@PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        MatchRequest.MatchList list = new MatchRequest.MatchList("role-candidates", id);
        MatchRequest request = MatchRequest.of(limit, null, cursor, list);
        return Caller.current()
            .flatMap(caller -> roles.owned(caller, id)
                .flatMap(role -> matching.candidatesFor(role.toDocument(), request.window())
                    .collectList()
                    .transform(latency.of(list.name()))
                    .map(found -> request.page(found, BoardMatching.CandidateMatch::position, list))
                    .flatMap(page -> audited(caller, role, page.items()).thenReturn(page))
                    .map(page -> {
                        List<CandidateMatchView> items = new ArrayList<>();
                        for (var match : page.items()) {
                            items.add(new CandidateMatchView(request.firstRank() + items.size(), match.score(),
                                    MatchedCandidate.of(match.candidate()), match.reasons()));
                        }
                        return new CandidateMatchesView(id, matching.engine(), request.verdict(page,
                                BoardMatching.CandidateMatch::score, MatchStrength.BOARD_STRONG_SCORE, "candidates"),
                                items, page.nextCursor());
                    })));
    }

    @GetMapping("/api/v1/candidates/{id}/matches")
    Mono<RoleMatchesView> rolesFor(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        MatchRequest.MatchList list = new MatchRequest.MatchList("candidate-roles", id);
        MatchRequest request = MatchRequest.of(limit, null, cursor, list);
        return Caller.current()
            .flatMap(caller -> candidates.byId(id)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Candidate " + id)))
                .flatMap(profile -> allowedToSeeMatches(caller, profile))
                .flatMap(profile -> matching.rolesFor(profile.toDocument(), request.window())
                    .collectList()
                    .transform(latency.of(list.name())))
                .map(found -> request.page(found, BoardMatching.RoleMatch::position, list))
                .map(page -> {
                    List<RoleMatchView> items = new ArrayList<>();
                    for (var match : page.items()) {
                        var role = match.role();
                        items.add(new RoleMatchView(request.firstRank() + items.size(), match.score(), role.id(),
                                role.title(), role.organisationId(), role.region(), role.remote(), role.hoursPerMonth(),
                                role.remuneration(), role.closingDate(), match.reasons(), role.attendance(),
                                role.governanceExperienceRequired()));
                    }
                    return new RoleMatchesView(id, matching.engine(), request.verdict(page,
                            BoardMatching.RoleMatch::score, MatchStrength.BOARD_STRONG_SCORE, "roles"), items,
                            page.nextCursor());
                }));
    }

    private Mono<CandidateProfile> allowedToSeeMatches(Caller caller, CandidateProfile profile) {
        if (profile.isOwnedBy(caller.subject())) {
            return candidates.touch(caller.subject()).thenReturn(profile);
        }
        if (caller.isAdmin()) {
            return audit
                .record(caller, AuditLog.Action.VIEWED, profile.id(), profile.subject(),
                        "/api/v1/candidates/" + profile.id() + "/matches")
                .thenReturn(profile);
        }
        return profile.visibility() == CandidateProfile.Visibility.PUBLIC
                ? Mono.error(ApiProblem.forbidden("Only the candidate sees the roles matched to them"))
                : Mono.error(ApiProblem.notFound("Candidate " + profile.id()));
    }

    /**
     * Every candidate shown to an association is recorded, so candidates can see who
     * looked.
     */
    private Mono<List<BoardMatching.CandidateMatch>> audited(Caller caller, BoardRole role,
            List<BoardMatching.CandidateMatch> found) {
        if (found.isEmpty()) {
            return Mono.just(found);
        }
        // one lookup and one insert for the page, not two statements per candidate shown
        return Mono
            .zip(audit.labelOf(caller, null),
                    candidates.byIds(found.stream().map(match -> match.candidate().id()).toList()))
            .flatMap(labelAndProfiles -> audit.recordAll(caller, labelAndProfiles.getT1(), AuditLog.Action.MATCHED,
                    labelAndProfiles.getT2()
                        .values()
                        .stream()
                        .collect(Collectors.toMap(CandidateProfile::id, CandidateProfile::subject)),
                    "/api/v1/board-roles/" + role.id() + "/matches"))
            .then(Mono.just(found));
    }

}
