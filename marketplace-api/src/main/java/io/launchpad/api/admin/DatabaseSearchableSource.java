package io.launchpad.api.admin;

import io.launchpad.api.board.BoardRoles;
import io.launchpad.api.candidate.CandidateProfiles;
import io.launchpad.api.challenge.Challenges;
import io.launchpad.api.supplier.SupplierProfiles;
import io.launchpad.matching.BoardRoleForMatching;
import io.launchpad.matching.CandidateForMatching;
import io.launchpad.matching.ChallengeDocument;
import io.launchpad.matching.SearchableSource;
import io.launchpad.matching.SupplierDocument;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * What matching rebuilds its indexes from: every supplier profile, challenge and board
 * role in PostgreSQL, and every candidate who chose to be matched, streamed by their
 * features in the same document shape their writes send through the outbox.
 */
@Component
class DatabaseSearchableSource implements SearchableSource {

    private final SupplierProfiles suppliers;

    private final Challenges challenges;

    private final CandidateProfiles candidates;

    private final BoardRoles boardRoles;

    DatabaseSearchableSource(SupplierProfiles suppliers, Challenges challenges, CandidateProfiles candidates,
            BoardRoles boardRoles) {
        this.suppliers = suppliers;
        this.challenges = challenges;
        this.candidates = candidates;
        this.boardRoles = boardRoles;
    }

    @Override
    public Flux<SupplierDocument> suppliers() {
        return suppliers.documents();
    }

    @Override
    public Flux<ChallengeDocument> challenges() {
        return challenges.documents();
    }

    @Override
    public Flux<CandidateForMatching> candidates() {
        return candidates.matchingDocuments();
    }

    @Override
    public Flux<BoardRoleForMatching> boardRoles() {
        return boardRoles.matchingDocuments();
    }

}
