package io.launchpad.api.search;

import io.launchpad.api.taxonomy.Vocabulary;
import io.launchpad.matching.Search;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Public free-text search with facets: published supplier profiles and open challenges.
 * Filters take taxonomy codes, repeated or comma separated (alternatives within one
 * filter, all filters together); every facet answers a count for each code of its
 * vocabulary.
 */
@RestController
class SearchController {

    /** {@code nextCursor} is null on the last page. */
    record SearchPage<T>(List<T> items, long total, Map<String, List<SearchHits.FacetCount>> facets,
            @Nullable String nextCursor) {

        /** Matching's results as the API's views ({@link SearchHits}). */
        static <H, T> SearchPage<T> of(Search.Results<H> results, Function<H, T> view) {
            return new SearchPage<>(results.items().stream().map(view).toList(), results.total(),
                    SearchHits.facets(results.facets()), SearchParameters.cursor(results.nextOffset()));
        }
    }

    private final Search search;

    SearchController(Search search) {
        this.search = search;
    }

    @GetMapping("/api/v1/search/challenges")
    Mono<SearchPage<SearchHits.ChallengeHit>> challenges(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable List<String> category,
            @RequestParam(required = false) @Nullable List<String> region,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        var query = new Search.ChallengeQuery(SearchParameters.text(q),
                SearchParameters.codes("category", category, Vocabulary.CATEGORY),
                SearchParameters.codes("region", region, Vocabulary.REGION), SearchParameters.limit(limit),
                SearchParameters.offset(cursor));
        return search.challenges(query).map(results -> SearchPage.of(results, SearchHits.ChallengeHit::of));
    }

    @GetMapping("/api/v1/search/suppliers")
    Mono<SearchPage<SearchHits.SupplierHit>> suppliers(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable List<String> region,
            @RequestParam(required = false) @Nullable List<String> accreditation,
            @RequestParam(required = false) @Nullable List<String> size,
            @RequestParam(required = false) @Nullable List<String> category,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        var query = new Search.SupplierQuery(SearchParameters.text(q),
                SearchParameters.codes("region", region, Vocabulary.REGION),
                SearchParameters.codes("accreditation", accreditation, Vocabulary.ACCREDITATION),
                SearchParameters.codes("size", size, Vocabulary.ORGANISATION_SIZE),
                SearchParameters.codes("category", category, Vocabulary.CATEGORY), SearchParameters.limit(limit),
                SearchParameters.offset(cursor));
        return search.suppliers(query).map(results -> SearchPage.of(results, SearchHits.SupplierHit::of));
    }

}
