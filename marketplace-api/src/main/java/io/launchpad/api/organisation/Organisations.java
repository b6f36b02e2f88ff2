package io.launchpad.api.organisation;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import io.launchpad.api.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.UUID;
import io.launchpad.api.web.ETags;
import java.util.Collection;
import java.util.Map;

/**
 * Organisations and who acts for them. Other features ask this whether a caller may act
 * for an organisation; the answer is the one place those rules live.
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

    /**
     * The organisations with these ids that exist, keyed by id (for lists that name many
     * at once).
     */
    public Mono<Map<UUID, Organisation>> findAll(Collection<UUID> ids) {
        return ids.isEmpty() ? Mono.just(Map.of()) : repository.findAll(ids).collectMap(Organisation::id);
    }

    /**
     * The organisations the caller acts for: memberships that count, i.e. where the
     * caller also holds the realm role the organisation's type needs. A membership row
     * alone is not enough (rows from before invitations, or a person whose role was taken
     * away), so every list built from this answers as {@link #mayActFor} does for one
     * resource.
     */
    public Flux<Membership> membershipsOf(Caller caller) {
        return caller.isAnonymous() ? Flux.empty() : repository.membershipsOf(caller.subject())
            .filter(membership -> caller.has(membership.organisationType().memberRole()));
    }

    /**
     * True when anyone at all is a member of an organisation with this subject, whatever
     * their roles (demo data).
     */
    public Mono<Boolean> hasMemberships(String subject) {
        return repository.membershipsOf(subject).hasElements();
    }

    /**
     * True when the caller may act for the organisation: a member with the matching role,
     * or an admin.
     */
    public Mono<Boolean> mayActFor(Caller caller, Organisation organisation) {
        if (caller.isAdmin()) {
            return Mono.just(true);
        }
        if (caller.isAnonymous() || !caller.has(organisation.type().memberRole())) {
            return Mono.just(false);
        }
        return repository.isMember(organisation.id(), caller.subject());
    }

    /**
     * The organisation, when the caller may act for it as the given type; 403/404/422
     * otherwise.
     */
    public Mono<Organisation> requireActingFor(Caller caller, UUID organisationId, OrganisationType type,
            String field) {
        return repository.find(organisationId)
            .switchIfEmpty(Mono
                .error(() -> ApiProblem.invalid(field, "existing-organisation", "no organisation " + organisationId)))
            .flatMap(organisation -> {
                if (organisation.type() != type) {
                    return Mono.error(ApiProblem.invalid(field, "organisation-type",
                            "must be an organisation of type " + type.code()));
                }
                return mayActFor(caller, organisation).flatMap(allowed -> allowed ? Mono.just(organisation)
                        : Mono.error(ApiProblem.forbidden("You do not act for " + organisation.name())));
            });
    }

    /**
     * Publishing speaks for an organisation in public, so only one an admin has verified
     * may do it; registering and drafting do not need it. 409 naming
     * {@code organisationId} otherwise.
     */
    public Mono<Organisation> requireVerifiedToPublish(UUID organisationId) {
        return find(organisationId).flatMap(organisation -> organisation.verified() ? Mono.just(organisation)
                : Mono.error(ApiProblem.field(ProblemType.CONFLICT, "organisationId", "verified-organisation",
                        organisation.name()
                                + " is not verified yet; an admin verifies an organisation before it publishes")));
    }

    @Transactional
    public Mono<Organisation> register(Caller caller, String requestedName, OrganisationType type,
            @Nullable SectorIdentifiers requestedIdentifiers) {
        if (!caller.isAdmin() && !caller.has(type.memberRole())) {
            return Mono.error(ApiProblem
                .forbidden("Only people with the " + type.code() + " role register " + type.code() + " organisations"));
        }
        // every field is checked before anything is written
        SectorIdentifiers identifiers = requestedIdentifiers == null ? SectorIdentifiers.none()
                : requestedIdentifiers.normalised("identifiers.");
        return Mono.fromCallable(() -> OrganisationNames.normalise(requestedName)).flatMap(name -> {
            String skeleton = OrganisationNames.skeleton(name);
            return repository.findLookAlike(name, skeleton)
                .flatMap(existing -> Mono.<Organisation>error(nameTaken(name, existing.name())))
                .switchIfEmpty(Mono.defer(() -> {
                    OrganisationNames.checkScripts(name);
                    return repository.insert(UUID.randomUUID(), name, skeleton, type)
                        .flatMap(created -> identifiers.listed().isEmpty() ? Mono.just(created)
                                : repository.setIdentifiers(created.id(), identifiers));
                }))
                // two look-alike registrations at once: the unique indexes let one in,
                // the other lands here
                .onErrorMap(DataIntegrityViolationException.class, e -> nameTaken(name, null));
        })
            .flatMap(organisation -> caller.isAnonymous() || caller.isSystem() ? Mono.just(organisation)
                    : repository.addMember(organisation.id(), caller.subject()).thenReturn(organisation));
    }

    /**
     * Replaces the organisation's register numbers; members and admins only, with
     * If-Match when given.
     */
    @Transactional
    public Mono<Organisation> changeIdentifiers(Caller caller, UUID organisationId, SectorIdentifiers requested,
            @Nullable Long expectedVersion) {
        SectorIdentifiers identifiers = requested.normalised("");
        return find(organisationId).flatMap(organisation -> mayActFor(caller, organisation).flatMap(allowed -> {
            if (!allowed) {
                return Mono.error(ApiProblem.forbidden("Only members change an organisation's register numbers"));
            }
            ETags.check(organisation.version(), expectedVersion);
            return repository.setIdentifiers(organisationId, identifiers);
        }));
    }

    private static ApiProblem nameTaken(String name, @Nullable String existingName) {
        if (existingName != null && existingName.equalsIgnoreCase(name)) {
            return ApiProblem.field(ProblemType.CONFLICT, "name", "unique",
                    "an organisation named '" + existingName + "' is already registered");
        }
        return ApiProblem.field(ProblemType.CONFLICT, "name", "confusable-name",
                existingName == null ? "looks the same as the name of an organisation already registered"
                        : "looks the same as '" + existingName + "', already registered");
    }

    public Flux<String> members(Caller caller, UUID organisationId) {
        return find(organisationId).flatMap(organisation -> mayActFor(caller, organisation))
            .flatMapMany(allowed -> allowed ? repository.members(organisationId)
                    : Flux.error(ApiProblem.forbidden("Only members see who acts for an organisation")));
    }

    /**
     * Makes a person a member without asking them: only for trusted in-process work (demo
     * data). People join by accepting an invitation ({@link Invitations}).
     */
    public Mono<Void> enrol(Caller caller, UUID organisationId, String subject) {
        if (!caller.isSystem()) {
            return Mono.error(ApiProblem.forbidden("People join an organisation by accepting an invitation"));
        }
        return find(organisationId).then(repository.addMember(organisationId, subject));
    }

    /**
     * Verifies every organisation the person belongs to. Only for demo data: a state
     * folder saved before publishing needed a verified organisation still lets its demo
     * users publish.
     */
    public Mono<Void> verifyOrganisationsOf(Caller caller, String subject) {
        if (!caller.isSystem()) {
            return Mono.error(ApiProblem.forbidden("Only admins verify organisations"));
        }
        return repository.membershipsOf(subject)
            .concatMap(membership -> repository.markVerified(membership.organisationId()))
            .then();
    }

    public Mono<Organisation> verify(Caller caller, UUID organisationId) {
        if (!caller.isAdmin()) {
            return Mono.error(ApiProblem.forbidden("Only admins verify organisations"));
        }
        return find(organisationId).then(repository.markVerified(organisationId));
    }

}
