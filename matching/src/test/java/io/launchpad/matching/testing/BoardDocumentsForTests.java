package io.launchpad.matching.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.launchpad.matching.BoardRoleForMatching;
import io.launchpad.matching.CandidateForMatching;
import io.launchpad.matching.RankedSkill;

/** Board roles and candidates for tests, in the capability framework's four levels. */
public final class BoardDocumentsForTests {

    private static final Map<String, Integer> RANKS = Map.of("awareness", 1, "working", 2, "practitioner", 3, "expert",
            4);

    private BoardDocumentsForTests() {
    }

    /**
     * {@code data-governance} at {@code expert} → "Data governance" at "Expert", rank 4.
     */
    public static RankedSkill skill(String code, String level) {
        String label = Character.toUpperCase(code.charAt(0)) + code.substring(1).replace('-', ' ');
        String levelLabel = Character.toUpperCase(level.charAt(0)) + level.substring(1);
        return new RankedSkill(code, label, level, levelLabel, RANKS.get(level));
    }

    public static CandidateForMatching candidate(String visibility, String region, boolean remote, int governanceYears,
            List<RankedSkill> skills, CandidateForMatching.Experience... experience) {
        return new CandidateForMatching(UUID.randomUUID(), skills, List.of(experience), governanceYears, region, remote,
                10, "immediately", false, visibility, 1, Instant.now());
    }

    public static CandidateForMatching withVisibility(CandidateForMatching c, String visibility, long version) {
        return new CandidateForMatching(c.id(), c.skills(), c.experience(), c.governanceYears(), c.region(), c.remote(),
                c.hoursPerMonth(), c.availability(), c.livedExperience(), visibility, version, Instant.now(),
                c.words());
    }

    public static CandidateForMatching.Experience experience(String role, String sector, int years) {
        return new CandidateForMatching.Experience(role, sector, years);
    }

    public static BoardRoleForMatching role(String status, LocalDate closingDate, String region, String attendance,
            boolean governanceRequired, List<RankedSkill> gaps) {
        return new BoardRoleForMatching(UUID.randomUUID(), UUID.randomUUID(), "Board member with digital expertise",
                "Help our board steer the digital transformation of tenant services.", gaps, List.of(), region,
                !"in-person".equals(attendance), attendance, governanceRequired, 8, status, closingDate, 1,
                Instant.now());
    }

    public static BoardRoleForMatching role(String status, LocalDate closingDate, String region, boolean remote,
            List<RankedSkill> gaps) {
        return new BoardRoleForMatching(UUID.randomUUID(), UUID.randomUUID(), "Board member with digital expertise",
                "Help our board steer the digital transformation of tenant services.", gaps, region, remote, 8, status,
                closingDate, 1, Instant.now());
    }

}
