package io.launchpad.web.board;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a page may show of a candidate to an association before interview, as types with
 * no place for a name, contact, photo or age: should the API ever send such a field, it
 * is dropped when the JSON is read and cannot reach the page. Also the reasons behind a
 * match, shown to both sides.
 */
public final class Anonymised {

    private Anonymised() {
    }

    public record SkillLevel(String skill, String level) {
    }

    public record Experience(@Nullable String role, @Nullable String sector, @Nullable Integer years) {
    }

    /**
     * Skills, experience and what the candidate said about themselves; nothing that
     * identifies them.
     */
    public record Candidate(@Nullable String headline, List<SkillLevel> skills, List<Experience> experience,
            @Nullable String governanceExperience, @Nullable Integer governanceYears, @Nullable String livedExperience,
            @Nullable String availability, @Nullable Integer hoursPerMonth, @Nullable String region,
            @Nullable Boolean remote) {

        public Candidate {
            skills = skills == null ? List.of() : List.copyOf(skills);
            experience = experience == null ? List.of() : List.copyOf(experience);
        }
    }

    /**
     * {@code skill} and the levels are null for a gap the board wrote in words;
     * {@code evidence} is the candidate's words then.
     */
    public record GapCoverage(@Nullable String skill, @Nullable String label, @Nullable String requiredLevel,
            @Nullable String offeredLevel, @Nullable String how, @Nullable String evidence) {
    }

    public record MatchReasons(List<GapCoverage> gapsCovered, List<GapCoverage> gapsPartlyCovered,
            List<GapCoverage> gapsMissing, @Nullable Integer governanceYears, @Nullable String location,
            @Nullable Boolean hoursMet, List<String> explanations) {

        public MatchReasons {
            gapsCovered = gapsCovered == null ? List.of() : List.copyOf(gapsCovered);
            gapsPartlyCovered = gapsPartlyCovered == null ? List.of() : List.copyOf(gapsPartlyCovered);
            gapsMissing = gapsMissing == null ? List.of() : List.copyOf(gapsMissing);
            explanations = explanations == null ? List.of() : List.copyOf(explanations);
        }
    }

    /**
     * The API's verdict on a list of matches: whether its best is a strong match, and if
     * not a sentence saying so.
     */
    public record Verdict(boolean strongMatch, int bestScore, @Nullable String message) {

        /**
         * The sentence to show above a non-empty list whose best is weak; null otherwise.
         */
        static @Nullable String noStrongMatch(@Nullable Verdict verdict, List<?> items) {
            return verdict == null || verdict.strongMatch() || items.isEmpty() ? null : verdict.message();
        }
    }

    /** {@code GET /api/v1/board-roles/{id}/matches}: candidates ranked for a role. */
    public record CandidateMatches(@Nullable String engine, @Nullable Verdict verdict, List<CandidateMatch> items) {

        public CandidateMatches {
            items = items == null ? List.of() : List.copyOf(items);
        }

        public @Nullable String noStrongMatch() {
            return Verdict.noStrongMatch(verdict, items);
        }
    }

    public record CandidateMatch(int rank, int score, Candidate candidate, MatchReasons reasons) {
    }

    /** {@code GET /api/v1/candidates/{id}/matches}: open roles ranked for a candidate. */
    public record RoleMatches(@Nullable String engine, @Nullable Verdict verdict, List<RoleMatch> items) {

        public RoleMatches {
            items = items == null ? List.of() : List.copyOf(items);
        }

        public @Nullable String noStrongMatch() {
            return Verdict.noStrongMatch(verdict, items);
        }
    }

    public record RoleMatch(int rank, int score, String boardRoleId, String title, @Nullable String region,
            @Nullable Boolean remote, @Nullable Integer hoursPerMonth, @Nullable String remuneration,
            @Nullable LocalDate closingDate, MatchReasons reasons) {
    }

}
