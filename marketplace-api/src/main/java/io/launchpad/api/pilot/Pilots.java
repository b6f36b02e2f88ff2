package io.launchpad.api.pilot;

import io.launchpad.api.organisation.Membership;
import io.launchpad.api.organisation.Organisations;
import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import io.launchpad.api.security.Caller;
import io.launchpad.api.supplier.SupplierProfiles;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import io.launchpad.api.notification.Notifications;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import io.launchpad.api.web.Cursor;
import io.launchpad.api.web.Page;
import java.util.Collection;
import java.util.Map;

/**
 * Pilots: created by an award, run by the association and the supplier together
 * (milestones, outcome measures), completed by the association with a final report. A
 * completed pilot is public: it is evidence on the supplier's profile and feeds the
 * supplier's matching.
 */
@Service
public class Pilots {

    private final PilotRepository repository;

    private final Organisations organisations;

    private final SupplierProfiles suppliers;

    private final Notifications notifications;

    Pilots(PilotRepository repository, Organisations organisations, SupplierProfiles suppliers,
            Notifications notifications) {
        this.repository = repository;
        this.notifications = notifications;
        this.organisations = organisations;
        this.suppliers = suppliers;
    }

    /**
     * Called inside the award's transaction: the pilot exists exactly when the award
     * does.
     */
    public Mono<UUID> createForAward(UUID challengeId, UUID responseId, UUID associationOrganisationId,
            UUID supplierOrganisationId, String title) {
        return repository.insert(challengeId, responseId, associationOrganisationId, supplierOrganisationId, title);
    }

    /**
     * What anyone may know of these challenges' pilots, keyed by challenge: that a pilot
     * exists (the award is public) and, once completed, its milestones, outcome measures
     * and final report.
     */
    public Mono<Map<UUID, Pilot>> publicByChallenge(Collection<UUID> challengeIds) {
        return challengeIds.isEmpty() ? Mono.just(Map.of())
                : repository.forChallengesPublicly(challengeIds).collectMap(Pilot::challengeId);
    }

    Mono<Pilot> read(Caller caller, UUID id) {
        return repository.find(id)
            .filterWhen(pilot -> pilot.isCompleted() ? Mono.just(true) : isParty(caller, pilot))
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Pilot " + id)));
    }

    Mono<List<Pilot>> mine(Caller caller) {
        return organisations.membershipsOf(caller)
            .map(Membership::organisationId)
            .collectList()
            .flatMap(orgs -> orgs.isEmpty() ? Mono.just(List.<Pilot>of())
                    : repository.forOrganisations(orgs).collectList());
    }

    Mono<List<Pilot>> latestCompleted(int limit) {
        return repository.latestCompleted(limit).collectList();
    }

    Mono<List<Pilot>> completedFor(Caller caller, UUID supplierProfileId) {
        return suppliers.read(caller, supplierProfileId)
            .flatMap(profile -> repository.completedForSupplier(profile.organisationId()).collectList());
    }

    @Transactional
    Mono<Pilot> addMilestone(Caller caller, UUID id, PilotController.NewMilestone milestone) {
        return active(caller, id, false)
            .flatMap(pilot -> repository.addMilestone(id, milestone.title().strip(), milestone.dueOn()))
            .then(repository.touch(id))
            .then(repository.find(id));
    }

    @Transactional
    Mono<Pilot> updateMilestone(Caller caller, UUID id, UUID milestoneId, PilotController.MilestoneChange change) {
        return active(caller, id, false)
            .flatMap(pilot -> repository.updateMilestone(id, milestoneId, change.status(), change.dueOn())
                .flatMap(rows -> rows == 1 ? repository.touch(id)
                        : Mono.error(ApiProblem.notFound("Milestone " + milestoneId)))
                .then(repository.find(id))
                .flatMap(updated -> notifications
                    .record(Notifications.Event.milestoneUpdated(pilot.challengeId(), milestoneId,
                            updated.milestones()
                                .stream()
                                .filter(m -> m.id().equals(milestoneId))
                                .findFirst()
                                .map(Pilot.Milestone::status)
                                .orElse("changed")))
                    .thenReturn(updated)));
    }

    @Transactional
    Mono<Pilot> addOutcome(Caller caller, UUID id, PilotController.NewOutcome outcome) {
        return active(caller, id, false)
            .flatMap(pilot -> repository.addOutcome(id, outcome.measure().strip(), outcome.unit().strip(),
                    outcome.baseline(), outcome.target()))
            .then(repository.touch(id))
            .then(repository.find(id));
    }

    @Transactional
    Mono<Pilot> recordActual(Caller caller, UUID id, UUID outcomeId, PilotController.Actual actual) {
        return active(caller, id, false).flatMap(pilot -> repository.recordActual(id, outcomeId, actual.actual()))
            .flatMap(rows -> rows == 1 ? repository.touch(id) : Mono.error(ApiProblem.notFound("Outcome " + outcomeId)))
            .then(repository.find(id));
    }

