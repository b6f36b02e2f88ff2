package io.launchpad.web.challenge;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The categories and regions offered in the home page's filter form, as API taxonomy slugs.
 * Configuration rather than code, so the form can follow the API's taxonomy without a release.
 */
@ConfigurationProperties("launchpad.filters")
record FilterOptions(List<String> categories, List<String> regions) {

    FilterOptions {
        categories = categories == null ? List.of() : List.copyOf(categories);
        regions = regions == null ? List.of() : List.copyOf(regions);
    }

    List<Option> categoryOptions(@Nullable String selected) {
        return options(categories, selected, Labels::topic);
    }

    List<Option> regionOptions(@Nullable String selected) {
        return options(regions, selected, Labels::place);
    }

    // a value from a shared link that is not (or no longer) offered stays selected, so the form tells the truth
    private static List<Option> options(List<String> slugs, @Nullable String selected, UnaryOperator<String> label) {
        List<Option> options = new ArrayList<>();
        for (String slug : slugs) {
            options.add(new Option(slug, label.apply(slug), slug.equals(selected)));
        }
        if (selected != null && !slugs.contains(selected)) {
            options.add(new Option(selected, label.apply(selected), true));
        }
        return options;
    }

    record Option(String value, String label, boolean selected) {
    }
}
