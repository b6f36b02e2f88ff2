package io.launchpad.matching.indexes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.launchpad.matching.ChallengeDocument;
import io.launchpad.matching.Tiebreak;
import org.jspecify.annotations.Nullable;
import io.launchpad.matching.Taxonomy;

/**
 * A challenge as stored in the challenges index (field names in snake case, see
 * {@code challenges-v1.json}). {@code embedding} is null when the challenge has no text,
 * {@code textHash} names the text it was made from ({@link Embeddings#hash}); build these
 * with {@link IndexedDocuments}, which embeds a whole batch in one model call.
 */
public record IndexedChallenge(UUID challengeId, UUID organisationId, String statusCode, List<String> categoryCodes,
        List<String> regionCodes, List<String> requiredAccreditationCodes, @Nullable LocalDate closingDate,
        long version, Instant updatedAt, long tiebreak, Text text, float @Nullable [] embedding,
        @Nullable String textHash, List<Requirement> requirements) {

    /**
     * A requirement's query vector, as matching compares it with passages: stored so that
     * matching a published challenge runs no model (looked up by the hash of the
     * requirement's text).
     */
    public record Requirement(float[] embedding, String textHash) {
    }

    public record Text(String organisationName, String title, String summary, @Nullable String description,
            String categories) {
    }

    /**
     * One document, embedded on its own. Correct but one model call per document: batch
     * writers (bulk loads, the outbox) should use {@link IndexedDocuments#challenges}
     * with the whole batch.
     */
    public static IndexedChallenge from(ChallengeDocument challenge) {
        return new IndexedDocuments(new Embeddings(), Taxonomy.housing()).challenges(List.of(challenge)).getFirst();
    }

    static IndexedChallenge from(ChallengeDocument challenge, float @Nullable [] embedding, @Nullable String textHash,
            List<Requirement> requirements) {
        return new IndexedChallenge(challenge.id(), challenge.organisationId(), challenge.status(),
                challenge.categories(), challenge.regions(), challenge.requiredAccreditations(),
                challenge.closingDate(), challenge.version(), challenge.updatedAt(), Tiebreak.of(challenge.id()),
                new Text(challenge.organisationName(), challenge.title(), challenge.summary(), challenge.description(),
                        String.join("\n", challenge.categories())),
                embedding, textHash, requirements);
    }
}
