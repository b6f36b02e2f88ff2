package io.launchpad.api.board;

import io.launchpad.api.candidate.SkillsFramework;
import io.launchpad.api.organisation.Organisation;
import io.launchpad.api.organisation.OrganisationType;
import io.launchpad.api.organisation.Organisations;
import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import io.launchpad.api.security.Caller;
import io.launchpad.api.web.Cursor;
import io.launchpad.api.web.ETags;
import io.launchpad.api.web.Page;
import io.launchpad.matching.BoardOutbox;
import io.launchpad.matching.BoardRoleForMatching;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Board roles. An association's members write them; any signed-in person reads the open
 * and closed ones; drafts are visible only to their association (404 to anyone else).
 */
@Service
public class BoardRoles {

    private final BoardRoleRepository repository;

    private final Organisations organisations;

    private final SkillsFramework framework;

    private final BoardOutbox outbox;

    BoardRoles(BoardRoleRepository repository, Organisations organisations, SkillsFramework framework,
            BoardOutbox outbox) {
        this.repository = repository;
        this.organisations = organisations;
        this.framework = framework;
        this.outbox = outbox;
    }

    @Transactional
    public Mono<BoardRole> create(Caller caller, BoardRoleFields request) {
        UUID organisationId = request.organisationId();
        if (organisationId == null) {
            return Mono.error(ApiProblem.invalid("organisationId", "required", "must name the association"));
        }
        BoardRoleFields fields = checked(request);
        return organisations.requireActingFor(caller, organisationId, OrganisationType.ASSOCIATION, "organisationId")
            .flatMap(organisation -> repository.insert(organisation.id(), fields))
            .flatMap(this::announce);
    }

    public Mono<BoardRole> read(Caller caller, UUID id) {
        return repository.find(id)
            .filterWhen(role -> role.isVisibleToAll() ? Mono.just(true) : mayEdit(caller, role))
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Board role " + id)));
    }

    /**
     * The role when the caller acts for its association (or is an admin): 404 / 403
     * otherwise.
     */
    public Mono<BoardRole> owned(Caller caller, UUID id) {
        return repository.find(id)
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Board role " + id)))
            .flatMap(role -> mayEdit(caller, role).flatMap(allowed -> {
                if (allowed) {
                    return Mono.just(role);
                }
                return role.isVisibleToAll()
                        ? Mono.error(ApiProblem.forbidden("Only the association's members manage this role"))
                        : Mono.error(ApiProblem.notFound("Board role " + id));
            }));
    }

    @Transactional
    public Mono<BoardRole> update(Caller caller, UUID id, long expectedVersion, BoardRoleFields request) {
        BoardRoleFields fields = checked(request);
        return owned(caller, id).flatMap(role -> {
            ETags.check(role.version(), expectedVersion);
            if (fields.organisationId() != null && !fields.organisationId().equals(role.organisationId())) {
                return Mono.error(ApiProblem.invalid("organisationId", "immutable",
                        "cannot move a role to another organisation"));
            }
            if (role.status() == BoardRole.Status.CLOSED) {
                return Mono.error(ApiProblem.field(ProblemType.UNPROCESSABLE, "status", "not-closed",
                        "a closed role is not edited"));
            }
            return repository.update(id, expectedVersion, fields)
                .switchIfEmpty(Mono.error(BoardRoles::changedMeanwhile))
                .flatMap(this::announce);
        });
    }

    @Transactional
    public Mono<BoardRole> publish(Caller caller, UUID id, @Nullable Long expectedVersion) {
        return transition(caller, id, expectedVersion, BoardRole.Status.DRAFT, BoardRole.Status.OPEN);
    }

    @Transactional
    public Mono<BoardRole> close(Caller caller, UUID id, @Nullable Long expectedVersion) {
        return transition(caller, id, expectedVersion, BoardRole.Status.OPEN, BoardRole.Status.CLOSED);
    }

