package io.launchpad.matching.lifecycle;

import java.util.List;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.launchpad.matching.BoardRoleForMatching;
import io.launchpad.matching.CandidateForMatching;
import io.launchpad.matching.ChallengeDocument;
import io.launchpad.matching.SupplierDocument;
import io.launchpad.matching.indexes.BoardDocuments;
import io.launchpad.matching.indexes.IndexedDocuments;
import org.jspecify.annotations.Nullable;

/**
 * One document ready for a bulk load into a named physical index. Built by
 * {@link IndexedDocuments}, as the outbox indexer builds its documents, so a rebuilt
 * index holds what incremental indexing would have written (embeddings included). Its
 * version goes in as an external version: replays of older events never overwrite newer
 * ones. A null {@code source} is a deletion (a candidate who left matching).
 */
record IndexDocument(String id, long version, @Nullable Object source) {

    /**
     * Matchable candidates only: a private one must never reach the index, however it was
     * read.
     */
    static List<IndexDocument> candidates(BoardDocuments documents, List<CandidateForMatching> batch) {
        return documents.candidates(batch.stream().filter(CandidateForMatching::matchable).toList())
            .stream()
            .map(indexed -> new IndexDocument(indexed.candidateId().toString(), indexed.version(), indexed))
            .toList();
    }

    static List<IndexDocument> boardRoles(BoardDocuments documents, List<BoardRoleForMatching> batch) {
        return documents.boardRoles(batch)
            .stream()
            .map(indexed -> new IndexDocument(indexed.boardRoleId().toString(), indexed.version(), indexed))
            .toList();
    }

    static IndexDocument deletion(String id, long version) {
        return new IndexDocument(id, version, null);
    }

    /** One model call per batch: embedding is the expensive part of a reindex. */
    static List<IndexDocument> suppliers(IndexedDocuments documents, List<SupplierDocument> batch) {
        return documents.suppliers(batch)
            .stream()
            .map(indexed -> new IndexDocument(indexed.supplierId().toString(), indexed.version(), indexed))
            .toList();
    }

    static List<IndexDocument> challenges(IndexedDocuments documents, List<ChallengeDocument> batch) {
        return documents.challenges(batch)
            .stream()
            .map(indexed -> new IndexDocument(indexed.challengeId().toString(), indexed.version(), indexed))
            .toList();
    }

    BulkOperation into(String index) {
        if (source == null) {
            return BulkOperation.of(op -> op
                .delete(delete -> delete.index(index).id(id).version(version).versionType(VersionType.External)));
        }
        return BulkOperation.of(op -> op.index(write -> write.index(index)
            .id(id)
            .version(version)
            .versionType(VersionType.External)
            .document(source)));
    }
}
