package io.launchpad.matching;

import java.time.Instant;
import java.util.UUID;

/**
 * An outbox row set aside because Elasticsearch kept rejecting its document. Says which
 * document and why, never what it holds: the payload stays in the database.
 *
 * @param aggregateType supplier, challenge, candidate, candidate-removal or board-role
 * @param attempts every attempt made, including those while the cluster was unreachable
 * @param rejections attempts Elasticsearch answered by refusing the document
 * @param lastError Elasticsearch's last answer for it
 */
public record ParkedOutboxRow(long id, String aggregateType, UUID aggregateId, long aggregateVersion, int attempts,
        int rejections, String lastError, Instant parkedAt) {
}
