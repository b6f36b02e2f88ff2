package io.launchpad.web.challenge;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** One page of challenges; {@code nextCursor} is opaque and is handed back to the API as is. */
record ChallengePage(List<Challenge> items, @Nullable String nextCursor) {

    ChallengePage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
