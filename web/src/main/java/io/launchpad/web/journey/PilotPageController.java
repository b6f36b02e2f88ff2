package io.launchpad.web.journey;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import io.launchpad.web.forms.FormFields;
import io.launchpad.web.forms.FormProblems;

import reactor.core.publisher.Mono;
import java.math.BigDecimal;

/**
 * Pilots: milestones and their statuses, outcome measures and their actuals, and the
 * final report.
 */
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
        return Mono.zip(work.get("/api/v1/pilots/{id}", id), work.me()).map(both -> {
            Map<String, Object> pilot = both.getT1();
            boolean association = ChallengeWork.isMember(both.getT2(), pilot.get("associationOrganisationId"));
            model.addAttribute("pilot", pilot);
            model.addAttribute("statuses", MILESTONE_STATUSES);
            // what the person may add: lessons (either party; the verdict is the
            // association's), residents' feedback
            model.addAttribute("association", association);
            model.addAttribute("party",
                    association || ChallengeWork.isMember(both.getT2(), pilot.get("supplierOrganisationId")));
            return "pilot";
        });
    }

    /** The lesson form's fields in its own words. */
    private static final FormFields LESSON_FIELDS = FormFields.of("lesson")
        .enter("lesson", "What you learned", "what you learned")
        .choose("verdict", "verdict", "Would you do it again", "whether you would do it again");

    /** The residents' feedback form's fields in its own words. */
    private static final FormFields FEEDBACK_FIELDS = FormFields.of("feedback")
        .choose("kind", "kind-quote", "What residents gave", "whether this is a quote or a survey result")
        .enter("text", "What residents said", "what residents said, or the survey statement")
        .enter("respondents", "Residents who answered", "how many residents answered")
        .enter("agreePercent", "Share who agreed", "the share of residents who agreed, from 0 to 100")
        .choose("residentsConsented", "residentsConsented", "Residents' consent", "that residents agreed to share this")
        .message("residentsConsented", "must-be-true", "Confirm that the residents agreed to share this")
        .message("respondents", "required-for-survey", "Enter how many residents answered the survey")
        .message("agreePercent", "required-for-survey", "Enter the share of residents who agreed, from 0 to 100");

    @PostMapping("/pilots/{id}/lessons")
    Mono<String> addLesson(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> body = new HashMap<>();
            body.put("lesson", Forms.text(form, "lesson") == null ? "" : Forms.text(form, "lesson"));
            body.put("verdict", Forms.text(form, "verdict"));
            return work.post(body, "/api/v1/pilots/{id}/lessons", id)
                .thenReturn("redirect:/pilots/" + id + "#lessons-heading")
                .onErrorResume(e -> {
                    model.addAttribute("typedLesson", body);
                    return FormProblems.refused(e, model, LESSON_FIELDS, () -> pilot(id, model));
                });
        });
    }

    @PostMapping("/pilots/{id}/resident-feedback")
    Mono<String> addResidentFeedback(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> typed = new HashMap<>();
            typed.put("kind", Forms.text(form, "kind"));
            typed.put("text", Forms.text(form, "text") == null ? "" : Forms.text(form, "text"));
            typed.put("respondents", Forms.text(form, "respondents"));
            typed.put("agreePercent", Forms.text(form, "agreePercent"));
            typed.put("residentsConsented", "yes".equals(Forms.text(form, "residentsConsented")));
            Map<String, Object> body = new HashMap<>(typed);
            body.put("respondents", decimal(Forms.text(form, "respondents")));
            body.put("agreePercent", decimal(Forms.text(form, "agreePercent")));
            return work.post(body, "/api/v1/pilots/{id}/resident-feedback", id)
                .thenReturn("redirect:/pilots/" + id + "#residents-heading")
                .onErrorResume(e -> {
                    model.addAttribute("typedFeedback", typed);
                    return FormProblems.refused(e, model, FEEDBACK_FIELDS, () -> pilot(id, model));
                });
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
        return exchange.getFormData()
            .flatMap(
                    form -> change(id, model,
                            work.post(
                                    Map.of("finalReport",
                                            String.valueOf(Forms.text(form, "finalReport") == null ? ""
                                                    : Forms.text(form, "finalReport"))),
                                    "/api/v1/pilots/{id}/complete", id)));
    }

    private Mono<String> change(String id, Model model, Mono<Map<String, Object>> call) {
        return call.thenReturn("redirect:/pilots/" + id).onErrorResume(e -> Forms.refused(e, model, pilot(id, model)));
    }

    /**
     * Numbers as typed ("14", "6.5"); anything else goes as text so the API names the
     * field.
     */
    private static @Nullable Object decimal(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.replace(",", ""));
        }
        catch (NumberFormatException e) {
            return value;
        }
    }

}
