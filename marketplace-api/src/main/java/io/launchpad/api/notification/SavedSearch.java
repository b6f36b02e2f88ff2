package io.launchpad.api.notification;

import java.time.Instant;
import java.util.UUID;

/** A search a person asked to be told about; {@code query}, {@code category} and {@code region} may be null. */
record SavedSearch(UUID id, String query, String category, String region, String frequency, Instant createdAt) {
}
