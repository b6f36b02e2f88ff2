package io.launchpad.web.home;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.launchpad.web.api.ApiProblemException;
import io.launchpad.web.api.LaunchpadApi;

import reactor.core.publisher.Mono;
import java.util.Collections;

/**
 * A digital leader's home: the three board roles that fit their profile best, and their
 * applications by status, those still in play first. Someone with neither a profile nor
 * an application is sent to write their profile, the first thing onboarding asks of a
 * candidate.
 */
@Controller
class CandidateHomeController {

    /** Application statuses in the order a candidate cares about them, as headings. */
    static final Map<String, String> STATUSES = statuses();

    static final int ROLES_SHOWN = 3;

    private final LaunchpadApi api;

    CandidateHomeController(LaunchpadApi api) {
        this.api = api;
    }

    record Profile(String id) {
    }

    record RoleMatches(List<RoleMatch> items) {

        RoleMatches {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    record RoleMatch(String boardRoleId, String title, int score) {
    }

    record Applications(List<Application> items) {

        Applications {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    record Application(String id, String boardRoleId, @Nullable String roleTitle, String status,
            @Nullable Instant updatedAt) {
    }

    record RolesForYou(boolean hasProfile, List<RoleMatch> roles) {
    }

    record Group(String status, String heading, List<Application> applications) {
    }

    @GetMapping("/candidate")
    Mono<String> home(Model model) {
        Mono<RolesForYou> roles = api.get(uri -> uri.path("/api/v1/candidates/me").build(), Profile.class)
            .flatMap(profile -> api
                .get(uri -> uri.path("/api/v1/candidates/{id}/matches").build(profile.id()), RoleMatches.class)
                .map(matches -> new RolesForYou(true, matches.items().stream().limit(ROLES_SHOWN).toList()))
                // matching unavailable: the profile is there, the list waits
                .onErrorResume(ApiProblemException.class,
                        e -> e.isUnavailable() ? Mono.just(new RolesForYou(true, List.of())) : Mono.error(e)))
            .onErrorResume(ApiProblemException.class,
                    e -> e.isNotFound() ? Mono.just(new RolesForYou(false, List.of())) : Mono.error(e));
        Mono<Applications> applications = api.get(uri -> uri.path("/api/v1/me/applications").build(),
                Applications.class);
        return Mono.zip(roles, applications).map(found -> {
            if (!found.getT1().hasProfile() && found.getT2().items().isEmpty()) {
                // a new digital leader starts with their profile: nothing else here works
                // without it
                return "redirect:/candidate/profile";
            }
            model.addAttribute("hasProfile", found.getT1().hasProfile());
            model.addAttribute("roles", found.getT1().roles());
            model.addAttribute("groups", STATUSES.entrySet()
                .stream()
                .map(status -> new Group(status.getKey(), status.getValue(),
                        found.getT2().items().stream().filter(a -> status.getKey().equals(a.status())).toList()))
                .filter(group -> !group.applications().isEmpty())
                .toList());
            return "home/candidate";
        });
    }

    private static Map<String, String> statuses() {
        Map<String, String> statuses = new LinkedHashMap<>();
        statuses.put("interview", "Invited to interview");
        statuses.put("shortlisted", "Shortlisted");
        statuses.put("submitted", "Sent, waiting for the association");
        statuses.put("appointed", "Appointed");
        statuses.put("declined", "Not taken forward");
        statuses.put("withdrawn", "Withdrawn by you");
        return Collections.unmodifiableMap(statuses);
    }

}
