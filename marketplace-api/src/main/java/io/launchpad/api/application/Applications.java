package io.launchpad.api.application;

import io.launchpad.api.audit.AuditLog;
import io.launchpad.api.board.BoardRole;
import io.launchpad.api.board.BoardRoles;
import io.launchpad.api.candidate.CandidateProfile;
import io.launchpad.api.candidate.CandidateProfileListener;
import io.launchpad.api.candidate.CandidateProfiles;
import io.launchpad.api.notification.Notifications;
import io.launchpad.api.privacy.PersonalData;
import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import io.launchpad.api.security.Caller;
import io.launchpad.api.web.ETags;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.Set;

/**
 * Applications for board roles, with blind shortlisting: the association reviews skills,
 * experience and statement, and sees who the candidate is only once it moves them to
 * interview. Every association or admin look at an application is written to the audit
 * log.
 */
@Service
class Applications implements PersonalData, CandidateProfileListener {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final ApplicationRepository repository;

    private final BoardRoles roles;

    private final CandidateProfiles candidates;

    private final AuditLog audit;

    private final Notifications notifications;

    Applications(ApplicationRepository repository, BoardRoles roles, CandidateProfiles candidates, AuditLog audit,
            Notifications notifications) {
        this.repository = repository;
        this.roles = roles;
        this.candidates = candidates;
        this.audit = audit;
        this.notifications = notifications;
    }

    @Transactional
    Mono<BoardApplication> apply(Caller caller, UUID roleId, String statement) {
        if (!caller.has(Caller.Role.CANDIDATE)) {
            return Mono.error(ApiProblem.forbidden("Only candidates apply for board roles"));
        }
        return roles.read(caller, roleId).flatMap(role -> {
            if (!role.takesApplications(LocalDate.now(UK))) {
                return Mono.error(ApiProblem.field(ProblemType.UNPROCESSABLE, "boardRoleId", "open",
                        "this role is not taking applications"));
            }
            return candidates.bySubject(caller.subject())
                .switchIfEmpty(Mono.error(() -> ApiProblem.field(ProblemType.UNPROCESSABLE, "candidate",
                        "profile-required", "create your candidate profile before applying")))
                .flatMap(candidate -> repository.insert(roleId, candidate.id(), statement.strip())
                    .switchIfEmpty(Mono.error(() -> ApiProblem.conflict("You have already applied for this role")))
                    .flatMap(application -> candidates.touch(caller.subject())
                        .then(audit.record(caller, AuditLog.Action.APPLIED, candidate.id(), candidate.subject(),
                                "/api/v1/applications/" + application.id()))
                        .thenReturn(application)));
        });
    }

    /** The role's applications as its association sees them: blind until interview. */
    Flux<ApplicationViews.Review> forRole(Caller caller, UUID roleId) {
        return roles.owned(caller, roleId)
            .flatMapMany(role -> audit.labelOf(caller, null)
                .flatMapMany(label -> repository.forRole(roleId)
                    .concatMap(application -> candidates.byId(application.candidateId())
                        .flatMap(candidate -> audit
                            .record(caller, label, AuditLog.Action.VIEWED, candidate.id(), candidate.subject(),
                                    "/api/v1/applications/" + application.id())
                            .thenReturn(review(caller, application, candidate))))));
    }

    /** One application: its candidate's own view, the association's review, or 404. */
    @Transactional
    Mono<Object> read(Caller caller, UUID id) {
        return repository.find(id)
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Application " + id)))
            .flatMap(application -> candidates.byId(application.candidateId()).flatMap(candidate -> {
                if (candidate.isOwnedBy(caller.subject())) {
                    return roles.byId(application.boardRoleId())
                        .map(role -> (Object) ApplicationViews.OwnView.of(application, role.title()));
                }
                return reviewer(caller, application)
                    .flatMap(role -> audit
                        .record(caller, AuditLog.Action.VIEWED, candidate.id(), candidate.subject(),
                                "/api/v1/applications/" + id)
                        .thenReturn((Object) review(caller, application, candidate)));
            }));
    }

