package io.launchpad.web.journey;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/** Pilots: milestones and their statuses, outcome measures and their actuals, and the final report. */
@Controller
class PilotPageController {

    static final List<String> MILESTONE_STATUSES = List.of("planned", "in-progress", "done", "missed");

    private final ChallengeWork work;

    PilotPageController(ChallengeWork work) {
        this.work = work;
    }

    @GetMapping("/pilots")
    Mono<String> pilots(Model model) {
        return work.get("/api/v1/pilots").map(page -> {
            model.addAttribute("pilots", Forms.items(page));
            return "pilots";
        });
    }

    @GetMapping("/pilots/{id}")
    Mono<String> pilot(@PathVariable String id, Model model) {
        return work.get("/api/v1/pilots/{id}", id).map(pilot -> {
            model.addAttribute("pilot", pilot);
            model.addAttribute("statuses", MILESTONE_STATUSES);
            return "pilot";
        });
    }

    @PostMapping("/pilots/{id}/milestones")
    Mono<String> addMilestone(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> body = new HashMap<>();
            body.put("title", Forms.text(form, "title"));
            body.put("dueOn", Forms.text(form, "dueOn"));
            return change(id, model, work.post(body, "/api/v1/pilots/{id}/milestones", id));
        });
    }

    @PostMapping("/pilots/{id}/milestones/{milestoneId}")
    Mono<String> milestoneStatus(@PathVariable String id, @PathVariable String milestoneId, ServerWebExchange exchange,
            Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> body = new HashMap<>();
            body.put("status", Forms.text(form, "status"));
            return change(id, model, work.put(body, "/api/v1/pilots/{id}/milestones/{m}", id, milestoneId));
        });
    }

    @PostMapping("/pilots/{id}/outcomes")
    Mono<String> addOutcome(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> body = new HashMap<>();
            body.put("measure", Forms.text(form, "measure"));
            body.put("unit", Forms.text(form, "unit"));
            body.put("baseline", decimal(Forms.text(form, "baseline")));
            body.put("target", decimal(Forms.text(form, "target")));
            return change(id, model, work.post(body, "/api/v1/pilots/{id}/outcomes", id));
        });
    }

    @PostMapping("/pilots/{id}/outcomes/{outcomeId}")
    Mono<String> recordActual(@PathVariable String id, @PathVariable String outcomeId, ServerWebExchange exchange,
            Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> body = new HashMap<>();
            body.put("actual", decimal(Forms.text(form, "actual")));
            return change(id, model, work.put(body, "/api/v1/pilots/{id}/outcomes/{o}", id, outcomeId));
        });
    }

    @PostMapping("/pilots/{id}/complete")
    Mono<String> complete(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> change(id, model,
                work.post(Map.of("finalReport", String.valueOf(Forms.text(form, "finalReport") == null ? ""
                        : Forms.text(form, "finalReport"))), "/api/v1/pilots/{id}/complete", id)));
    }

    private Mono<String> change(String id, Model model, Mono<Map<String, Object>> call) {
        return call.thenReturn("redirect:/pilots/" + id).onErrorResume(e -> Forms.refused(e, model, pilot(id, model)));
    }

    /** Numbers as typed ("14", "6.5"); anything else goes as text so the API names the field. */
    private static Object decimal(String value) {
        if (value == null) {
            return null;
        }
        try {
            return new java.math.BigDecimal(value.replace(",", ""));
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
