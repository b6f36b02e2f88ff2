package io.launchpad.web.journey;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import io.launchpad.web.account.Me;
import io.launchpad.web.forms.FormFields;
import io.launchpad.web.forms.FormProblems;
import io.launchpad.web.confirm.Confirmation;

import reactor.core.publisher.Mono;

/**
 * The journey after a challenge is published: clarification questions, a supplier's
 * response, and the association's evaluation and award. Each page shows what the
 * signed-in person may do; the API has the last word on every rule.
 */
@Controller
class ChallengeWorkController {

    private final ChallengeWork work;

    ChallengeWorkController(ChallengeWork work) {
        this.work = work;
    }

    /**
     * The ask form's fields in its own words; a closed question window is said above the
     * form.
     */
    private static final FormFields QUESTION_FIELDS = FormFields.of("question")
        .choose("organisationId", "organisationId", "Asking for", "the organisation you are asking for")
        .enter("question", "Your question", "your question");

    // --- questions
    // -------------------------------------------------------------------------

    @GetMapping("/challenges/{id}/questions")
    Mono<String> questions(@PathVariable String id, Model model) {
        return Mono
            .zip(work.get("/api/v1/challenges/{id}", id), work.get("/api/v1/challenges/{id}/questions", id), work.me())
            .map(all -> {
                Map<String, Object> challenge = all.getT1();
                Optional<Me> me = all.getT3();
                model.addAttribute("challenge", challenge);
                model.addAttribute("questions", Forms.items(all.getT2()));
                model.addAttribute("owner", ChallengeWork.isMember(me, challenge.get("organisationId")));
                model.addAttribute("suppliers", Forms.memberships(me.orElse(null), "supplier"));
                return "questions";
            });
    }

