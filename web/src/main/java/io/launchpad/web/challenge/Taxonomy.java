package io.launchpad.web.challenge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The API's controlled vocabularies for categories, regions and accreditations: code →
 * label, in display order. The API is their one source: {@link Taxonomies} reads them
 * from {@code GET /api/v1/taxonomy}, so a code or label added there shows here without a
 * release of the web. Methods the templates call are public because SpEL only invokes
 * public methods.
 */
public record Taxonomy(Map<String, String> categories, Map<String, String> regions,
        Map<String, String> accreditations) {

    /**
     * Copies that keep the given order and cannot be changed: one instance serves every
     * request.
     */
    public Taxonomy {
        categories = ordered(categories);
        regions = ordered(regions);
        accreditations = ordered(accreditations);
    }

    public String accreditationLabel(String code) {
        return accreditations.getOrDefault(code, Labels.topic(code));
    }

    public String categoryLabel(String code) {
        return categories.getOrDefault(code, Labels.topic(code));
    }

    public String regionLabel(String code) {
        return regions.getOrDefault(code, Labels.topic(code));
    }

    /**
     * Keeps only codes the API knows, so a hand-edited link cannot turn a page into an
     * error.
     */
    ChallengeFilter known(ChallengeFilter filter) {
        return new ChallengeFilter(filter.q(), categories.containsKey(filter.category()) ? filter.category() : null,
                regions.containsKey(filter.region()) ? filter.region() : null, filter.cursor());
    }

    List<Option> categoryOptions(@Nullable String selected) {
        return options(categories, selected);
    }

    List<Option> regionOptions(@Nullable String selected) {
        return options(regions, selected);
    }

    /**
     * The same options, each label with how many results it would leave (a search's facet
     * counts).
     */
    static List<Option> withCounts(List<Option> options, Map<String, Long> counts) {
        return options.stream()
            .map(option -> new Option(option.value(),
                    option.label() + " (" + counts.getOrDefault(option.value(), 0L) + ")", option.selected()))
            .toList();
    }

    private static Map<String, String> ordered(@Nullable Map<String, String> vocabulary) {
        return Collections
            .unmodifiableMap(vocabulary == null ? new LinkedHashMap<>() : new LinkedHashMap<>(vocabulary));
    }

    private static List<Option> options(Map<String, String> vocabulary, @Nullable String selected) {
        return vocabulary.entrySet()
            .stream()
            .map(entry -> new Option(entry.getKey(), entry.getValue(), entry.getKey().equals(selected)))
            .toList();
    }

    record Option(String value, String label, boolean selected) {
    }
}
