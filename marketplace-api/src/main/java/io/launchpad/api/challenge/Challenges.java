package io.launchpad.api.challenge;

import io.launchpad.api.notification.Notifications;
import io.launchpad.api.organisation.Membership;
import io.launchpad.api.organisation.OrganisationType;
import io.launchpad.api.organisation.Organisations;
import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import io.launchpad.api.security.Caller;
import io.launchpad.api.web.Cursor;
import io.launchpad.api.web.ETags;
import io.launchpad.api.web.Page;
import io.launchpad.matching.Outbox;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import io.launchpad.matching.ChallengeDocument;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Flux;

/**
 * Challenges from draft to published. Drafts are private to the association that writes
 * them; published challenges are public and no longer edited in place, so every supplier
 * answers the same brief.
 */
@Service
public class Challenges {

    private final ChallengeRepository repository;

    private final Organisations organisations;

    private final Outbox outbox;

    private final Clock clock;

    private final Notifications notifications;

    Challenges(ChallengeRepository repository, Organisations organisations, Outbox outbox, Clock clock,
            Notifications notifications) {
        this.repository = repository;
        this.organisations = organisations;
        this.outbox = outbox;
        this.clock = clock;
        this.notifications = notifications;
    }

    @Transactional
    public Mono<Challenge> create(Caller caller, ChallengeFields fields) {
        if (fields.organisationId() == null) {
            return Mono.error(ApiProblem.invalid("organisationId", "required", "must name the housing association"));
        }
        ChallengeFields valid = fields.normalised();
        return organisations
            .requireActingFor(caller, fields.organisationId(), OrganisationType.ASSOCIATION, "organisationId")
            .flatMap(organisation -> repository.insert(organisation.id(), valid))
            .flatMap(this::announce);
    }

    /**
     * A published challenge, or a draft or a challenge hidden by moderation that its own
     * association (or an admin) asks for; 404 for anyone else.
     */
    public Mono<Challenge> read(Caller caller, UUID id) {
        return repository.find(id)
            .filterWhen(challenge -> challenge.isPublic() && !challenge.isHidden() ? Mono.just(true)
                    : isOwner(caller, challenge))
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Challenge " + id)));
    }

    /** A challenge the caller's association owns (or any, for an admin). */
    public Mono<Challenge> readOwned(Caller caller, UUID id) {
        return read(caller, id).filterWhen(challenge -> isOwner(caller, challenge))
            .switchIfEmpty(Mono
                .error(() -> ApiProblem.forbidden("Only the association that posted this challenge sees its matches")));
    }

    @Transactional
    public Mono<Challenge> update(Caller caller, UUID id, long expectedVersion, ChallengeFields fields) {
        ChallengeFields valid = fields.normalised();
        return editableDraft(caller, id, expectedVersion).flatMap(challenge -> {
            if (valid.organisationId() != null && !valid.organisationId().equals(challenge.organisationId())) {
                return Mono.error(ApiProblem.invalid("organisationId", "immutable",
                        "cannot move a challenge to another organisation"));
            }
            return repository.update(id, expectedVersion, valid);
        })
            .flatMap(rows -> rows == 1 ? repository.find(id) : Mono.error(Challenges.changedMeanwhile()))
            .flatMap(this::announce);
    }

    @Transactional
    public Mono<Challenge> publish(Caller caller, UUID id, @Nullable Long expectedVersion) {
        return editableDraft(caller, id, expectedVersion).flatMap(challenge -> {
            checkReadyToPublish(challenge);
            return organisations.requireVerifiedToPublish(challenge.organisationId())
                .then(repository.publish(id, challenge.version()));
        })
            .flatMap(rows -> rows == 1 ? repository.find(id) : Mono.error(Challenges.changedMeanwhile()))
            .flatMap(this::announce)
            .flatMap(published -> notifications
                .record(Notifications.Event.challengePublished(published.id(), published.title()))
                .thenReturn(published));
    }

