package io.launchpad.web.journey;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.launchpad.web.api.LaunchpadApi;
import io.launchpad.web.challenge.Taxonomies;
import io.launchpad.web.forms.FormFields;
import io.launchpad.web.forms.FormProblems;
import reactor.core.publisher.Mono;

/**
 * The library of what pilots taught (issue 14): completed pilots, searchable by words,
 * category, region and outcome, each a public case page with its measures drawn as small
 * charts. No sign-in.
 */
@Controller
class PilotLibraryController {

    @SuppressWarnings("rawtypes")
    private static final Class<Map> JSON = Map.class;

    private static final FormFields FILTERS = FormFields.of("search")
        .enter("q", "Words", "words to search for")
        .choose("category", "category", "Category", "a category")
        .choose("region", "region", "Region", "a region")
        .choose("outcome", "outcome", "Outcome", "an outcome");

    /**
     * One bar of a measure's chart: {@code width} and {@code valueX} are percentages of
     * the chart's width (labels take the first 30 %, bars at most 55 %, the value follows
     * its bar).
     */
    record Bar(String label, String value, String width, String valueX) {
    }

    private final LaunchpadApi api;

    private final Taxonomies taxonomies;

    PilotLibraryController(LaunchpadApi api, Taxonomies taxonomies) {
        this.api = api;
        this.taxonomies = taxonomies;
    }

    @GetMapping("/library")
    Mono<String> library(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @Nullable String outcome,
            @RequestParam(required = false) @Nullable String cursor, Model model) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", q == null ? "" : q);
        filters.put("category", category == null ? "" : category);
        filters.put("region", region == null ? "" : region);
        filters.put("outcome", outcome == null ? "" : outcome);
        model.addAttribute("filters", filters);
        model.addAttribute("taxonomy", taxonomies.current());
        model.addAttribute("cursor", cursor);
        return api.get(uri -> {
            uri.path("/api/v1/pilot-library").queryParam("limit", 20);
            filters.forEach((name, value) -> {
                if (!value.isBlank()) {
                    uri.queryParam(name, value);
                }
            });
            if (cursor != null && !cursor.isBlank()) {
                uri.queryParam("cursor", cursor);
            }
            return uri.build();
        }, JSON).map(page -> {
            model.addAttribute("cases", Forms.items(cast(page)));
            model.addAttribute("nextCursor", page.get("nextCursor"));
            return "library/list";
        }).onErrorResume(e -> FormProblems.refused(e, model, FILTERS, () -> {
            model.addAttribute("cases", List.of());
            return Mono.just("library/list");
        }));
    }

    @GetMapping("/library/{id}")
    Mono<String> pilotCase(@PathVariable String id, Model model) {
        return api.get(uri -> uri.path("/api/v1/pilot-library/{id}").build(id), JSON).map(found -> {
            Map<String, Object> pilotCase = cast(found);
            model.addAttribute("pilotCase", pilotCase);
            model.addAttribute("taxonomy", taxonomies.current());
            model.addAttribute("charts", charts(Forms.list(pilotCase.get("outcomes"))));
            return "library/case";
        });
    }

    /**
     * For each outcome measure, three bars on one scale: where it started, the target,
     * what was achieved.
     */
    static List<List<Bar>> charts(List<Map<String, Object>> outcomes) {
        List<List<Bar>> charts = new ArrayList<>();
        for (Map<String, Object> outcome : outcomes) {
            BigDecimal baseline = Objects.requireNonNull(number(outcome.get("baseline")),
                    "every measure has a baseline");
            BigDecimal target = Objects.requireNonNull(number(outcome.get("target")), "every measure has a target");
            BigDecimal actual = number(outcome.get("actual"));
            BigDecimal longest = baseline.abs().max(target.abs()).max(actual == null ? BigDecimal.ZERO : actual.abs());
            List<Bar> bars = new ArrayList<>();
            bars.add(bar("Before", baseline, longest));
            bars.add(bar("Target", target, longest));
            if (actual != null) {
                bars.add(bar("Achieved", actual, longest));
            }
            charts.add(bars);
        }
        return charts;
    }

    private static Bar bar(String label, BigDecimal value, BigDecimal longest) {
        double length = longest.signum() == 0 ? 0 : value.abs().doubleValue() * 100 / longest.doubleValue();
        double width = Math.round(length * 0.55 * 10) / 10.0;
        return new Bar(label, value.stripTrailingZeros().toPlainString(), width + "%",
                (Math.round((31 + width) * 10) / 10.0) + "%");
    }

    private static @Nullable BigDecimal number(@Nullable Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

}