    @PostMapping("/challenges/{id}/questions")
    Mono<String> ask(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> body = new HashMap<>();
            body.put("organisationId", Forms.text(form, "organisationId"));
            body.put("question", form.getFirst("question") == null ? "" : form.getFirst("question"));
            return work.post(body, "/api/v1/challenges/{id}/questions", id)
                .thenReturn("redirect:/challenges/" + id + "/questions")
                .onErrorResume(e -> {
                    model.addAttribute("typedQuestion", body.get("question"));
                    model.addAttribute("typedOrganisation", body.get("organisationId"));
                    return FormProblems.refused(e, model, QUESTION_FIELDS, () -> questions(id, model));
                });
        });
    }

    @PostMapping("/challenges/{id}/questions/{questionId}/answer")
    Mono<String> answer(@PathVariable String id, @PathVariable String questionId, ServerWebExchange exchange,
            Model model) {
        return exchange.getFormData().flatMap(form -> {
            String answer = form.getFirst("answer") == null ? "" : form.getFirst("answer");
            return work.post(Map.of("answer", answer), "/api/v1/challenges/{id}/questions/{q}/answer", id, questionId)
                .thenReturn("redirect:/challenges/" + id + "/questions")
                .onErrorResume(e -> {
                    model.addAttribute("typedAnswers", Map.of(questionId, answer));
                    String key = "answer-" + questionId;
                    return FormProblems.refused(e, model,
                            FormFields.of("answer").field("answer", key, key, "Answer", "Enter an answer"),
                            () -> questions(id, model));
                });
        });
    }

    // --- a supplier's response
    // -------------------------------------------------------------

    @GetMapping("/challenges/{id}/respond")
    Mono<String> respondForm(@PathVariable String id, Model model) {
        return respondPage(id, model, null);
    }

    /**
     * The response form; {@code typed} (after a refused send) is shown instead of what is
     * saved, so nothing typed is lost, with the saved draft's id and version so sending
     * again changes that draft.
     */
    private Mono<String> respondPage(String id, Model model, @Nullable Map<String, String> typed) {
        return Mono
            .zip(work.get("/api/v1/challenges/{id}", id), work.me(),
                    work.get("/api/v1/challenges/{id}/responses", id).onErrorReturn(Map.of()))
            .map(all -> {
                model.addAttribute("challenge", all.getT1());
                model.addAttribute("suppliers", Forms.memberships(all.getT2().orElse(null), "supplier"));
                List<Map<String, Object>> mine = Forms.items(all.getT3());
                Map<String, Object> response = mine.isEmpty() ? null : mine.getFirst();
                model.addAttribute("response", response);
                Map<String, String> values = new HashMap<>(typed == null ? ResponseForm.values(response) : typed);
                if (response != null) {
                    values.put("responseId", String.valueOf(response.get("id")));
                    values.put("version", String.valueOf(response.get("version")));
                }
                model.addAttribute("values", values);
                return "respond";
            });
    }

    @PostMapping("/challenges/{id}/respond")
    Mono<String> respond(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return Mono.zip(exchange.getFormData(), work.get("/api/v1/challenges/{id}", id)).flatMap(all -> {
            var form = all.getT1();
            Map<String, Object> challenge = all.getT2();
            boolean submit = "submit".equals(form.getFirst("action"));
            var fields = ResponseForm.fields(challenge);
            var local = ResponseForm.local(form, challenge, submit);
            if (!local.isEmpty()) {
                // nothing is saved: an incomplete submit is not quietly kept as a draft
                FormProblems.show(model, FormProblems.problems(fields, null, local));
                return respondPage(id, model, form.toSingleValueMap());
            }
            Map<String, Object> body = ResponseForm.body(form);
            String responseId = Forms.text(form, "responseId");
            Mono<Map<String, Object>> saved;
            if (responseId == null) {
                body.put("organisationId", Forms.text(form, "organisationId"));
                saved = work.post(body, "/api/v1/challenges/{id}/responses", id);
            }
            else {
                saved = work.putVersion(body, Forms.text(form, "version"), "/api/v1/responses/{r}", responseId);
            }
            return saved.flatMap(response -> submit
                    ? work.post(null, "/api/v1/responses/{r}/submit", response.get("id")).onErrorResume(e -> {
                        model.addAttribute("savedAsDraft", true);
                        return Mono.error(e);
                    }) : Mono.just(response))
                .thenReturn("redirect:/challenges/" + id + "/respond")
                .onErrorResume(e -> FormProblems.refused(e, model, fields,
                        () -> respondPage(id, model, form.toSingleValueMap())));
        });
    }

    @GetMapping("/responses/{id}")
    Mono<String> response(@PathVariable String id, Model model) {
        return work.get("/api/v1/responses/{id}", id)
            .flatMap(response -> work.get("/api/v1/challenges/{id}", response.get("challengeId")).map(challenge -> {
                model.addAttribute("response", response);
                model.addAttribute("challenge", challenge);
                return "response";
            }));
    }

    // --- the association's evaluation and decision
    // ----------------------------------------

    @GetMapping("/challenges/{id}/evaluate")
    Mono<String> evaluate(@PathVariable String id, Model model) {
        return Mono.zip(work.get("/api/v1/challenges/{id}", id), work.get("/api/v1/challenges/{id}/responses", id))
            .map(all -> {
                model.addAttribute("challenge", all.getT1());
                model.addAttribute("responses", Forms.items(all.getT2()));
                model.addAttribute("scores", List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
                return "evaluate";
            });
    }

    @PostMapping("/challenges/{id}/responses/{responseId}/scores")
    Mono<String> score(@PathVariable String id, @PathVariable String responseId, ServerWebExchange exchange,
            Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Integer> scores = new LinkedHashMap<>();
            form.forEach((name, values) -> {
                if (name.startsWith("score-") && !values.isEmpty() && !values.getFirst().isBlank()) {
                    scores.put(name.substring("score-".length()), Integer.valueOf(values.getFirst()));
                }
            });
            return work.put(Map.of("scores", scores), "/api/v1/responses/{r}/scores", responseId)
                .thenReturn("redirect:/challenges/" + id + "/evaluate")
                .onErrorResume(e -> {
                    // a refused save shows what was chosen, not what was saved before
                    model.addAttribute("typedScores", Map.of(responseId, scores));
                    return Forms.refused(e, model, evaluate(id, model));
                });
        });
    }

    @PostMapping("/challenges/{id}/responses/{responseId}/shortlist")
    Mono<String> shortlist(@PathVariable String id, @PathVariable String responseId, Model model) {
        return work.post(null, "/api/v1/responses/{r}/shortlist", responseId)
            .thenReturn("redirect:/challenges/" + id + "/evaluate")
            .onErrorResume(e -> Forms.refused(e, model, evaluate(id, model)));
    }

    @PostMapping("/challenges/{id}/award")
    Mono<String> award(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            String responseId = String.valueOf(Forms.text(form, "responseId"));
            if (!Confirmation.given(form)) {
                return Mono.zip(work.get("/api/v1/challenges/{id}", id), work.get("/api/v1/responses/{r}", responseId))
                    .map(found -> new Confirmation(
                            "Award ‘" + found.getT1().get("title") + "’ to " + found.getT2().get("supplierName") + "?",
                            List.of(found.getT2().get("supplierName")
                                    + " is told they won, and a pilot is set up with them.",
                                    "Every other supplier that responded is told they were not successful.",
                                    "The challenge is then closed to any other decision."),
                            "/challenges/" + id + "/award", "Yes, award it", "/challenges/" + id + "/evaluate",
                            Confirmation.carried(form))
                        .show(model))
                    .onErrorResume(e -> Forms.refused(e, model, evaluate(id, model)));
            }
            return work.post(Map.of("responseId", responseId), "/api/v1/challenges/{id}/award", id)
                .map(decision -> "redirect:/pilots/" + decision.get("pilotId"))
                .onErrorResume(e -> Forms.refused(e, model, evaluate(id, model)));
        });
    }

    @PostMapping("/challenges/{id}/no-award")
    Mono<String> noAward(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            String reason = form.getFirst("reason") == null ? "" : form.getFirst("reason");
            if (!Confirmation.given(form) && !reason.isBlank()) {
                return work.get("/api/v1/challenges/{id}", id)
                    .map(challenge -> new Confirmation("Record no award for ‘" + challenge.get("title") + "’?",
                            List.of("Every supplier that responded is told that nobody was awarded, with your reason:",
                                    "“" + reason.strip() + "”", "The challenge is then closed to any other decision."),
                            "/challenges/" + id + "/no-award", "Yes, record no award",
                            "/challenges/" + id + "/evaluate", Confirmation.carried(form))
                        .show(model));
            }
            // a blank reason goes straight to the API, which says what is missing beside
            // the field
            return work.post(Map.of("reason", reason), "/api/v1/challenges/{id}/no-award", id)
                .thenReturn("redirect:/challenges/" + id)
                .onErrorResume(e -> Forms.refused(e, model, evaluate(id, model)));
        });
    }

}
