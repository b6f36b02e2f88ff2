package io.launchpad.matching.outbox;

import java.util.UUID;

/**
 * The payload of a removal: which candidate, at which version; nothing about the person.
 */
public record CandidateRemoval(UUID id, long version) {
}
