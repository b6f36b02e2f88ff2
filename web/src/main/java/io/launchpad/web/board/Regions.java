package io.launchpad.web.board;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.launchpad.web.challenge.Taxonomies;

import reactor.core.publisher.Mono;

/**
 * The API's region codes and their labels, in display order: the regions of the taxonomy
 * the challenge pages use, labelled as board pages want them (the code itself when the
 * API does not know it). Public methods because the templates call them.
 */
public record Regions(Map<String, String> regions) {

    public Regions {
        regions = Collections.unmodifiableMap(regions == null ? new LinkedHashMap<>() : new LinkedHashMap<>(regions));
    }

    /** For a page's model, which WebFlux resolves before rendering. */
    public static Mono<Regions> of(Taxonomies taxonomies) {
        return taxonomies.current().map(taxonomy -> new Regions(taxonomy.regions()));
    }

    public String label(@Nullable String code) {
        return code == null ? "" : regions.getOrDefault(code, code);
    }
}
