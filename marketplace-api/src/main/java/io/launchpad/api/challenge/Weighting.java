package io.launchpad.api.challenge;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One evaluation criterion and its share of the total; a challenge's weights sum to 100.
 */
public record Weighting(
        @NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,39}",
                message = "must be a lower-case slug such as social-value") String criterion,
        @NotNull @Min(1) @Max(100) Integer weight) {

    /** A criterion as people read it: "social-value" → "Social value". */
    public static String label(String criterion) {
        String words = criterion.replace('-', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
