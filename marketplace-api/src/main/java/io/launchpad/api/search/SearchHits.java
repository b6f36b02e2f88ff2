package io.launchpad.api.search;

import io.launchpad.matching.Search;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Search results as the API promises them: matching's hits and facet counts field for
 * field, so a change inside matching does not change the contract. The schema names are
 * the contract's own, older than these records.
 */
final class SearchHits {

    private SearchHits() {
    }

    @Schema(name = "ChallengeHit")
    record ChallengeHit(UUID challengeId, UUID organisationId, @Nullable String organisationName,
            @Nullable String title, @Nullable String summary, List<String> categories, List<String> regions,
            List<String> requiredAccreditations, LocalDate closingDate, List<HighlightView> highlights) {

        static ChallengeHit of(Search.ChallengeHit hit) {
            return new ChallengeHit(hit.challengeId(), hit.organisationId(), hit.organisationName(), hit.title(),
                    hit.summary(), hit.categories(), hit.regions(), hit.requiredAccreditations(), hit.closingDate(),
                    HighlightView.of(hit.highlights()));
        }
    }

    /** {@code categories} are inferred from the profile's text through the taxonomy. */
    @Schema(name = "SupplierHit")
    record SupplierHit(UUID supplierId, @Nullable String name, @Nullable String summary, List<String> regions,
            List<String> accreditations, String size, List<String> categories, List<HighlightView> highlights) {

        static SupplierHit of(Search.SupplierHit hit) {
            return new SupplierHit(hit.supplierId(), hit.name(), hit.summary(), hit.regions(), hit.accreditations(),
                    hit.size(), hit.categories(), HighlightView.of(hit.highlights()));
        }
    }

    @Schema(name = "FacetCount")
    record FacetCount(String code, String label, long count, boolean selected) {
    }

    /** Each facet's counts in the order matching gave them (the vocabulary's). */
    static Map<String, List<FacetCount>> facets(Map<String, List<Search.FacetCount>> facets) {
        return facets.entrySet()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey,
                    facet -> facet.getValue()
                        .stream()
                        .map(count -> new FacetCount(count.code(), count.label(), count.count(), count.selected()))
                        .toList(),
                    (a, b) -> a, LinkedHashMap::new));
    }

}
