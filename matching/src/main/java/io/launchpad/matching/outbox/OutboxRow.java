package io.launchpad.matching.outbox;

import java.util.UUID;

/** A claimed, pending outbox row; {@code payload} is the changed document as JSON. */
record OutboxRow(long id, AggregateType type, UUID aggregateId, long aggregateVersion, String payload, int attempts) {
}
