package io.launchpad.web.board;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The API's region codes and their labels, in display order (the same configuration the challenge
 * pages use). Public methods because the templates call them.
 */
@ConfigurationProperties("launchpad.taxonomy")
public record Regions(Map<String, String> regions) {

    public Regions {
        regions = regions == null ? new LinkedHashMap<>() : new LinkedHashMap<>(regions);
    }

    public String label(@Nullable String code) {
        return code == null ? "" : regions.getOrDefault(code, code);
    }
}