    /** Takes a published challenge off the market; its responses are never evaluated. */
    @Transactional
    public Mono<Challenge> withdraw(Caller caller, UUID id, @Nullable Long expectedVersion) {
        return endPublished(caller, id, expectedVersion, Challenge.Status.WITHDRAWN, "withdrawn");
    }

    /**
     * Closes a published challenge before its closing date: no more responses or
     * questions, drafts stay unsubmitted, and evaluation can start. Suppliers who follow
     * it, asked or started a response hear of it.
     */
    @Transactional
    public Mono<Challenge> closeEarly(Caller caller, UUID id, @Nullable Long expectedVersion) {
        return endPublished(caller, id, expectedVersion, Challenge.Status.CLOSED, "closed").flatMap(
                closed -> notifications.record(Notifications.Event.challengeClosedEarly(closed.id(), closed.title()))
                    .thenReturn(closed));
    }

    /**
     * The owner ends a published challenge before its date ({@code to}); anything but a
     * published one is a 409.
     */
    private Mono<Challenge> endPublished(Caller caller, UUID id, @Nullable Long expectedVersion, Challenge.Status to,
            String done) {
        return readOwnedForChange(caller, id).flatMap(challenge -> {
            ETags.check(challenge.version(), expectedVersion);
            return repository.transition(id, Challenge.Status.PUBLISHED, to, null);
        })
            .flatMap(rows -> rows == 1 ? repository.find(id)
                    : Mono.error(ApiProblem.field(ProblemType.CONFLICT, "status", "published",
                            "only a published challenge can be " + done)))
            .flatMap(this::announce);
    }

    /**
     * Records the decision on a closed challenge (awarded or no-award). The UPDATE only
     * matches a closed challenge, so of two concurrent decisions exactly one wins; the
     * other gets 409. The caller (evaluation) has checked that the person acts for the
     * association.
     */
    @Transactional
    public Mono<Challenge> decide(UUID id, Challenge.Status outcome, @Nullable String noAwardReason) {
        if (outcome != Challenge.Status.AWARDED && outcome != Challenge.Status.NO_AWARD) {
            return Mono.error(new IllegalArgumentException("not a decision: " + outcome));
        }
        return repository.transition(id, Challenge.Status.CLOSED, outcome, noAwardReason)
            .flatMap(rows -> rows == 1 ? repository.find(id) : repository.find(id)
                .flatMap(current -> Mono.<Challenge>error(ApiProblem.field(ProblemType.CONFLICT, "status", "closed",
                        current.status() == Challenge.Status.PUBLISHED
                                ? "the challenge has not closed yet; decide after " + current.closingDate()
                                : "the challenge is already " + current.status().code()))))
            .flatMap(this::announce);
    }

    /**
     * Closes every published challenge past its closing date; safe to run on every
     * instance at once.
     */
    @Transactional
    public Mono<List<UUID>> closeDue() {
        return repository.closeDue(LocalDate.now(clock))
            .concatMap(
                    id -> repository.find(id)
                        .flatMap(closed -> notifications
                            .record(Notifications.Event.challengeClosed(closed.id(), closed.title()))
                            .then(announce(closed))))
            .map(Challenge::id)
            .collectList();
    }

    /**
     * True when the caller acts for the association that posted the challenge (or is an
     * admin).
     */
    public Mono<Boolean> isOwner(Caller caller, Challenge challenge) {
        return organisations.find(challenge.organisationId())
            .flatMap(organisation -> organisations.mayActFor(caller, organisation));
    }

    private Mono<Challenge> readOwnedForChange(Caller caller, UUID id) {
        return read(caller, id).filterWhen(challenge -> isOwner(caller, challenge))
            .switchIfEmpty(
                    Mono.error(() -> ApiProblem.forbidden("Only the association that posted it changes a challenge")));
    }

