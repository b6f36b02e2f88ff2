package io.launchpad.api.candidate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The full profile, identity included: for its owner and admins only. */
public record CandidateView(UUID id, CandidateProfile.Identity identity, String headline, List<SkillLevel> skills,
        List<Experience> experience, String governanceExperience, int governanceYears, String livedExperience,
        String availability, int hoursPerMonth, String region, boolean remote, String visibility, Instant createdAt,
        Instant updatedAt, Instant lastActiveAt, long version, List<SkillInWords> skillsInWords, List<String> sectors,
        String experienceSummary) {

    public static CandidateView of(CandidateProfile p) {
        return new CandidateView(p.id(), p.identity(), p.headline(), p.skills(), p.experience(),
                p.governanceExperience(), p.governanceYears(), p.livedExperience(), p.availability(), p.hoursPerMonth(),
                p.region(), p.remote(), p.visibility().code(), p.createdAt(), p.updatedAt(), p.lastActiveAt(),
                p.version(), p.skillsInWords(), p.sectors(), p.experienceSummary());
    }
}
