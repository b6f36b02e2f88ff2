package io.launchpad.web.journey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import reactor.core.publisher.Mono;
import io.launchpad.web.format.Labels;

/**
 * Programme figures for admins as bar charts drawn in server-side SVG: no script, no
 * inline style.
 */
@Controller
class ProgrammePageController {

    /**
     * One bar: its label, its value and its length as a share of the chart's width
     * (0–100).
     */
    public record Bar(String label, Number value, double length) {
    }

    private final ChallengeWork work;

    ProgrammePageController(ChallengeWork work) {
        this.work = work;
    }

    @GetMapping("/admin/programme")
    Mono<String> programme(Model model) {
        return work.get("/api/v1/admin/programme").map(figures -> {
            model.addAttribute("figures", figures);
            model.addAttribute("stages", bars(counts(figures.get("challengesByStage"))));
            model.addAttribute("pilotOutcomes", bars(counts(figures.get("pilotsByOutcome"))));
            List<Bar> responses = new ArrayList<>();
            double max = 1;
            for (Map<String, Object> row : ChallengeWork.list(figures.get("responsesPerChallenge"))) {
                max = Math.max(max, responses(row).doubleValue());
            }
            for (Map<String, Object> row : ChallengeWork.list(figures.get("responsesPerChallenge"))) {
                Number value = responses(row);
                responses.add(new Bar(String.valueOf(row.get("title")), value, 100 * value.doubleValue() / max));
            }
            model.addAttribute("responses", responses);
            return "programme";
        });
    }

    @SuppressWarnings("unchecked")
    private static Number responses(Map<String, Object> row) {
        return Objects.requireNonNull((Number) row.get("responses"), "the API counts every challenge's responses");
    }

    private static Map<String, Number> counts(@Nullable Object value) {
        return value == null ? Map.of() : (Map<String, Number>) value;
    }

    static List<Bar> bars(Map<String, Number> counts) {
        double max = Math.max(1, counts.values().stream().mapToDouble(Number::doubleValue).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        // the API keys its counts by code ("no-award", "partly-met"); the chart says them
        // in words
        Labels labels = new Labels();
        counts.forEach((code, value) -> bars.add(new Bar(labels.status(code), value, 100 * value.doubleValue() / max)));
        return bars;
    }

}
