package io.launchpad.api.response;

import io.launchpad.api.challenge.Challenge;
import io.launchpad.api.challenge.ChallengeTerms;
import io.launchpad.api.challenge.Challenges;
import io.launchpad.api.notification.Notifications;
import io.launchpad.api.organisation.OrganisationType;
import io.launchpad.api.organisation.Organisations;
import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import io.launchpad.api.security.Caller;
import io.launchpad.api.web.ETags;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.List;

/**
 * The supplier's side of a response: one per supplier per challenge, drafted and
 * submitted while the challenge is open. Nobody but the supplier sees a draft; no other
 * supplier ever sees it.
 */
@Service
class Responses {

    private final ResponseRepository repository;

    private final Challenges challenges;

    private final Organisations organisations;

    private final Notifications notifications;

    private final Clock clock;

    Responses(ResponseRepository repository, Challenges challenges, Organisations organisations,
            Notifications notifications, Clock clock) {
        this.repository = repository;
        this.challenges = challenges;
        this.organisations = organisations;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional
    Mono<Response> create(Caller caller, UUID challengeId, ResponseFields fields) {
        UUID organisationId = fields.organisationId();
        if (organisationId == null) {
            return Mono.error(ApiProblem.invalid("organisationId", "required", "must name the responding supplier"));
        }
        ResponseFields valid = fields.normalised();
        return challenges.read(caller, challengeId)
            .flatMap(challenge -> organisations
                .requireActingFor(caller, organisationId, OrganisationType.SUPPLIER, "organisationId")
                .flatMap(supplier -> {
                    checkOpen(challenge);
                    checkKnownRequirements(challenge, valid);
                    return repository.insert(challengeId, supplier.id(), valid);
                }))
            .onErrorMap(DataIntegrityViolationException.class, e -> secondResponse());
    }

    @Transactional
    Mono<Response> update(Caller caller, UUID id, long expectedVersion, ResponseFields fields) {
        ResponseFields valid = fields.normalised();
        return ownEditable(caller, id, expectedVersion).flatMap(pair -> {
            if (valid.organisationId() != null
                    && !valid.organisationId().equals(pair.response().supplierOrganisationId())) {
                return Mono.error(ApiProblem.invalid("organisationId", "immutable",
                        "a response stays with the supplier that wrote it"));
            }
            checkKnownRequirements(pair.challenge(), valid);
            return repository.update(id, expectedVersion, valid);
        }).flatMap(rows -> rows == 1 ? repository.find(id) : Mono.error(changedMeanwhile()));
    }

    /**
     * Submitting needs evidence against every essential requirement, an approach and a
     * price.
     */
    @Transactional
    Mono<Response> submit(Caller caller, UUID id, @Nullable Long expectedVersion) {
        return ownEditable(caller, id, expectedVersion).flatMap(pair -> {
            Response response = pair.response();
            if (response.status() != Response.Status.DRAFT) {
                return Mono.error(ApiProblem.field(ProblemType.CONFLICT, "status", "draft",
                        "the response is already " + response.status().code()));
            }
            for (ChallengeTerms.Requirement requirement : pair.challenge().terms().requirements()) {
                if (requirement.essential() && !response.evidence().containsKey(requirement.id())) {
                    return Mono.error(ApiProblem.field(ProblemType.UNPROCESSABLE, "evidence." + requirement.id(),
                            "required-to-submit", "give evidence against essential requirement " + requirement.id()
                                    + ": " + requirement.text()));
                }
            }
            if (response.approach().isBlank()) {
                return Mono.error(ApiProblem.field(ProblemType.UNPROCESSABLE, "approach", "required-to-submit",
                        "describe your approach before submitting"));
            }
            if (response.pricePounds() == null) {
                return Mono.error(ApiProblem.field(ProblemType.UNPROCESSABLE, "pricePounds", "required-to-submit",
                        "state a price before submitting"));
            }
            return repository.transition(id, Response.Status.DRAFT, Response.Status.SUBMITTED)
                .flatMap(rows -> rows == 1 ? notifications
                    .record(Notifications.Event.responseSubmitted(pair.challenge().id(), pair.challenge().title(), id))
                    .thenReturn(rows) : Mono.just(rows));
        }).flatMap(rows -> rows == 1 ? repository.find(id) : Mono.error(changedMeanwhile()));
    }

    static final int OWN_RESPONSES = 200;

    /**
     * The responses of every supplier organisation the caller acts for, drafts included.
     */
    Mono<List<ResponseRepository.OwnResponse>> mine(Caller caller) {
        return organisations.membershipsOf(caller)
            .filter(membership -> membership.organisationType() == OrganisationType.SUPPLIER)
            .map(membership -> membership.organisationId())
            .collectList()
            .flatMap(suppliers -> suppliers.isEmpty() ? Mono.just(List.<ResponseRepository.OwnResponse>of())
                    : repository.ofSuppliers(suppliers, OWN_RESPONSES).collectList());
    }

    /**
     * The supplier's own members read their response; the association's members read it
     * once submitted. Anyone else, another supplier above all, is told it does not exist.
     */
    Mono<Response> read(Caller caller, UUID id) {
        return repository.find(id)
            .filterWhen(response -> mayRead(caller, response))
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Response " + id)));
    }

    Mono<Boolean> isSupplierMember(Caller caller, Response response) {
        return organisations.find(response.supplierOrganisationId())
            .flatMap(org -> organisations.mayActFor(caller, org));
    }

    /**
     * The supplier organisations the caller acts for: only these may respond, so only
     * these see their own.
     */
    Mono<Set<UUID>> supplierOrganisationsOf(Caller caller) {
        return organisations.membershipsOf(caller)
            .filter(m -> m.organisationType() == OrganisationType.SUPPLIER)
            .map(m -> m.organisationId())
            .collect(Collectors.toSet());
    }

    private Mono<Boolean> mayRead(Caller caller, Response response) {
        return isSupplierMember(caller, response).flatMap(member -> {
            if (member) {
                return Mono.just(true);
            }
            if (response.status() == Response.Status.DRAFT) {
                return Mono.just(false);
            }
            return challenges.read(Caller.system(), response.challengeId())
                .flatMap(challenge -> challenges.isOwner(caller, challenge));
        });
    }

    private record Editable(Response response, Challenge challenge) {
    }

    private Mono<Editable> ownEditable(Caller caller, UUID id, @Nullable Long expectedVersion) {
        return read(caller, id).flatMap(response -> isSupplierMember(caller, response).flatMap(member -> {
            if (!member) {
                return Mono.error(ApiProblem.forbidden("Only the supplier that wrote a response changes it"));
            }
            ETags.check(response.version(), expectedVersion);
            return challenges.read(caller, response.challengeId()).map(challenge -> {
                checkOpen(challenge);
                return new Editable(response, challenge);
            });
        }));
    }

    private void checkOpen(Challenge challenge) {
        if (challenge.status() != Challenge.Status.PUBLISHED || LocalDate.now(clock).isAfter(challenge.closingDate())) {
            throw ApiProblem.field(ProblemType.CONFLICT, "closingDate", "before-closing", "responses were taken until "
                    + challenge.closingDate() + "; the challenge is "
                    + (challenge.status() == Challenge.Status.PUBLISHED ? "closed" : challenge.status().code()));
        }
    }

    private static void checkKnownRequirements(Challenge challenge, ResponseFields fields) {
        Set<String> known = challenge.terms()
            .requirements()
            .stream()
            .map(ChallengeTerms.Requirement::id)
            .collect(Collectors.toSet());
        for (String requirement : Objects.requireNonNull(fields.evidence(), "set by normalised()").keySet()) {
            if (!known.contains(requirement)) {
                throw ApiProblem.invalid("evidence." + requirement, "known-requirement",
                        "the challenge has no requirement " + requirement + "; it has " + known);
            }
        }
    }

    private static ApiProblem secondResponse() {
        return ApiProblem.field(ProblemType.CONFLICT, "organisationId", "one-response-per-supplier",
                "this supplier has already responded to the challenge; change that response instead");
    }

    private static ApiProblem changedMeanwhile() {
        return ApiProblem.field(ProblemType.PRECONDITION_FAILED, "If-Match", "current-version",
                "the response was changed while you were saving; fetch it again");
    }

}
