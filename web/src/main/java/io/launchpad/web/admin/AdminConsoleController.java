package io.launchpad.web.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import io.launchpad.web.api.ApiProblemException;
import io.launchpad.web.api.LaunchpadApi;
import io.launchpad.web.confirm.Confirmation;
import io.launchpad.web.organisation.Register;

import reactor.core.publisher.Mono;

/**
 * The admin console: organisations waiting for verification (verify, or refuse with a
 * reason their members read), the search indexes' health (the consistency report, and a
 * reindex after a confirmation, with what it did), and the programme figures. The API
 * checks that the person is an admin on every call; these pages only show what it
 * answers.
 */
@Controller
class AdminConsoleController {

    /** How often the progress page reloads itself while a rebuild runs. */
    static final int REFRESH_SECONDS = 5;

    private final LaunchpadApi api;

    AdminConsoleController(LaunchpadApi api) {
        this.api = api;
    }

    record Queue(List<Waiting> items) {

        Queue {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /**
     * One organisation waiting, with the numbers it gave on public registers for the
     * admin to look up.
     */
    record Waiting(String id, String name, String type, @Nullable Instant createdAt, long members,
            @Nullable Instant refusedAt, @Nullable String refusalReason, List<Register> registers) {

        Waiting {
            registers = registers == null ? List.of() : List.copyOf(registers);
        }
    }

    /**
     * The admin's home (issue 12): how many organisations wait for verification, whether
     * the search indexes agree with the database, and the programme's headline figures,
     * each beside its page. A figure the API cannot give just now is left out rather than
     * failing the page.
     */
    @GetMapping("/admin")
    Mono<String> console(Model model) {
        Mono<Optional<Integer>> waiting = api
            .get(uri -> uri.path("/api/v1/admin/verification-queue").build(), Queue.class)
            .map(queue -> Optional.of(queue.items().size()));
        Mono<Optional<Boolean>> healthy = api.get(uri -> uri.path("/api/v1/admin/index-consistency").build(), Map.class)
            .map(report -> Optional.of(Boolean.TRUE.equals(report.get("consistent"))));
        @SuppressWarnings("rawtypes")
        Mono<Optional<Map>> programme = api.get(uri -> uri.path("/api/v1/admin/programme").build(), Map.class)
            .map(Optional::of);
        return Mono
            .zip(waiting.onErrorReturn(ApiProblemException.class, Optional.empty()),
                    healthy.onErrorReturn(ApiProblemException.class, Optional.empty()),
                    programme.onErrorReturn(ApiProblemException.class, Optional.empty()))
            .map(found -> {
                found.getT1().ifPresent(count -> model.addAttribute("waitingForVerification", count));
                found.getT2().ifPresent(consistent -> model.addAttribute("indexesConsistent", consistent));
                found.getT3().ifPresent(figures -> model.addAttribute("programme", figures));
                return "admin/console";
            });
    }

    @GetMapping("/admin/verification")
    Mono<String> queue(Model model) {
        return api.get(uri -> uri.path("/api/v1/admin/verification-queue").build(), Queue.class).map(queue -> {
            model.addAttribute("queue", queue.items());
            return "admin/verification";
        });
    }

    @PostMapping("/admin/verification/{id}/verify")
    Mono<String> verify(@PathVariable String id) {
        return api
            .send(HttpMethod.POST, uri -> uri.path("/api/v1/organisations/{id}/verification").build(id), null,
                    Map.class)
            .thenReturn("redirect:/admin/verification");
    }

    /**
     * A refusal can be undone (verify later), so it needs a reason rather than a
     * confirmation.
     */
    @PostMapping("/admin/verification/{id}/refuse")
    Mono<String> refuse(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            String reason = form.getFirst("reason") == null ? "" : form.getFirst("reason");
            return api
                .send(HttpMethod.POST, uri -> uri.path("/api/v1/organisations/{id}/verification-refusal").build(id),
                        Map.of("reason", reason), Map.class)
                .thenReturn("redirect:/admin/verification")
                .onErrorResume(ApiProblemException.class,
                        e -> !e.isRefusal() ? Mono.error(e) : queue(model).map(view -> {
                            model.addAttribute("refusing", id);
                            model.addAttribute("reason", reason);
                            model.addAttribute("reasonError",
                                    "Enter a reason of up to 500 characters, on one line: the "
                                            + "organisation's members read it.");
                            return view;
                        }));
        });
    }

    @GetMapping("/admin/indexes")
    Mono<String> indexes(Model model) {
        return api.get(uri -> uri.path("/api/v1/admin/index-consistency").build(), Map.class).map(report -> {
            model.addAttribute("report", report);
            return "admin/indexes";
        });
    }

    @PostMapping("/admin/indexes/reindex")
    Mono<String> reindex(ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap((MultiValueMap<String, String> form) -> {
            if (!Confirmation.given(form)) {
                return Mono.just(new Confirmation("Rebuild every search index now?", List.of(
                        "Every supplier profile, challenge, candidate and board role is read again and embedded: "
                                + "this takes minutes; a page shows how far it has got.",
                        "Search and matching keep answering from the current indexes until the new ones replace them.",
                        "Writes made meanwhile are replayed into the new indexes before they replace the old ones."),
                        "/admin/indexes/reindex", "Yes, rebuild them", "/admin/indexes", Map.of())
                    .show(model));
            }
            // the API answers once the rebuild has started; the progress page follows it
            HttpHeaders async = new HttpHeaders();
            async.add("Prefer", "respond-async");
            return api
                .send(HttpMethod.POST, uri -> uri.path("/api/v1/admin/reindex").build(), null, async, null, Map.class)
                .thenReturn("redirect:/admin/indexes/progress");
        });
    }

    /**
     * The rebuild's counts while it runs, reloaded every few seconds by the browser
     * ({@code Refresh} header, no script; a link turns it off, so nobody is hurried),
     * then what it did and the consistency report.
     */
    @GetMapping("/admin/indexes/progress")
    Mono<String> progress(@RequestParam(required = false) @Nullable String auto, ServerWebExchange exchange,
            Model model) {
        return api.get(uri -> uri.path("/api/v1/admin/reindex/progress").build(), Map.class).flatMap(progress -> {
            model.addAttribute("progress", progress);
            boolean running = Boolean.TRUE.equals(progress.get("running"));
            model.addAttribute("autoRefresh", running && !"off".equals(auto));
            if (running && !"off".equals(auto)) {
                exchange.getResponse().getHeaders().set("Refresh", String.valueOf(REFRESH_SECONDS));
            }
            if (running || progress.get("report") == null) {
                return Mono.just("admin/reindexing");
            }
            model.addAttribute("reindex", progress.get("report"));
            return api.get(uri -> uri.path("/api/v1/admin/index-consistency").build(), Map.class).map(report -> {
                model.addAttribute("report", report);
                return "admin/reindexed";
            });
        });
    }

}
