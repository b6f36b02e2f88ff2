package io.launchpad.web.candidate;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import io.launchpad.web.api.ApiProblemException;
import io.launchpad.web.board.Anonymised;
import io.launchpad.web.board.BoardApi;
import io.launchpad.web.board.Regions;
import io.launchpad.web.challenge.Taxonomies;
import io.launchpad.web.forms.FormProblems;

import reactor.core.publisher.Mono;

/**
 * The candidate's roles matched to their profile (with reasons) and their applications
 * (status, feedback).
 */
@Controller
class CandidateWorkController {

    private final BoardApi api;

    private final Taxonomies taxonomies;

    CandidateWorkController(BoardApi api, Taxonomies taxonomies) {
        this.api = api;
        this.taxonomies = taxonomies;
    }

    @GetMapping("/candidate/matches")
    Mono<String> matches(Model model) {
        model.addAttribute("regions", Regions.of(taxonomies));
        return api.get("/api/v1/candidates/me")
            .flatMap(profile -> Mono.zip(
                    api.get(Anonymised.RoleMatches.class, "/api/v1/candidates/{id}/matches", profile.get("id")),
                    api.framework()))
            .map(found -> {
                model.addAttribute("hasProfile", true);
                model.addAttribute("matches", found.getT1().items());
                model.addAttribute("noStrongMatch", found.getT1().noStrongMatch());
                model.addAttribute("framework", found.getT2());
                return "candidate/matches";
            })
            .onErrorResume(ApiProblemException.class, e -> {
                if (!e.isNotFound()) {
                    return Mono.error(e);
                }
                model.addAttribute("hasProfile", false);
                model.addAttribute("matches", List.of());
                return Mono.just("candidate/matches");
            });
    }

    @GetMapping("/candidate/applications")
    Mono<String> applications(Model model) {
        return api.get("/api/v1/me/applications").map(page -> {
            model.addAttribute("applications", BoardApi.items(page));
            return "candidate/applications";
        });
    }

    @PostMapping("/candidate/applications/{id}/withdraw")
    Mono<String> withdraw(@PathVariable String id, Model model) {
        return api.post(Map.of("status", "withdrawn"), "/api/v1/applications/{id}/status", id)
            .thenReturn("redirect:/candidate/applications")
            .onErrorResume(e -> FormProblems.refused(e, model, () -> applications(model)));
    }

}
