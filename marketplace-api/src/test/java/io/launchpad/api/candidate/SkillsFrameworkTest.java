package io.launchpad.api.candidate;

import java.util.List;

import io.launchpad.matching.RankedSkill;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The framework file: board competences beyond digital, adjacency read both ways, all
 * codes known.
 */
class SkillsFrameworkTest {

    private final SkillsFramework framework = new SkillsFramework(JsonMapper.builder().build());

    @Test
    void coversBoardCompetencesBeyondDigitalAsVersionedData() {
        assertThat(framework.framework().version()).isEqualTo(2);
        assertThat(framework.framework().roleFamilies()).extracting(SkillsFramework.RoleFamily::code)
            .contains("data", "cyber-security", "finance", "audit-and-risk", "legal-and-regulatory",
                    "customer-experience", "housing-operations", "sustainability", "people-and-culture", "governance");
        assertThat(framework.familyLabel("internal-audit")).isEqualTo("Audit and risk");
    }

    @Test
    void adjacencyIsReadBothWaysAndTravelsWithTheRankedSkill() {
        // listed once, on data-protection-law
        assertThat(framework.adjacent("data-protection-law")).contains("data-governance", "information-security");
        assertThat(framework.adjacent("data-governance")).contains("data-protection-law");
        assertThat(framework.adjacent("no-such-skill")).isEmpty();

        RankedSkill ranked = framework.ranked(List.of(new SkillLevel("data-governance", "expert"))).getFirst();
        assertThat(ranked.adjacent()).contains("data-protection-law");
        assertThat(ranked.rank()).isEqualTo(4);
    }

}
