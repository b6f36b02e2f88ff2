package io.launchpad.api.challenge;

import io.launchpad.matching.ChallengeDocument;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A housing association's problem statement, open to supplier responses once published.
 */
public record Challenge(UUID id, UUID organisationId, String organisationName, String title, String summary,
        String description, List<String> categories, List<String> regions, Status status,
        @Nullable Integer budgetMinPounds, @Nullable Integer budgetMaxPounds, @Nullable LocalDate closingDate,
        Instant createdAt, Instant updatedAt, @Nullable Instant publishedAt, long version, ChallengeTerms terms,
        @Nullable String hiddenReason) {

    /**
     * draft → published → closed → awarded | no-award; a published challenge may be
     * withdrawn.
     */
    public enum Status {

        DRAFT, PUBLISHED, CLOSED, AWARDED, NO_AWARD, WITHDRAWN;

        public String code() {
            return name().toLowerCase().replace('_', '-');
        }

        static Status ofCode(String code) {
            return valueOf(code.toUpperCase().replace('-', '_'));
        }

    }

    boolean isPublished() {
        return status == Status.PUBLISHED;
    }

    /**
     * Anyone may read a challenge once it has left draft; a draft is its association's
     * own.
     */
    boolean isPublic() {
        return status != Status.DRAFT;
    }

    /**
     * Hidden by an administrator (moderation): only its association and admins see it,
     * with the reason.
     */
    public boolean isHidden() {
        return hiddenReason != null;
    }

    ChallengeDocument toDocument() {
        return new ChallengeDocument(id, organisationId, organisationName, title, summary, description, categories,
                regions, isHidden() ? "hidden" : status.code(), closingDate, version, updatedAt,
                terms.requiredAccreditations(), terms.essentialRequirements(), terms.niceToHaveRequirements());
    }
}
