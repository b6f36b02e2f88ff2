package io.launchpad.matching;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What matching knows about a challenge. {@code version} must grow with every change of
 * the challenge: the index keeps the highest version it has seen, so a late, older event
 * never wins. {@code requiredAccreditations} are accreditation codes every matched
 * supplier must hold (a hard filter). {@code essentialRequirements} and
 * {@code niceToHaveRequirements} are the association's own words for what a supplier must
 * and may offer; matching reads them with the rest of the challenge.
 */
public record ChallengeDocument(UUID id, UUID organisationId, String organisationName, String title, String summary,
        @Nullable String description, List<String> categories, List<String> regions, String status,
        @Nullable LocalDate closingDate, long version, Instant updatedAt, List<String> requiredAccreditations,
        List<String> essentialRequirements, List<String> niceToHaveRequirements) {

    public ChallengeDocument {
        categories = categories == null ? List.of() : List.copyOf(categories);
        regions = regions == null ? List.of() : List.copyOf(regions);
        requiredAccreditations = requiredAccreditations == null ? List.of() : List.copyOf(requiredAccreditations);
        essentialRequirements = essentialRequirements == null ? List.of() : List.copyOf(essentialRequirements);
        niceToHaveRequirements = niceToHaveRequirements == null ? List.of() : List.copyOf(niceToHaveRequirements);
    }

    /** A challenge stating no requirements. */
    public ChallengeDocument(UUID id, UUID organisationId, String organisationName, String title, String summary,
            @Nullable String description, List<String> categories, List<String> regions, String status,
            @Nullable LocalDate closingDate, long version, Instant updatedAt, List<String> requiredAccreditations) {
        this(id, organisationId, organisationName, title, summary, description, categories, regions, status,
                closingDate, version, updatedAt, requiredAccreditations, List.of(), List.of());
    }

    /** A challenge that requires no accreditation. */
    public ChallengeDocument(UUID id, UUID organisationId, String organisationName, String title, String summary,
            @Nullable String description, List<String> categories, List<String> regions, String status,
            @Nullable LocalDate closingDate, long version, Instant updatedAt) {
        this(id, organisationId, organisationName, title, summary, description, categories, regions, status,
                closingDate, version, updatedAt, List.of());
    }
}
