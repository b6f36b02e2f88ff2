package io.launchpad.api.response;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A response as sent on create and update. {@code evidence} maps the challenge's
 * requirement ids ({@code E1}, {@code N2}, ...) to the supplier's evidence. A draft may
 * be incomplete; submitting asks for evidence against every essential requirement, an
 * approach and a price.
 */
record ResponseFields(@Nullable UUID organisationId, @Size(max = 20_000) @Nullable String approach,
        @Size(max = 40) @Nullable Map<@Pattern(regexp = "[EN][1-9][0-9]?",
                message = "must be a requirement id such as E1 or N2") String, @Size(max = 10_000) String> evidence,
        @Min(0) @Max(100_000_000) @Nullable Integer pricePounds, @Size(max = 500) @Nullable String availability) {

    ResponseFields normalised() {
        Map<String, String> cleaned = new LinkedHashMap<>();
        if (evidence != null) {
            evidence.forEach((requirement, text) -> {
                if (text != null && !text.isBlank()) {
                    cleaned.put(requirement, text.strip());
                }
            });
        }
        return new ResponseFields(organisationId, approach == null ? "" : approach.strip(), cleaned, pricePounds,
                availability == null ? "" : availability.strip());
    }
}
