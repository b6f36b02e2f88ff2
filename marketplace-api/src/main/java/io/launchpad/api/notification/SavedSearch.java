package io.launchpad.api.notification;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A search a person asked to be told about; {@code query}, {@code category} and
 * {@code region} may be null.
 */
record SavedSearch(UUID id, @Nullable String query, @Nullable String category, @Nullable String region,
        String frequency, Instant createdAt) {
}
