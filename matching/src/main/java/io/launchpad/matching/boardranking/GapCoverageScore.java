package io.launchpad.matching.boardranking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.launchpad.matching.BoardRanking.BoardReasons;
import io.launchpad.matching.BoardRanking.BoardScoreParts;
import io.launchpad.matching.BoardRanking.GapCoverage;
import io.launchpad.matching.RankedSkill;

/**
 * The transparent re-rank of a (role, candidate) pair, the same in both directions:
 * {@code 100·(0.7·coverage + 0.15·governance + 0.1·location + 0.05·time)}. Each part depends on the
 * pair alone, never on the other results, so a pair scores the same whatever else is indexed.
 * Missing data is never agreement: an unlisted skill covers no gap, no governance years score 0.
 */
final class GapCoverageScore {

    static final double COVERAGE = 0.70;
    static final double GOVERNANCE = 0.15;
    static final double LOCATION = 0.10;
    static final double TIME = 0.05;
    /** Governance experience saturates: five years is as good as it gets for the score. */
    static final int GOVERNANCE_YEARS_FOR_FULL_MARKS = 5;

    /** What the re-rank needs of a role. */
    record Role(List<RankedSkill> gaps, String region, boolean remote, int hoursPerMonth) {
    }

    /** What the re-rank needs of a candidate. */
    record Candidate(List<RankedSkill> skills, int governanceYears, String region, boolean remote, int hoursPerMonth) {
    }

    record Scored(int score, BoardReasons reasons) {
    }

    private GapCoverageScore() {
    }

    /** Null when the candidate lists none of the role's gaps: that is not a match, whatever else agrees. */
    static Scored score(Role role, Candidate candidate) {
        if (role.gaps().isEmpty()) {
            return null;
        }
        Map<String, RankedSkill> offered = new LinkedHashMap<>();
        candidate.skills().forEach(skill -> offered.putIfAbsent(skill.skill(), skill));
        List<GapCoverage> covered = new ArrayList<>();
        List<GapCoverage> partly = new ArrayList<>();
        List<GapCoverage> missing = new ArrayList<>();
        List<String> explanations = new ArrayList<>();
        double credit = 0;
        for (RankedSkill gap : role.gaps()) {
            RankedSkill has = offered.get(gap.skill());
            GapCoverage coverage = new GapCoverage(gap.skill(), gap.skillLabel(), gap.level(), has == null ? null : has.level());
            String label = gap.skillLabel();
            if (has == null) {
                missing.add(coverage);
                explanations.add("Does not list " + label + " (needed at " + gap.levelLabel() + ")");
            } else if (has.rank() >= gap.rank()) {
                covered.add(coverage);
                credit += 1;
                explanations.add("Covers " + label + " at " + has.levelLabel() + " (needed " + gap.levelLabel() + ")");
            } else {
                partly.add(coverage);
                credit += gap.rank() <= 0 ? 0 : Math.max(0, (double) has.rank() / gap.rank());
                explanations.add("Has " + label + " at " + has.levelLabel() + ", below the " + gap.levelLabel() + " needed");
            }
        }
        if (covered.isEmpty() && partly.isEmpty()) {
            return null;
        }
        double coverage = credit / role.gaps().size();
        int years = Math.max(0, candidate.governanceYears());
        double governance = Math.min(years, GOVERNANCE_YEARS_FOR_FULL_MARKS) / (double) GOVERNANCE_YEARS_FOR_FULL_MARKS;
        explanations.add(years > 0 ? years + " years of governance experience" : "No governance experience stated");
        String location;
        double place;
        if (candidate.region() != null && candidate.region().equals(role.region())) {
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
        boolean hoursMet = role.hoursPerMonth() > 0 && candidate.hoursPerMonth() >= role.hoursPerMonth();
        explanations.add(hoursMet ? "Offers the " + role.hoursPerMonth() + " hours a month the role needs"
                : "Offers " + Math.max(0, candidate.hoursPerMonth()) + " of the " + role.hoursPerMonth() + " hours a month needed");
        double time = hoursMet ? 1 : role.hoursPerMonth() <= 0 ? 0
                : Math.max(0, (double) candidate.hoursPerMonth() / role.hoursPerMonth());
        int score = (int) Math.round(100 * (COVERAGE * coverage + GOVERNANCE * governance + LOCATION * place + TIME * time));
        return new Scored(score, new BoardReasons(covered, partly, missing, years, location, hoursMet, explanations,
                new BoardScoreParts(round(coverage), round(governance), place, round(time))));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
