package io.launchpad.matching.outbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.launchpad.matching.BoardRoleForMatching;
import io.launchpad.matching.CandidateForMatching;
import io.launchpad.matching.indexes.BoardDocuments;
import io.launchpad.matching.indexes.IndexNames;
import io.launchpad.matching.indexes.IndexedBoardRole;
import io.launchpad.matching.indexes.IndexedCandidate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The board rows of one bulk request: {@link #collect} them in row order,
 * {@link #convert} (one model call per kind), then take their {@link #operation}s in the
 * same order. A removal is a delete with the external version, so a late, older change
 * cannot bring the candidate back; deleting a candidate the index never held is a success
 * (Elasticsearch answers not_found, without an error).
 */
final class BoardOperations {

    private final BoardDocuments documents;

    private final IndexNames names;

    private final JsonMapper payloads;

    private final List<CandidateForMatching> candidates = new ArrayList<>();

    private final List<BoardRoleForMatching> roles = new ArrayList<>();

    // filled by convert(); empty until then
    private Iterator<IndexedCandidate> indexedCandidates = Collections.emptyIterator();

    private Iterator<IndexedBoardRole> indexedRoles = Collections.emptyIterator();

    BoardOperations(BoardDocuments documents, IndexNames names, JsonMapper payloads) {
        this.documents = documents;
        this.names = names;
        this.payloads = payloads;
    }

    void collect(OutboxRow row) {
        switch (row.type()) {
            case CANDIDATE -> candidates.add(payloads.readValue(row.payload(), CandidateForMatching.class));
            case BOARD_ROLE -> roles.add(payloads.readValue(row.payload(), BoardRoleForMatching.class));
            case CANDIDATE_REMOVAL -> {
            }
            default -> throw new IllegalArgumentException("not a board row: " + row.type());
        }
    }

    void convert() {
        indexedCandidates = documents.candidates(candidates).iterator();
        indexedRoles = documents.boardRoles(roles).iterator();
    }

    BulkOperation operation(OutboxRow row) {
        String id = row.aggregateId().toString();
        return switch (row.type()) {
            case CANDIDATE -> {
                IndexedCandidate document = indexedCandidates.next();
                yield BulkOperation.of(op -> op.index(index -> index.index(names.candidates())
                    .id(id)
                    .version(row.aggregateVersion())
                    .versionType(VersionType.External)
                    .document(document)));
            }
            case BOARD_ROLE -> {
                IndexedBoardRole document = indexedRoles.next();
                yield BulkOperation.of(op -> op.index(index -> index.index(names.boardRoles())
                    .id(id)
                    .version(row.aggregateVersion())
                    .versionType(VersionType.External)
                    .document(document)));
            }
            case CANDIDATE_REMOVAL -> BulkOperation.of(op -> op.delete(delete -> delete.index(names.candidates())
                .id(id)
                .version(row.aggregateVersion())
                .versionType(VersionType.External)));
            default -> throw new IllegalArgumentException("not a board row: " + row.type());
        };
    }

}