    public Mono<Page<BoardRole>> list(Caller caller, @Nullable UUID organisationId, @Nullable Cursor after, int limit) {
        Mono<Boolean> member = organisationId == null ? Mono.just(false)
                : organisations.find(organisationId).flatMap(org -> organisations.mayActFor(caller, org));
        return member.flatMap(drafts -> repository.list(organisationId, drafts, after, limit + 1).collectList())
            .map(rows -> {
                boolean more = rows.size() > limit;
                var items = more ? rows.subList(0, limit) : rows;
                String next = more ? new Cursor(items.getLast().createdAt(), items.getLast().id()).encode() : null;
                return new Page<>(items, next);
            });
    }

    /**
     * For features checking their own rules (applications): the role whatever its status.
     */
    public Mono<BoardRole> byId(UUID id) {
        return repository.find(id);
    }

    /** As {@link #byId}, for a list at once: the roles that exist, keyed by id. */
    Mono<Map<UUID, BoardRole>> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? Mono.just(Map.of()) : repository.findAll(ids).collectMap(BoardRole::id);
    }

    public Mono<Boolean> mayEdit(Caller caller, BoardRole role) {
        return organisations.find(role.organisationId())
            .flatMap((Organisation organisation) -> organisations.mayActFor(caller, organisation));
    }

    public Mono<String> organisationName(BoardRole role) {
        return organisations.find(role.organisationId()).map(Organisation::name);
    }

    /**
     * Sets or clears the moderation mark and tells the index; empty when there is no such
     * role.
     */
    @Transactional
    public Mono<BoardRole> setHidden(UUID id, @Nullable String reason) {
        return repository.setHidden(id, reason).flatMap(this::announce);
    }

    /**
     * Every role as the board-roles index holds it, streamed (a full reindex, the index
     * consistency check).
     */
    public Flux<BoardRoleForMatching> matchingDocuments() {
        return repository.all().map(role -> role.forMatching(framework));
    }

    /**
     * In the same transaction as the write: the index follows through the outbox, never
     * ahead of a rollback.
     */
    private Mono<BoardRole> announce(BoardRole role) {
        return outbox.boardRoleChanged(role.forMatching(framework)).thenReturn(role);
    }

    private Mono<BoardRole> transition(Caller caller, UUID id, @Nullable Long expectedVersion, BoardRole.Status from,
            BoardRole.Status to) {
        return owned(caller, id).flatMap(role -> {
            ETags.check(role.version(), expectedVersion);
            if (role.status() == to) {
                return Mono.just(role);
            }
            if (role.status() != from) {
                return Mono.error(ApiProblem.field(ProblemType.UNPROCESSABLE, "status", "transition",
                        "a " + role.status().name().toLowerCase() + " role cannot become " + to.name().toLowerCase()));
            }
            Mono<?> allowed = to == BoardRole.Status.OPEN
                    ? organisations.requireVerifiedToPublish(role.organisationId()) : Mono.empty();
            return allowed.then(repository.changeStatus(id, role.version(), to))
                .switchIfEmpty(Mono.error(BoardRoles::changedMeanwhile))
                .flatMap(this::announce);
        });
    }

    private BoardRoleFields checked(BoardRoleFields request) {
        framework.check("skillsMatrix", request.skillsMatrix());
        framework.check("skillGaps", request.skillGaps() == null ? List.of() : request.skillGaps());
        if (request.attendance() == null && request.remote() == null) {
            throw ApiProblem.invalid("attendance", "required", "must be in-person, hybrid or remote");
        }
        BoardRoleFields fields = request.normalised();
        if (Objects.requireNonNull(fields.skillGaps(), "set by normalised()").isEmpty()
                && Objects.requireNonNull(fields.skillGapsInWords(), "set by normalised()").isEmpty()) {
            throw ApiProblem.invalid("skillGaps", "required",
                    "must list at least one gap, as a framework skill or in skillGapsInWords");
        }
        return fields;
    }

    private static ApiProblem changedMeanwhile() {
        return ApiProblem.field(ProblemType.PRECONDITION_FAILED, "If-Match", "current-version",
                "the role was changed while you were saving; fetch it again");
    }

}
