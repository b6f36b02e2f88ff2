package io.launchpad.api.organisation;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import io.launchpad.api.security.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * Joining an organisation takes two people: a member invites, the invitee accepts. Acting
 * for an organisation shows the person's name against its challenges and responses, and
 * lets them see its drafts, so nobody is made a member without agreeing, and only someone
 * holding the realm role of the organisation's type can become one.
 */
@Service
class Invitations {

    record Invitee(String subject, String email) {
        Invitee {
            subject = subject == null || subject.isBlank() ? null : subject.strip();
            email = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
        }
    }

    private final Organisations organisations;

    private final OrganisationRepository memberships;

    private final InvitationRepository repository;

    private final Clock clock;

    private final Duration timeToLive;

    Invitations(Organisations organisations, OrganisationRepository memberships, InvitationRepository repository,
            Clock clock, @Value("${launchpad.organisations.invitation-ttl:P14D}") Duration timeToLive) {
        this.organisations = organisations;
        this.memberships = memberships;
        this.repository = repository;
        this.clock = clock;
        this.timeToLive = timeToLive;
    }

    /**
     * Invites a person, named by subject or email (an email the platform already knows
     * for exactly one person also fills in their subject). Sending the same invitation
     * again returns the pending one.
     */
    @Transactional
    Mono<Invitation> invite(Caller caller, UUID organisationId, Invitee request) {
        if (request.subject() == null && request.email() == null) {
            return Mono.error(ApiProblem.invalid("subject", "subject-or-email", "name the person by subject or email"));
        }
        return organisations.find(organisationId)
            .filterWhen(organisation -> organisations.mayActFor(caller, organisation))
            .switchIfEmpty(Mono.error(() -> ApiProblem.forbidden("Only members invite people to an organisation")))
            .flatMap(organisation -> resolve(request))
            .flatMap(
                    invitee -> alreadyMember(organisationId, invitee)
                        .flatMap(member -> member
                                ? Mono.<Invitation>error(ApiProblem.field(ProblemType.CONFLICT, "subject",
                                        "not-a-member", "this person already acts for the organisation"))
                                : repository
                                    .pendingFor(organisationId, invitee.subject(), invitee.email(), clock.instant())
                                    .switchIfEmpty(Mono.defer(() -> repository.insert(UUID.randomUUID(), organisationId,
                                            invitee.subject(), invitee.email(), caller.subject(),
                                            clock.instant().plus(timeToLive))))));
    }

    /** The caller's pending, unexpired invitations. */
    Flux<Invitation> pendingFor(Caller caller) {
        return caller.isAnonymous() ? Flux.empty()
                : repository.pendingAddressedTo(caller.subject(), caller.email(), clock.instant());
    }

    /** Accepts: the membership exists from here on. */
    @Transactional
    Mono<Membership> accept(Caller caller, UUID invitationId) {
        return answerable(caller, invitationId).flatMap(invitation -> {
            if (!caller.has(invitation.organisationType().memberRole())) {
                return Mono.error(ApiProblem.field(ProblemType.FORBIDDEN, "organisationType", "member-role",
                        "acting for " + (invitation.organisationType() == OrganisationType.ASSOCIATION ? "an " : "a ")
                                + invitation.organisationType().code() + " needs the "
                                + invitation.organisationType().memberRole().name().toLowerCase()
                                + " role; ask a Launchpad administrator to grant it, then accept again"));
            }
            return repository.answer(invitationId, caller.subject(), Invitation.Status.ACCEPTED)
                .flatMap(rows -> rows == 1 ? memberships.addMember(invitation.organisationId(), caller.subject())
                        : Mono.error(answeredMeanwhile()))
                .thenReturn(new Membership(invitation.organisationId(), invitation.organisationName(),
                        invitation.organisationType(), caller.subject()));
        });
    }

    @Transactional
    Mono<Void> decline(Caller caller, UUID invitationId) {
        return answerable(caller, invitationId)
            .flatMap(invitation -> repository.answer(invitationId, caller.subject(), Invitation.Status.DECLINED))
            .flatMap(rows -> rows == 1 ? Mono.empty() : Mono.error(answeredMeanwhile()));
    }

    private Mono<Invitation> answerable(Caller caller, UUID invitationId) {
        if (caller.isAnonymous()) {
            return Mono.error(ApiProblem.notFound("Invitation " + invitationId));
        }
        return repository.addressedTo(invitationId, caller.subject(), caller.email())
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Invitation " + invitationId)))
            .flatMap(invitation -> {
                if (invitation.status() != Invitation.Status.PENDING) {
                    return Mono.error(ApiProblem.field(ProblemType.CONFLICT, "status", "pending",
                            "the invitation was already " + invitation.status().code()));
                }
                if (invitation.isExpired(clock.instant())) {
                    return Mono.error(ApiProblem.field(ProblemType.CONFLICT, "expiresAt", "not-expired",
                            "the invitation expired at " + invitation.expiresAt() + "; ask for a new one"));
                }
                return Mono.just(invitation);
            });
    }

    private Mono<Invitee> resolve(Invitee request) {
        if (request.subject() != null || request.email() == null) {
            return Mono.just(request);
        }
        return repository.subjectWithEmail(request.email())
            .map(subject -> new Invitee(subject, request.email()))
            .defaultIfEmpty(request);
    }

    private Mono<Boolean> alreadyMember(UUID organisationId, Invitee invitee) {
        return invitee.subject() == null ? Mono.just(false) : memberships.isMember(organisationId, invitee.subject());
    }

    private static ApiProblem answeredMeanwhile() {
        return ApiProblem.field(ProblemType.CONFLICT, "status", "pending", "the invitation was answered meanwhile");
    }

}
