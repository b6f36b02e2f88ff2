package io.launchpad.api.application;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A candidate's application for a board role and where the association has got to with
 * it.
 */
record BoardApplication(UUID id, UUID boardRoleId, UUID candidateId, String statement, Status status,
        @Nullable String feedback, Instant createdAt, Instant updatedAt, @Nullable Instant identityRevealedAt,
        long version) {

    enum Status {

        SUBMITTED, SHORTLISTED, INTERVIEW, APPOINTED, DECLINED, WITHDRAWN;

        String code() {
            return name().toLowerCase();
        }

        static @Nullable Status fromCode(String code) {
            for (Status status : values()) {
                if (status.code().equals(code)) {
                    return status;
                }
            }
            return null;
        }

        /** Where the association may move an application from here. */
        Set<Status> next() {
            return switch (this) {
                case SUBMITTED -> Set.of(SHORTLISTED, INTERVIEW, DECLINED);
                case SHORTLISTED -> Set.of(INTERVIEW, DECLINED);
                case INTERVIEW -> Set.of(APPOINTED, DECLINED);
                case APPOINTED, DECLINED, WITHDRAWN -> Set.of();
            };
        }

        boolean isFinal() {
            return next().isEmpty();
        }

    }

    /** Blind shortlisting: the association sees who applied only from interview on. */
    boolean identityRevealed() {
        return identityRevealedAt != null;
    }
}