    @Transactional
    Mono<Object> decide(Caller caller, UUID id, @Nullable Long expectedVersion, String statusCode,
            @Nullable String feedback) {
        BoardApplication.Status to = BoardApplication.Status.fromCode(statusCode);
        if (to == null || to == BoardApplication.Status.SUBMITTED) {
            return Mono.error(ApiProblem.invalid("status", "one-of",
                    "must be shortlisted, interview, appointed, declined or withdrawn"));
        }
        return repository.find(id)
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Application " + id)))
            .flatMap(application -> candidates.byId(application.candidateId()).flatMap(candidate -> {
                if (to == BoardApplication.Status.WITHDRAWN) {
                    return withdraw(caller, application, candidate, expectedVersion);
                }
                if (candidate.isOwnedBy(caller.subject())) {
                    return Mono.error(ApiProblem.forbidden("Only the association decides; you may withdraw"));
                }
                return reviewer(caller, application).flatMap(role -> {
                    ETags.check(application.version(), expectedVersion);
                    if (!application.status().next().contains(to)) {
                        return Mono.error(ApiProblem.field(ProblemType.UNPROCESSABLE, "status", "transition",
                                "an application that is " + application.status().code() + " cannot become "
                                        + to.code()));
                    }
                    return repository.changeStatus(id, application.version(), to, feedback)
                        .switchIfEmpty(Mono.error(Applications::changedMeanwhile))
                        .flatMap(changed -> audit
                            .record(caller, AuditLog.Action.DECIDED, candidate.id(), candidate.subject(),
                                    "/api/v1/applications/" + id + " -> " + to.code())
                            // in the same transaction: a decision rolled back tells the
                            // candidate nothing
                            .then(notifications.record(
                                    Notifications.Event.applicationDecided(id, role.title(), to.code(), inWords(to))))
                            .thenReturn((Object) review(caller, changed, candidate)));
                });
            }));
    }

    /**
     * A decision as the candidate's email and notification say it (the web's words for
     * the same statuses).
     */
    static String inWords(BoardApplication.Status status) {
        return switch (status) {
            case SUBMITTED -> "sent";
            case SHORTLISTED -> "shortlisted";
            case INTERVIEW -> "invited to interview";
            case APPOINTED -> "appointed";
            case DECLINED -> "not taken forward";
            case WITHDRAWN -> "withdrawn";
        };
    }

    Flux<ApplicationViews.OwnView> mine(Caller caller) {
        return candidates.bySubject(caller.subject())
            .flatMapMany(candidate -> repository.forCandidate(candidate.id()))
            .concatMap(application -> roles.byId(application.boardRoleId())
                .map(role -> ApplicationViews.OwnView.of(application, role.title())));
    }

    private Mono<Object> withdraw(Caller caller, BoardApplication application, CandidateProfile candidate,
            @Nullable Long expectedVersion) {
        if (!candidate.isOwnedBy(caller.subject())) {
            return reviewer(caller, application)
                .then(Mono.error(ApiProblem.forbidden("Only the candidate withdraws an application")));
        }
        ETags.check(application.version(), expectedVersion);
        if (application.status().isFinal()) {
            return Mono.error(ApiProblem.field(ProblemType.UNPROCESSABLE, "status", "transition",
                    "an application that is " + application.status().code() + " cannot be withdrawn"));
        }
        return repository.changeStatus(application.id(), application.version(), BoardApplication.Status.WITHDRAWN, null)
            .switchIfEmpty(Mono.error(Applications::changedMeanwhile))
            .flatMap(changed -> roles.byId(changed.boardRoleId())
                .map(role -> (Object) ApplicationViews.OwnView.of(changed, role.title())));
    }

    /**
     * The role, when the caller acts for its association or is an admin; 404 otherwise
     * (no hint it exists).
     */
    private Mono<BoardRole> reviewer(Caller caller, BoardApplication application) {
        return roles.byId(application.boardRoleId())
            .filterWhen(role -> roles.mayEdit(caller, role))
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Application " + application.id())));
    }

    /**
     * Admins see identity (they run the programme); associations only once they moved to
     * interview.
     */
    private static ApplicationViews.Review review(Caller caller, BoardApplication application,
            CandidateProfile candidate) {
        return ApplicationViews.Review.of(application, candidate, application.identityRevealed() || caller.isAdmin());
    }

    @Override
    public Mono<Long> profileDeleting(UUID candidateId) {
        return repository.anonymiseForCandidate(candidateId);
    }

    @Override
    public String section() {
        return "applications";
    }

    @Override
    public Set<String> tables() {
        return Set.of("board_application");
    }

    @Override
    public int erasureOrder() {
        return 10;
    }

    @Override
    public Mono<Object> export(String subject) {
        return candidates.bySubject(subject)
            .flatMapMany(candidate -> repository.forCandidate(candidate.id()))
            .concatMap(application -> roles.byId(application.boardRoleId())
                .map(role -> ApplicationViews.OwnView.of(application, role.title())))
            .collectList()
            .map(list -> list);
    }

    /**
     * Applications go with the candidate profile ({@link #profileDeleting}), counted
     * there.
     */
    @Override
    public Mono<Erased> erase(String subject) {
        return Mono.just(Erased.NOTHING);
    }

    private static ApiProblem changedMeanwhile() {
        return ApiProblem.field(ProblemType.PRECONDITION_FAILED, "If-Match", "current-version",
                "the application was changed while you were saving; fetch it again");
    }

}