    public Mono<Page<Challenge>> list(Caller caller, ChallengeFilter filter) {
        Mono<Set<UUID>> visibleDrafts;
        if (filter.status() != Challenge.Status.DRAFT || caller.isAdmin()) {
            visibleDrafts = Mono.empty();
        }
        else if (caller.isAnonymous()) {
            return Mono.error(ApiProblem.of(ProblemType.UNAUTHENTICATED, "Sign in to list drafts"));
        }
        else {
            visibleDrafts = associationsOf(caller);
        }
        // hidden challenges are listed for their own association; admins see everything
        // (null)
        Mono<Optional<Set<UUID>>> own = caller.isAdmin() ? Mono.just(Optional.empty())
                : caller.isAnonymous() ? Mono.just(Optional.of(Set.of())) : associationsOf(caller).map(Optional::of);
        ChallengeFilter onePageMore = new ChallengeFilter(filter.status(), filter.organisationId(), filter.category(),
                filter.region(), filter.after(), filter.limit() + 1);
        return Mono.zip(visibleDrafts.map(Optional::of).defaultIfEmpty(Optional.empty()), own)
            .flatMap(visible -> repository.list(onePageMore, visible.getT1().orElse(null), visible.getT2().orElse(null))
                .collectList())
            .map(rows -> {
                boolean more = rows.size() > filter.limit();
                var items = more ? rows.subList(0, filter.limit()) : rows;
                String next = more ? new Cursor(items.getLast().createdAt(), items.getLast().id()).encode() : null;
                return new Page<>(items, next);
            });
    }

    private Mono<Set<UUID>> associationsOf(Caller caller) {
        return organisations.membershipsOf(caller)
            .filter(m -> m.organisationType() == OrganisationType.ASSOCIATION)
            .map(Membership::organisationId)
            .collect(Collectors.toSet());
    }

    /**
     * Sets or clears the moderation mark and tells the index; empty when there is no such
     * challenge.
     */
    @Transactional
    public Mono<Challenge> setHidden(UUID id, @Nullable String reason) {
        return repository.setHidden(id, reason)
            .flatMap(rows -> rows == 1 ? repository.find(id) : Mono.empty())
            .flatMap(this::announce);
    }

    private void checkReadyToPublish(Challenge challenge) {
        if (challenge.categories().isEmpty()) {
            throw ApiProblem.field(ProblemType.UNPROCESSABLE, "categories", "required-to-publish",
                    "name at least one category before publishing");
        }
        if (challenge.closingDate() == null) {
            throw ApiProblem.field(ProblemType.UNPROCESSABLE, "closingDate", "required-to-publish",
                    "set a closing date before publishing");
        }
        if (!challenge.closingDate().isAfter(LocalDate.now(clock))) {
            throw ApiProblem.field(ProblemType.UNPROCESSABLE, "closingDate", "future",
                    "must be after today to publish");
        }
    }

    /**
     * Ownership is checked once, here: {@link #read} would check it for a draft and this
     * again after it. Anyone else learns only what {@code read} tells them: that a draft
     * or hidden challenge does not exist (404), that a public one is not theirs to change
     * (403).
     */
    private Mono<Challenge> editableDraft(Caller caller, UUID id, @Nullable Long expectedVersion) {
        return repository.find(id)
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Challenge " + id)))
            .flatMap(challenge -> isOwner(caller, challenge).flatMap(owner -> {
                if (!owner) {
                    return Mono.error(challenge.isPublic() && !challenge.isHidden()
                            ? ApiProblem.forbidden("Only the association that posted it changes a challenge")
                            : ApiProblem.notFound("Challenge " + id));
                }
                ETags.check(challenge.version(), expectedVersion);
                if (challenge.isPublic()) {
                    return Mono.error(ApiProblem
                        .conflict("Published challenges are not edited, so every supplier answers the same brief"));
                }
                return Mono.just(challenge);
            }));
    }

    /**
     * Every challenge as matching indexes it, streamed (a full reindex, the index
     * consistency check).
     */
    public Flux<ChallengeDocument> documents() {
        return repository.all(1_000).map(Challenge::toDocument);
    }

    private Mono<Challenge> announce(Challenge challenge) {
        return outbox.challengeChanged(challenge.toDocument()).thenReturn(challenge);
    }

    private static ApiProblem changedMeanwhile() {
        return ApiProblem.field(ProblemType.PRECONDITION_FAILED, "If-Match", "current-version",
                "the challenge was changed while you were saving; fetch it again");
    }

}
