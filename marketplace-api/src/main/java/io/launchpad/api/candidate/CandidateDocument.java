package io.launchpad.api.candidate;

import java.util.List;
import java.util.UUID;

/**
 * A candidate without anything that identifies them: skills, experience, governance, availability
 * and region only. This is the shape blind shortlisting shows and the shape the matching engine
 * will index (TODO(matching): announce it through the outbox once matching has a candidates index),
 * so an index can never hold a name, contact detail, photo or age.
 */
public record CandidateDocument(UUID id, String headline, List<SkillLevel> skills, List<Experience> experience,
        String governanceExperience, int governanceYears, String livedExperience, String availability,
        int hoursPerMonth, String region, boolean remote, String visibility, long version) {

    /** Names of every identifying field a candidate has; tests assert none of them appears in an anonymised view. */
    public static final List<String> IDENTIFYING_FIELDS = List.of("name", "email", "phone", "photoUrl", "dateOfBirth",
            "subject", "identity");
}
