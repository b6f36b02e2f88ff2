package io.launchpad.matching.indexes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.launchpad.matching.ChallengeDocument;

/** A challenge as stored in the challenges index (field names in snake case, see {@code challenges-v1.json}). */
public record IndexedChallenge(UUID challengeId, UUID organisationId, String statusCode, List<String> categoryCodes,
                               List<String> regionCodes, LocalDate closingDate, long version, Instant updatedAt,
                               long tiebreak, Text text) {

    public record Text(String organisationName, String title, String summary, String description,
                       String categories) {
    }

    public static IndexedChallenge from(ChallengeDocument challenge) {
        return new IndexedChallenge(challenge.id(), challenge.organisationId(), challenge.status(),
                challenge.categories(), challenge.regions(), challenge.closingDate(), challenge.version(),
                challenge.updatedAt(), Tiebreak.of(challenge.id()),
                new Text(challenge.organisationName(), challenge.title(), challenge.summary(),
                        challenge.description(), String.join("\n", challenge.categories())));
    }
}
