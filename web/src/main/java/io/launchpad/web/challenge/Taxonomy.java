package io.launchpad.web.challenge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The API's controlled vocabularies for categories, regions and accreditations: code → label, in display order.
 * They mirror the API's own lists (which reject unknown codes) and are configuration so the web can
 * follow the API without a code change. Methods the templates call are public because SpEL only
 * invokes public methods.
 */
@ConfigurationProperties("launchpad.taxonomy")
public record Taxonomy(Map<String, String> categories, Map<String, String> regions, Map<String, String> accreditations) {

    public Taxonomy {
        categories = categories == null ? new LinkedHashMap<>() : new LinkedHashMap<>(categories);
        regions = regions == null ? new LinkedHashMap<>() : new LinkedHashMap<>(regions);
        accreditations = accreditations == null ? new LinkedHashMap<>() : new LinkedHashMap<>(accreditations);
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

    /** Keeps only codes the API knows, so a hand-edited link cannot turn a page into an error. */
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

    /** The same options, each label with how many results it would leave (a search's facet counts). */
    static List<Option> withCounts(List<Option> options, Map<String, Long> counts) {
        return options.stream()
            .map(option -> new Option(option.value(), option.label() + " (" + counts.getOrDefault(option.value(), 0L) + ")",
                    option.selected()))
            .toList();
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
