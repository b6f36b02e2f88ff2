package io.launchpad.web.candidate;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import io.launchpad.web.account.Account;
import io.launchpad.web.api.ApiProblemException;
import io.launchpad.web.board.BoardApi;
import io.launchpad.web.board.Regions;
import io.launchpad.web.challenge.Taxonomies;
import io.launchpad.web.forms.FormProblems;

import reactor.core.publisher.Mono;

/**
 * A candidate writes their profile: who they are (shown only to them, admins, and an
 * association that invites them to interview), their skills in the capability framework's
 * levels, experience, governance and optional lived experience, availability, place, and
 * who may see it.
 */
@Controller
class CandidateProfileController {

    private final BoardApi api;

    private final Account account;

    private final Taxonomies taxonomies;

    CandidateProfileController(BoardApi api, Account account, Taxonomies taxonomies) {
        this.api = api;
        this.account = account;
        this.taxonomies = taxonomies;
    }

    @GetMapping("/candidate/profile")
    Mono<String> profile(@RequestParam(required = false) @Nullable String saved, Model model) {
        model.addAttribute("saved", saved != null);
        return api.get("/api/v1/candidates/me")
            .map(CandidateProfileForm::values)
            .onErrorResume(ApiProblemException.class, e -> e.isNotFound() ? newProfile() : Mono.error(e))
            .flatMap(values -> show(model, values));
    }

    @PostMapping("/candidate/profile")
    Mono<String> save(ServerWebExchange exchange, Model model) {
        return Mono.zip(exchange.getFormData(), api.framework()).flatMap(all -> {
            MultiValueMap<String, String> form = all.getT1();
            Map<String, Object> body = CandidateProfileForm.body(form, all.getT2());
            String id = FormProblems.text(form, "id");
            Mono<Map<String, Object>> saved = id == null ? api.post(body, "/api/v1/candidates")
                    : api.put(body, FormProblems.text(form, "version"), "/api/v1/candidates/{id}", id);
            return saved.thenReturn("redirect:/candidate/profile?saved=true")
                .onErrorResume(e -> FormProblems.refused(e, model, CandidateProfileForm.fields(form, all.getT2()),
                        FormProblems.notWholeNumbers(form, CandidateProfileForm.numbers(form)), () -> {
                            model.addAttribute("saved", false);
                            Map<String, String> typed = new HashMap<>(form.toSingleValueMap());
                            if (id == null || !FormProblems.isConflict(e)) {
                                return show(model, typed);
                            }
                            // what was typed stays, with the current version, so saving
                            // again is possible
                            return api.get("/api/v1/candidates/me").flatMap(current -> {
                                typed.put("version", String.valueOf(current.get("version")));
                                return show(model, typed);
                            });
                        }));
        });
    }

    /** A first profile starts from the name and email the person signed in with. */
    private Mono<Map<String, String>> newProfile() {
        return account.me().map(me -> {
            Map<String, String> values = new HashMap<>();
            if (me.name() != null) {
                values.put("name", me.name());
            }
            if (me.email() != null) {
                values.put("email", me.email());
            }
            // privacy by default (issue 12): nobody sees or matches a new profile until
            // its owner says so
            values.put("visibility", "private");
            return values;
        });
    }

    private Mono<String> show(Model model, Map<String, String> values) {
        return api.framework().map(framework -> {
            model.addAttribute("values", values);
            model.addAttribute("framework", framework);
            model.addAttribute("regions", Regions.of(taxonomies));
            model.addAttribute("experienceRows", CandidateProfileForm.experienceRows(values));
            model.addAttribute("availabilityOptions", CandidateProfileForm.AVAILABILITY);
            model.addAttribute("visibilityOptions", CandidateProfileForm.VISIBILITY);
            return "candidate/profile";
        });
    }

}
