package io.launchpad.matching;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Free-text search with facets over published supplier profiles and open challenges. Text
 * is matched with BM25 and the housing synonyms; without text, the newest come first.
 * Facet counts are multi-select: each facet counts with every other filter applied but
 * its own, so a client can show how many results each further choice would give. Codes
 * are not validated here (the API does); an unknown code simply matches nothing. Fails
 * with {@link MatchingUnavailableException} when Elasticsearch cannot answer.
 */
public interface Search {

    int MAX_LIMIT = 100;

    /** Deep paging is what a matcher is for; search pages stop here. */
    int MAX_OFFSET = 1_000;

    int MAX_TEXT_CHARACTERS = 500;

    Mono<Results<SupplierHit>> suppliers(SupplierQuery query);

    Mono<Results<ChallengeHit>> challenges(ChallengeQuery query);

    /**
     * Any list may be empty (no filter); values within one list are alternatives (OR),
     * lists combine with AND.
     */
    record SupplierQuery(@Nullable String text, List<String> regions, List<String> accreditations, List<String> sizes,
            List<String> categories, int limit, int offset) {

        public SupplierQuery {
            regions = regions == null ? List.of() : List.copyOf(regions);
            accreditations = accreditations == null ? List.of() : List.copyOf(accreditations);
            sizes = sizes == null ? List.of() : List.copyOf(sizes);
            categories = categories == null ? List.of() : List.copyOf(categories);
        }
    }

    record ChallengeQuery(@Nullable String text, List<String> categories, List<String> regions, int limit, int offset) {

        public ChallengeQuery {
            categories = categories == null ? List.of() : List.copyOf(categories);
            regions = regions == null ? List.of() : List.copyOf(regions);
        }
    }

    /**
     * @param total how many results match (exact up to 10,000)
     * @param facets facet name ({@code category}, {@code region}, {@code accreditation},
     * {@code size}) → a count for every code of its vocabulary, in taxonomy order, zeros
     * included
     * @param nextOffset where the next page starts, or null on the last page
     */
    record Results<T>(List<T> items, long total, Map<String, List<FacetCount>> facets, @Nullable Integer nextOffset) {
    }

    record FacetCount(String code, String label, long count, boolean selected) {
    }

    /** {@code categories} are inferred from the profile's text through the taxonomy. */
    record SupplierHit(UUID supplierId, @Nullable String name, @Nullable String summary, List<String> regions,
            List<String> accreditations, String size, List<String> categories, List<Highlight> highlights) {
    }

    record ChallengeHit(UUID challengeId, UUID organisationId, @Nullable String organisationName,
            @Nullable String title, @Nullable String summary, List<String> categories, List<String> regions,
            List<String> requiredAccreditations, LocalDate closingDate, List<Highlight> highlights) {
    }

}
