package io.launchpad.api.board;

import io.launchpad.api.candidate.CandidateDocument;
import io.launchpad.api.candidate.CandidateProfile;
import io.launchpad.api.candidate.CandidateProfiles;
import io.launchpad.api.candidate.SkillLevel;
import io.launchpad.api.candidate.SkillsFramework;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A transparent ranking straight from PostgreSQL: how much of the role's skill gaps the candidate
 * covers counts most (70%), then governance experience (15%), location (10%) and time (5%).
 * A candidate who covers none of the gaps is not a match. Equal scores break ties by a stable hash
 * of the pair, never by insertion order. Scans every matchable profile, which is fine for a
 * programme of hundreds of candidates; TODO(matching): the Elasticsearch engine replaces this.
 */
@Component
class CoverageBoardMatching implements BoardMatching {

    static final double COVERAGE = 0.70;
    static final double GOVERNANCE = 0.15;
    static final double LOCATION = 0.10;
    static final double TIME = 0.05;
    /** Governance experience saturates: five years is as good as it gets for the score. */
    static final int GOVERNANCE_YEARS_FOR_FULL_MARKS = 5;

    private final CandidateProfiles candidates;
    private final BoardRoles roles;
    private final SkillsFramework framework;

    CoverageBoardMatching(CandidateProfiles candidates, BoardRoles roles, SkillsFramework framework) {
        this.candidates = candidates;
        this.roles = roles;
        this.framework = framework;
    }

    @Override
    public String engine() {
        return "skill-gap-coverage";
    }

    @Override
    public Flux<CandidateMatch> candidatesFor(BoardRoleDocument role, int limit) {
        return candidates.matchable().map(CandidateProfile::toDocument)
                .mapNotNull(candidate -> {
                    Scored scored = score(role, candidate);
                    return scored == null ? null : new CandidateMatch(candidate, scored.score(), scored.reasons());
                })
                .collectList()
                .flatMapMany(list -> Flux.fromIterable(list.stream()
                        .sorted(Comparator.comparingInt(CandidateMatch::score).reversed()
                                .thenComparingInt(m -> tieBreak(role, m.candidate())))
                        .limit(limit).toList()));
    }

    @Override
    public Flux<RoleMatch> rolesFor(CandidateDocument candidate, int limit) {
        return roles.openRoles().map(BoardRole::toDocument)
                .mapNotNull(role -> {
                    Scored scored = score(role, candidate);
                    return scored == null ? null : new RoleMatch(role, scored.score(), scored.reasons());
                })
                .collectList()
                .flatMapMany(list -> Flux.fromIterable(list.stream()
                        .sorted(Comparator.comparingInt(RoleMatch::score).reversed()
                                .thenComparingInt(m -> tieBreak(m.role(), candidate)))
                        .limit(limit).toList()));
    }

    private record Scored(int score, BoardMatchReasons reasons) {
    }

    /** Null when the candidate covers none of the role's gaps. */
    Scored score(BoardRoleDocument role, CandidateDocument candidate) {
        Map<String, SkillLevel> offered = candidate.skills().stream()
                .collect(Collectors.toMap(SkillLevel::skill, Function.identity(), (a, b) -> a));
        List<GapCoverage> covered = new ArrayList<>();
        List<GapCoverage> partly = new ArrayList<>();
        List<GapCoverage> missing = new ArrayList<>();
        List<String> explanations = new ArrayList<>();
        double credit = 0;
        for (SkillLevel gap : role.skillGaps()) {
            SkillLevel has = offered.get(gap.skill());
            int required = framework.rank(gap.level());
            int rank = has == null ? 0 : framework.rank(has.level());
            GapCoverage coverage = new GapCoverage(gap.skill(), framework.skillLabel(gap.skill()), gap.level(),
                    has == null ? null : has.level());
            String label = framework.skillLabel(gap.skill());
            if (has == null) {
                missing.add(coverage);
                explanations.add("Does not list " + label + " (needed at " + framework.levelLabel(gap.level()) + ")");
            } else if (rank >= required) {
                covered.add(coverage);
                credit += 1;
                explanations.add("Covers " + label + " at " + framework.levelLabel(has.level()) + " (needed "
                        + framework.levelLabel(gap.level()) + ")");
            } else {
                partly.add(coverage);
                credit += (double) rank / required;
                explanations.add("Has " + label + " at " + framework.levelLabel(has.level()) + ", below the "
                        + framework.levelLabel(gap.level()) + " needed");
            }
        }
        if (covered.isEmpty() && partly.isEmpty()) {
            return null;
        }
        double coverage = credit / role.skillGaps().size();
        int years = candidate.governanceYears();
        double governance = Math.min(years, GOVERNANCE_YEARS_FOR_FULL_MARKS) / (double) GOVERNANCE_YEARS_FOR_FULL_MARKS;
        explanations.add(years > 0 ? years + " years of governance experience" : "No governance experience stated");
        String location;
        double place;
        if (candidate.region().equals(role.region())) {
            location = "same-region";
            place = 1;
            explanations.add("Based in the role's region");
        } else if (role.remote() && candidate.remote()) {
            location = "remote";
            place = 1;
            explanations.add("Open to remote working, which the role allows");
        } else {
            location = "none";
            place = 0;
            explanations.add("Based outside the role's region" + (role.remote() ? " and not open to remote working"
                    : "; the role is not remote"));
        }
        boolean hoursMet = candidate.hoursPerMonth() >= role.hoursPerMonth();
        explanations.add(hoursMet ? "Offers the " + role.hoursPerMonth() + " hours a month the role needs"
                : "Offers " + candidate.hoursPerMonth() + " of the " + role.hoursPerMonth() + " hours a month needed");
        double time = hoursMet ? 1 : (double) candidate.hoursPerMonth() / role.hoursPerMonth();
        int score = (int) Math.round(100 * (COVERAGE * coverage + GOVERNANCE * governance + LOCATION * place
                + TIME * time));
        return new Scored(score, new BoardMatchReasons(covered, partly, missing, years, location, hoursMet, explanations,
                new BoardScoreParts(round(coverage), round(governance), place, round(time))));
    }

    /** Deterministic across runs and JVMs (String.hashCode is specified), unrelated to insertion order. */
    private static int tieBreak(BoardRoleDocument role, CandidateDocument candidate) {
        return (role.id() + "/" + candidate.id()).hashCode();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
