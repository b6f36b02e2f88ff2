package io.launchpad.api.organisation;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * Organisations and who acts for them. Other features ask this whether a caller may act for an
 * organisation; the answer is the one place those rules live.
 */
@Service
public class Organisations {

    private final OrganisationRepository repository;

    Organisations(OrganisationRepository repository) {
        this.repository = repository;
    }

    public Mono<Organisation> find(UUID id) {
        return repository.find(id).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Organisation " + id)));
    }

    public Flux<Membership> membershipsOf(Caller caller) {
        return caller.isAnonymous() ? Flux.empty() : repository.membershipsOf(caller.subject());
    }

    /** True when the caller may act for the organisation: a member with the matching role, or an admin. */
    public Mono<Boolean> mayActFor(Caller caller, Organisation organisation) {
        if (caller.isAdmin()) {
            return Mono.just(true);
        }
        if (caller.isAnonymous() || !caller.has(organisation.type().memberRole())) {
            return Mono.just(false);
        }
        return repository.isMember(organisation.id(), caller.subject());
    }

    /** The organisation, when the caller may act for it as the given type; 403/404/422 otherwise. */
    public Mono<Organisation> requireActingFor(Caller caller, UUID organisationId, OrganisationType type, String field) {
        return repository.find(organisationId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.invalid(field, "existing-organisation",
                        "no organisation " + organisationId)))
                .flatMap(organisation -> {
                    if (organisation.type() != type) {
                        return Mono.error(ApiProblem.invalid(field, "organisation-type",
                                "must be an organisation of type " + type.code()));
                    }
                    return mayActFor(caller, organisation).flatMap(allowed -> allowed ? Mono.just(organisation)
                            : Mono.error(ApiProblem.forbidden("You do not act for " + organisation.name())));
                });
    }

    @Transactional
    public Mono<Organisation> register(Caller caller, String name, OrganisationType type) {
        if (!caller.isAdmin() && !caller.has(type.memberRole())) {
            return Mono.error(ApiProblem.forbidden("Only people with the " + type.code() + " role register "
                    + type.code() + " organisations"));
        }
        return repository.findByName(name)
                .flatMap(existing -> Mono.<Organisation>error(ApiProblem.conflict("An organisation named '" + name
                        + "' is already registered")))
                .switchIfEmpty(Mono.defer(() -> repository.insert(UUID.randomUUID(), name, type)))
                .flatMap(organisation -> caller.isAnonymous() || caller.isSystem()
                        ? Mono.just(organisation)
                        : repository.addMember(organisation.id(), caller.subject()).thenReturn(organisation));
    }

    public Flux<String> members(Caller caller, UUID organisationId) {
        return find(organisationId)
                .flatMap(organisation -> mayActFor(caller, organisation))
                .flatMapMany(allowed -> allowed ? repository.members(organisationId)
                        : Flux.error(ApiProblem.forbidden("Only members see who acts for an organisation")));
    }

    @Transactional
    public Mono<Void> addMember(Caller caller, UUID organisationId, String subject) {
        return find(organisationId)
                .flatMap(organisation -> mayActFor(caller, organisation))
                .flatMap(allowed -> allowed ? repository.addMember(organisationId, subject)
                        : Mono.error(ApiProblem.forbidden("Only members add members")));
    }

    public Mono<Organisation> verify(Caller caller, UUID organisationId) {
        if (!caller.isAdmin()) {
            return Mono.error(ApiProblem.forbidden("Only admins verify organisations"));
        }
        return find(organisationId).then(repository.markVerified(organisationId));
    }
}
