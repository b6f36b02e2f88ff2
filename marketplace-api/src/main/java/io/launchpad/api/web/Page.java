package io.launchpad.api.web;

import org.jspecify.annotations.Nullable;

import java.util.List;

/** One page of a list and the cursor of the next page (null on the last page). */
public record Page<T>(List<T> items, @Nullable String nextCursor) {
}
