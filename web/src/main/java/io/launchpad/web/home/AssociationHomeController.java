package io.launchpad.web.home;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.launchpad.web.account.Account;
import io.launchpad.web.account.Me;
import io.launchpad.web.api.ApiProblemException;
import io.launchpad.web.api.LaunchpadApi;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An association's home: what needs its attention, per association the person acts for.
 * Drafts (a failed publish leaves one), questions awaiting an answer, responses to
 * evaluate once a challenge has closed, pilot milestones due in the next fortnight or
 * overdue, board roles in draft and applications to review. Composed from the API's own
 * lists, each bounded, so no read endpoint of its own is needed.
 */
@Controller
class AssociationHomeController {

    /**
     * At most this many open or closed challenges and open roles are looked into for
     * their questions, responses, applications.
     */
    static final int LOOKED_INTO = 20;

    /** Milestones due within this many days (or overdue) need attention. */
    static final int MILESTONE_HORIZON_DAYS = 14;

    private static final Set<String> RESPONSES_TO_EVALUATE = Set.of("submitted", "shortlisted");

    private final LaunchpadApi api;

    private final Account account;

    private final Clock clock;

    AssociationHomeController(LaunchpadApi api, Account account) {
        this.api = api;
        this.account = account;
        this.clock = Clock.systemDefaultZone();
    }

    // --- what the API answers (the fields used here only) ---

    record Challenges(List<ChallengeItem> items) {

