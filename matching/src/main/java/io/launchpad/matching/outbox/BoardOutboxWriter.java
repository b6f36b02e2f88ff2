package io.launchpad.matching.outbox;

import java.util.Objects;
import java.util.UUID;

import io.launchpad.matching.BoardOutbox;
import io.launchpad.matching.BoardRoleForMatching;
import io.launchpad.matching.CandidateForMatching;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Appends board changes to the outbox on the caller's transaction, like
 * {@link OutboxWriter} ({@link OutboxRows}). A removal first deletes the candidate's
 * earlier rows (pending or processed): they hold the profile as it was, and a person who
 * leaves matching or is erased must leave no copy behind. The removal row itself holds
 * only the id and version, and the indexer deletes it once Elasticsearch has applied it.
 */
final class BoardOutboxWriter implements BoardOutbox {

    private static final String FORGET = """
            delete from matching_outbox where aggregate_id = :id and aggregate_type in ('candidate', 'candidate-removal')
            """;

    private final OutboxRows rows;

    BoardOutboxWriter(DatabaseClient database) {
        this.rows = new OutboxRows(database);
    }

    @Override
    public Mono<Void> candidateChanged(CandidateForMatching candidate) {
        Objects.requireNonNull(candidate, "candidate");
        if (!candidate.matchable()) {
            return candidateDeleted(candidate.id(), candidate.version());
        }
        return rows.append(AggregateType.CANDIDATE, candidate.id(), candidate.version(), candidate);
    }

    @Override
    public Mono<Void> candidateDeleted(UUID candidateId, long version) {
        Objects.requireNonNull(candidateId, "candidate id");
        return rows.database()
            .sql(FORGET)
            .bind("id", candidateId)
            .fetch()
            .rowsUpdated()
            .then(rows.append(AggregateType.CANDIDATE_REMOVAL, candidateId, version,
                    new CandidateRemoval(candidateId, version)));
    }

    @Override
    public Mono<Void> boardRoleChanged(BoardRoleForMatching role) {
        Objects.requireNonNull(role, "role");
        return rows.append(AggregateType.BOARD_ROLE, role.id(), role.version(), role);
    }

}