    /**
     * A party says what it learned, during the pilot or after it; only the association
     * says whether it would do it again.
     */
    @Transactional
    Mono<Pilot> addLesson(Caller caller, UUID id, PilotController.NewLesson lesson) {
        return read(caller, id).flatMap(
                pilot -> isMember(caller, pilot.associationOrganisationId())
                    .flatMap(association -> association ? Mono.just("association")
                            : isMember(caller, pilot.supplierOrganisationId())
                                .map(supplier -> supplier ? "supplier" : ""))
                    .flatMap(party -> {
                        if (party.isEmpty()) {
                            return Mono
                                .error(ApiProblem.forbidden("Only the association and the supplier record lessons"));
                        }
                        if (lesson.verdict() != null && !party.equals("association")) {
                            return Mono.error(ApiProblem.field(ProblemType.UNPROCESSABLE, "verdict", "association-only",
                                    "only the association says whether it would do this again"));
                        }
                        UUID organisation = party.equals("association") ? pilot.associationOrganisationId()
                                : pilot.supplierOrganisationId();
                        return repository.addLesson(id, organisation, party, lesson.lesson().strip(), lesson.verdict())
                            .then(repository.touch(id))
                            .then(repository.find(id));
                    }));
    }

    /** Residents' own feedback, entered by the association with their consent. */
    @Transactional
    Mono<Pilot> addResidentFeedback(Caller caller, UUID id, PilotController.NewResidentFeedback feedback) {
        if (feedback.kind().equals("survey") && (feedback.respondents() == null || feedback.agreePercent() == null)) {
            return Mono.error(ApiProblem.field(ProblemType.VALIDATION_FAILED,
                    feedback.respondents() == null ? "respondents" : "agreePercent", "required-for-survey",
                    "a survey result needs how many residents answered and the share who agreed"));
        }
        return read(caller, id)
            .flatMap(pilot -> isMember(caller, pilot.associationOrganisationId()).flatMap(allowed -> allowed
                    ? repository
                        .addResidentFeedback(id, feedback.kind(), feedback.text().strip(),
                                feedback.kind().equals("survey") ? feedback.respondents() : null,
                                feedback.kind().equals("survey") ? feedback.agreePercent() : null)
                        .then(repository.touch(id))
                        .then(repository.find(id))
                    : Mono.error(ApiProblem.forbidden("Only the association records residents' feedback"))));
    }

    /** The library: completed pilots, searchable, newest first. Public. */
    Mono<Page<PilotRepository.LibraryEntry>> library(PilotLibraryFilter filter, int limit) {
        return repository.library(filter, limit + 1).collectList().map(found -> {
            List<PilotRepository.LibraryEntry> page = found.size() > limit ? found.subList(0, limit) : found;
            String next = found.size() > limit ? new Cursor(Objects.requireNonNull(page.getLast().pilot().completedAt(),
                    "the library lists completed pilots only"), page.getLast().pilot().id())
                .encode() : null;
            return new Page<>(page, next);
        });
    }

    /**
     * One case of the library: the completed pilot with its problem and approach; 404 for
     * anything else.
     */
    Mono<PilotController.PilotCase> libraryCase(UUID id) {
        return repository.caseContext(id)
            .zipWith(repository.find(id))
            .map(both -> PilotController.PilotCase.of(both.getT2(), both.getT1()))
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Pilot case " + id)));
    }

    /**
     * Completion needs every outcome measured; the pilot's outcome says how many targets
     * were met.
     */
    @Transactional
    Mono<Pilot> complete(Caller caller, UUID id, String finalReport) {
        return active(caller, id, true).flatMap(pilot -> {
            if (pilot.outcomes().isEmpty()) {
                return Mono.error(ApiProblem.field(ProblemType.UNPROCESSABLE, "outcomes", "at-least-one",
                        "record at least one outcome measure before completing the pilot"));
            }
            if (pilot.outcomes().stream().anyMatch(o -> o.actual() == null)) {
                return Mono.error(ApiProblem.field(ProblemType.UNPROCESSABLE, "outcomes", "actual-recorded",
                        "record the actual value of every outcome measure before completing the pilot"));
            }
            long met = pilot.outcomes().stream().filter(Pilot.Outcome::met).count();
            String outcome = met == pilot.outcomes().size() ? "met" : met == 0 ? "not-met" : "partly-met";
            return repository.complete(id, finalReport.strip(), outcome).then(repository.find(id));
        });
    }

    private Mono<Pilot> active(Caller caller, UUID id, boolean associationOnly) {
        return read(caller, id).flatMap(pilot -> (associationOnly ? isMember(caller, pilot.associationOrganisationId())
                : isParty(caller, pilot))
            .flatMap(allowed -> {
                if (!allowed) {
                    return Mono.error(ApiProblem.forbidden(associationOnly ? "Only the association completes a pilot"
                            : "Only the association and the supplier change a pilot"));
                }
                if (pilot.isCompleted()) {
                    return Mono.error(ApiProblem.field(ProblemType.CONFLICT, "status", "active",
                            "the pilot is completed; its record is final"));
                }
                return Mono.just(pilot);
            }));
    }

    private Mono<Boolean> isParty(Caller caller, Pilot pilot) {
        return isMember(caller, pilot.associationOrganisationId())
            .flatMap(yes -> yes ? Mono.just(true) : isMember(caller, pilot.supplierOrganisationId()));
    }

    private Mono<Boolean> isMember(Caller caller, UUID organisationId) {
        return organisations.find(organisationId).flatMap(org -> organisations.mayActFor(caller, org));
    }

}
