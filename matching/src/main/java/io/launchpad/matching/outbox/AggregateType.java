package io.launchpad.matching.outbox;

import io.launchpad.matching.BoardRoleForMatching;
import io.launchpad.matching.CandidateForMatching;
import io.launchpad.matching.ChallengeDocument;
import io.launchpad.matching.SupplierDocument;

/**
 * What an outbox row describes; the column holds {@link #code()}, the payload is a
 * {@link #payloadType()}.
 */
enum AggregateType {

    SUPPLIER("supplier", SupplierDocument.class), CHALLENGE("challenge", ChallengeDocument.class),
    CANDIDATE("candidate", CandidateForMatching.class),
    /**
     * A candidate leaves the index (private, erased, deleted by retention); its row holds
     * no personal data.
     */
    CANDIDATE_REMOVAL("candidate-removal", CandidateRemoval.class),
    BOARD_ROLE("board-role", BoardRoleForMatching.class);

    private final String code;

    private final Class<?> payloadType;

    AggregateType(String code, Class<?> payloadType) {
        this.code = code;
        this.payloadType = payloadType;
    }

    String code() {
        return code;
    }

    Class<?> payloadType() {
        return payloadType;
    }

    static AggregateType ofCode(String code) {
        for (AggregateType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown aggregate type " + code);
    }

}
