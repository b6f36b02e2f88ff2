package io.launchpad.api.candidate;

import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * Told, inside the deleting transaction, that a candidate profile is about to be deleted
 * (erasure on request or by the retention job), so features that reference it
 * (applications) can reduce their rows to anonymised statistics first. Returns the number
 * of rows it removed.
 */
public interface CandidateProfileListener {

    Mono<Long> profileDeleting(UUID candidateId);

}
