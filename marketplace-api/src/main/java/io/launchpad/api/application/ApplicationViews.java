package io.launchpad.api.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.launchpad.api.candidate.CandidateDocument;
import io.launchpad.api.candidate.CandidateProfile;
import io.launchpad.api.candidate.Experience;
import io.launchpad.api.candidate.SkillLevel;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What each party sees of an application. */
final class ApplicationViews {

    private ApplicationViews() {
    }

    /** The candidate's own view of their application. */
    record OwnView(UUID id, UUID boardRoleId, String roleTitle, String status, String statement,
            @Nullable String feedback, Instant createdAt, Instant updatedAt, long version) {

        static OwnView of(BoardApplication a, String roleTitle) {
            return new OwnView(a.id(), a.boardRoleId(), roleTitle, a.status().code(), a.statement(), a.feedback(),
                    a.createdAt(), a.updatedAt(), a.version());
        }
    }

    /**
     * Skills, experience and statement: everything a blind reviewer may see of an
     * applicant.
     */
    record Applicant(String headline, List<SkillLevel> skills, List<Experience> experience,
            @Nullable String governanceExperience, int governanceYears, @Nullable String livedExperience,
            String availability, int hoursPerMonth, @Nullable String region, boolean remote) {

        static Applicant of(CandidateDocument d) {
            return new Applicant(d.headline(), d.skills(), d.experience(), d.governanceExperience(),
                    d.governanceYears(), d.livedExperience(), d.availability(), d.hoursPerMonth(), d.region(),
                    d.remote());
        }
    }

    /**
     * The association's (and admin's) view. Until the application reaches interview,
     * {@code candidateId} and {@code identity} are absent, not null: the JSON has no such
     * keys.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Review(UUID id, UUID boardRoleId, String status, boolean identityRevealed, String statement,
            Applicant applicant, @Nullable UUID candidateId, CandidateProfile.@Nullable Identity identity,
            @Nullable String feedback, Instant createdAt, Instant updatedAt, long version) {

        static Review of(BoardApplication a, CandidateProfile candidate, boolean reveal) {
            return new Review(a.id(), a.boardRoleId(), a.status().code(), reveal, a.statement(),
                    Applicant.of(candidate.toDocument()), reveal ? candidate.id() : null,
                    reveal ? candidate.identity() : null, a.feedback(), a.createdAt(), a.updatedAt(), a.version());
        }
    }

}
