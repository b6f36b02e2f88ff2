package io.launchpad.web.board;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import io.launchpad.web.challenge.Taxonomies;
import io.launchpad.web.confirm.Confirmation;
import io.launchpad.web.forms.FormProblems;

import reactor.core.publisher.Mono;

/**
 * The association's side of a role: candidates matched to it and the applications, both
 * blind (no name, contact, photo or age) until the association moves an applicant to
 * interview; then the decisions, each with feedback to the candidate.
 */
@Controller
class BoardReviewController {

    private final BoardApi api;

    private final Taxonomies taxonomies;

    BoardReviewController(BoardApi api, Taxonomies taxonomies) {
        this.api = api;
        this.taxonomies = taxonomies;
    }

    @GetMapping("/board-roles/{id}/matches")
    Mono<String> matches(@PathVariable String id, Model model) {
        return Mono
            .zip(api.get("/api/v1/board-roles/{id}", id),
                    api.get(Anonymised.CandidateMatches.class, "/api/v1/board-roles/{id}/matches", id), api.framework())
            .map(all -> {
                model.addAttribute("role", all.getT1());
                model.addAttribute("matches", all.getT2().items());
                model.addAttribute("noStrongMatch", all.getT2().noStrongMatch());
                model.addAttribute("framework", all.getT3());
                model.addAttribute("regions", Regions.of(taxonomies));
                return "board-role-matches";
            });
    }

    @GetMapping("/board-roles/{id}/applications")
    Mono<String> applications(@PathVariable String id, Model model) {
        return Mono.zip(api.get("/api/v1/board-roles/{id}", id),
                api.get(ApplicationCard.Reviews.class, "/api/v1/board-roles/{id}/applications", id), api.framework())
            .map(all -> {
                List<ApplicationCard> cards = all.getT2().items().stream().map(ApplicationCard::of).toList();
                model.addAttribute("role", all.getT1());
                model.addAttribute("applications", cards);
                model.addAttribute("framework", all.getT3());
                model.addAttribute("regions", Regions.of(taxonomies));
                return "board-role-applications";
            });
    }

    @PostMapping("/board-roles/{id}/applications/{applicationId}/status")
    Mono<String> decide(@PathVariable String id, @PathVariable String applicationId, ServerWebExchange exchange,
            Model model) {
        return exchange.getFormData().flatMap(form -> {
            if ("declined".equals(FormProblems.text(form, "status")) && !Confirmation.given(form)) {
                return api.get("/api/v1/board-roles/{id}", id)
                    .map(role -> new Confirmation("Decline this application to ‘" + role.get("title") + "’?", List.of(
                            "The candidate is told their application was not successful, with your feedback if you gave any.",
                            "They cannot apply to this role again."),
                            "/board-roles/" + id + "/applications/" + applicationId + "/status", "Yes, decline it",
                            "/board-roles/" + id + "/applications", Confirmation.carried(form))
                        .show(model));
            }
            Map<String, Object> body = new HashMap<>();
            body.put("status", FormProblems.text(form, "status"));
            body.put("feedback", FormProblems.text(form, "feedback"));
            return api.post(body, "/api/v1/applications/{a}/status", applicationId)
                .thenReturn("redirect:/board-roles/" + id + "/applications")
                .onErrorResume(e -> FormProblems.refused(e, model, () -> applications(id, model)));
        });
    }

}