        Challenges {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    record ChallengeItem(String id, String title, @Nullable LocalDate closingDate) {
    }

    record Questions(List<Question> items) {

        Questions {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    record Question(String id, @Nullable String status) {
    }

    record Responses(List<Response> items) {

        Responses {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    record Response(String id, @Nullable String status) {
    }

    record Pilots(List<Pilot> items) {

        Pilots {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    record Pilot(String id, String title, @Nullable String status, @Nullable String associationOrganisationId,
            List<Milestone> milestones) {

        Pilot {
            milestones = milestones == null ? List.of() : List.copyOf(milestones);
        }
    }

    record Milestone(String id, String title, @Nullable LocalDate dueOn, @Nullable String status) {
    }

    record BoardRoles(List<BoardRole> items) {

        BoardRoles {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    record BoardRole(String id, String title, @Nullable String status) {
    }

    record Applications(List<Application> items) {

        Applications {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    record Application(String id, @Nullable String status) {
    }

    // --- what the page shows ---

    /** A challenge or role with how many things of one kind wait on it. */
    record Waiting(String id, String title, long count) {
    }

    record DueMilestone(String pilotId, String pilotTitle, String title, LocalDate dueOn, boolean overdue) {
    }

    record AssociationWork(String id, String name, boolean verified, List<ChallengeItem> drafts,
            List<ChallengeItem> open, List<ChallengeItem> closed, List<Waiting> questions, List<Waiting> responses,
            List<BoardRole> draftRoles, List<BoardRole> openRoles, List<Waiting> applications) {

        public boolean nothingWaiting() {
            return drafts.isEmpty() && questions.isEmpty() && responses.isEmpty() && draftRoles.isEmpty()
                    && applications.isEmpty();
        }
    }

    @GetMapping("/association")
    Mono<String> home(Model model) {
        return account.me().flatMap(me -> {
            List<Me.Membership> associations = me.memberships()
                .stream()
                .filter(m -> "association".equals(m.organisationType()))
                .toList();
            if (associations.isEmpty()) {
                return Mono.just("redirect:/onboarding/organisation");
            }
            Set<String> ids = associations.stream().map(Me.Membership::organisationId).collect(Collectors.toSet());
            return Mono.zip(Flux.fromIterable(associations).concatMap(this::workOf).collectList(), milestonesDue(ids))
                .map(found -> {
                    model.addAttribute("associations", found.getT1());
                    model.addAttribute("milestones", found.getT2());
                    return "home/association";
                });
        });
    }

    private Mono<AssociationWork> workOf(Me.Membership membership) {
        String org = membership.organisationId();
        Mono<Boolean> verified = api
            .get(uri -> uri.path("/api/v1/organisations/{id}/verification").build(org), Map.class)
            .map(state -> Boolean.TRUE.equals(state.get("verified")))
            .onErrorResume(ApiProblemException.class, e -> Mono.just(true)); // unknown:
                                                                             // no warning
                                                                             // rather
                                                                             // than a
                                                                             // wrong one
        Mono<List<ChallengeItem>> drafts = challenges(org, "draft");
        Mono<List<ChallengeItem>> open = challenges(org, "published");
        Mono<List<ChallengeItem>> closed = challenges(org, "closed");
        Mono<List<BoardRole>> roles = api
            .get(uri -> uri.path("/api/v1/board-roles")
                .queryParam("organisationId", "{org}")
                .queryParam("limit", 100)
                .build(org), BoardRoles.class)
            .map(BoardRoles::items);
        return Mono.zip(verified, drafts, open, closed, roles).flatMap(found -> {
            List<BoardRole> openRoles = found.getT5().stream().filter(r -> "open".equals(r.status())).toList();
            return Mono
                .zip(questionsAwaiting(found.getT3()), responsesToEvaluate(found.getT4()),
                        applicationsToReview(openRoles))
                .map(waiting -> new AssociationWork(org,
                        membership.organisationName() == null ? "Your association" : membership.organisationName(),
                        found.getT1(), found.getT2(), found.getT3(), found.getT4(), waiting.getT1(), waiting.getT2(),
                        found.getT5().stream().filter(r -> "draft".equals(r.status())).toList(), openRoles,
                        waiting.getT3()));
        });
    }

    private Mono<List<ChallengeItem>> challenges(String org, String status) {
        return api
            .get(uri -> uri.path("/api/v1/challenges")
                .queryParam("status", status)
                .queryParam("organisationId", "{org}")
                .queryParam("limit", 100)
                .build(org), Challenges.class)
            .map(Challenges::items);
    }

    private Mono<List<Waiting>> questionsAwaiting(List<ChallengeItem> open) {
        return Flux.fromIterable(open)
            .take(LOOKED_INTO)
            .concatMap(c -> api.get(uri -> uri.path("/api/v1/challenges/{id}/questions").build(c.id()), Questions.class)
                .map(q -> new Waiting(c.id(), c.title(),
                        q.items().stream().filter(i -> "awaiting-answer".equals(i.status())).count())))
            .filter(w -> w.count() > 0)
            .collectList();
    }

    private Mono<List<Waiting>> responsesToEvaluate(List<ChallengeItem> closed) {
        return Flux.fromIterable(closed)
            .take(LOOKED_INTO)
            .concatMap(c -> api.get(uri -> uri.path("/api/v1/challenges/{id}/responses").build(c.id()), Responses.class)
                .map(r -> new Waiting(c.id(), c.title(),
                        r.items().stream().filter(i -> RESPONSES_TO_EVALUATE.contains(i.status())).count())))
            .filter(w -> w.count() > 0)
            .collectList();
    }

    private Mono<List<Waiting>> applicationsToReview(List<BoardRole> openRoles) {
        return Flux.fromIterable(openRoles)
            .take(LOOKED_INTO)
            .concatMap(r -> api
                .get(uri -> uri.path("/api/v1/board-roles/{id}/applications").build(r.id()), Applications.class)
                .map(a -> new Waiting(r.id(), r.title(),
                        a.items().stream().filter(i -> "submitted".equals(i.status())).count())))
            .filter(w -> w.count() > 0)
            .collectList();
    }

    /**
     * Milestones of the associations' active pilots not done yet and due within the
     * horizon, soonest first.
     */
    private Mono<List<DueMilestone>> milestonesDue(Set<String> associationIds) {
        LocalDate today = LocalDate.now(clock);
        LocalDate horizon = today.plusDays(MILESTONE_HORIZON_DAYS);
        return api.get(uri -> uri.path("/api/v1/pilots").build(), Pilots.class)
            .map(pilots -> pilots.items()
                .stream()
                .filter(p -> "active".equals(p.status()) && associationIds.contains(p.associationOrganisationId()))
                .flatMap(p -> p.milestones()
                    .stream()
                    .filter(m -> !"done".equals(m.status()) && !"missed".equals(m.status()))
                    .filter(m -> m.dueOn() != null && !m.dueOn().isAfter(horizon))
                    .map(m -> new DueMilestone(p.id(), p.title(), m.title(), m.dueOn(), m.dueOn().isBefore(today))))
                .sorted(Comparator.comparing(DueMilestone::dueOn))
                .toList());
    }

}
