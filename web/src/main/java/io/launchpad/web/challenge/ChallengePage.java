package io.launchpad.web.challenge;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.HashMap;

/**
 * One page of challenges, from the published list or from a keyword search;
 * {@code nextCursor} is opaque and is handed back to the API as is. A search also brings
 * its {@code total} and {@code facets} (how many results each category and region would
 * leave).
 */
record ChallengePage(List<Card> items, @Nullable String nextCursor, @Nullable Long total,
        @Nullable Map<String, List<FacetCount>> facets) {

    ChallengePage {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /**
     * A challenge as the list shows it; {@code highlights} only for a search (the
     * passages using its words).
     */
    record Card(@JsonAlias("challengeId") String id, @Nullable String organisationName, String title,
            @Nullable String summary, List<String> categories, List<String> regions, @Nullable LocalDate closingDate,
            List<Highlight> highlights) {

        Card {
            categories = categories == null ? List.of() : List.copyOf(categories);
            regions = regions == null ? List.of() : List.copyOf(regions);
            highlights = highlights == null ? List.of() : List.copyOf(highlights);
        }
    }

    record FacetCount(String code, long count) {
    }

    /** Facet name ("category", "region") → code → count. */
    Map<String, Long> counts(String facet) {
        Map<String, Long> counts = new HashMap<>();
        if (facets != null) {
            facets.getOrDefault(facet, List.of()).forEach(count -> counts.put(count.code(), count.count()));
        }
        return counts;
    }
}
