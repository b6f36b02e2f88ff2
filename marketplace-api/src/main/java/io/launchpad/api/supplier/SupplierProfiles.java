package io.launchpad.api.supplier;

import io.launchpad.api.organisation.Organisation;
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

import java.util.UUID;
import io.launchpad.matching.SupplierDocument;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * Supplier profiles: a supplier organisation's members write them; everyone reads the
 * published ones. Every change reaches the matching index through the outbox, in the same
 * transaction.
 */
@Service
public class SupplierProfiles {

    private final SupplierRepository repository;

    private final Organisations organisations;

    private final Outbox outbox;

    SupplierProfiles(SupplierRepository repository, Organisations organisations, Outbox outbox) {
        this.repository = repository;
        this.organisations = organisations;
        this.outbox = outbox;
    }

    @Transactional
    public Mono<SupplierProfile> create(Caller caller, UUID organisationId, SupplierFields fields) {
        return organisations.requireActingFor(caller, organisationId, OrganisationType.SUPPLIER, "organisationId")
            .flatMap(organisation -> repository.findByOrganisation(organisationId)
                .flatMap(existing -> Mono.<SupplierProfile>error(
                        ApiProblem.conflict(organisation.name() + " already has a profile: " + existing.id())))
                .switchIfEmpty(Mono.defer(() -> repository.insert(organisationId, fields.normalised()))))
            .flatMap(this::announce);
    }

    public Mono<SupplierProfile> read(Caller caller, UUID id) {
        return repository.find(id)
            .filterWhen(profile -> profile.isPublished() && !profile.isHidden() ? Mono.just(true)
                    : mayEdit(caller, profile))
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Supplier profile " + id)));
    }

    /**
     * A profile the caller's supplier organisation owns (or any, for an admin): a draft
     * of someone else stays a 404, someone else's published profile is a 403.
     */
    public Mono<SupplierProfile> readOwned(Caller caller, UUID id) {
        return read(caller, id).filterWhen(profile -> mayEdit(caller, profile))
            .switchIfEmpty(Mono
                .error(() -> ApiProblem.forbidden("Only the supplier's own members see the challenges matched to it")));
    }

    @Transactional
    public Mono<SupplierProfile> update(Caller caller, UUID id, long expectedVersion, SupplierFields fields) {
        return editable(caller, id, expectedVersion).flatMap(profile -> {
            if (fields.organisationId() != null && !fields.organisationId().equals(profile.organisationId())) {
                return Mono.error(ApiProblem.invalid("organisationId", "immutable",
                        "cannot move a profile to another organisation"));
            }
            return repository.update(id, expectedVersion, fields.normalised());
        }).switchIfEmpty(Mono.error(SupplierProfiles::changedMeanwhile)).flatMap(this::announce);
    }

    @Transactional
    public Mono<SupplierProfile> publish(Caller caller, UUID id, @Nullable Long expectedVersion) {
        return editable(caller, id, expectedVersion).flatMap(profile -> profile.isPublished() ? Mono.just(profile)
                : organisations.requireVerifiedToPublish(profile.organisationId())
                    .then(repository.publish(id, profile.version()))
                    .switchIfEmpty(Mono.error(SupplierProfiles::changedMeanwhile))
                    .flatMap(this::announce));
    }

    /**
     * The profiles of the supplier organisations the caller belongs to, drafts included
     * (one per organisation).
     */
    public Mono<List<SupplierProfile>> mine(Caller caller) {
        return organisations.membershipsOf(caller)
            .filter(membership -> membership.organisationType() == OrganisationType.SUPPLIER)
            .concatMap(membership -> repository.findByOrganisation(membership.organisationId()))
            .collectList();
    }

    public Mono<Page<SupplierProfile>> published(@Nullable Cursor after, int limit) {
        return repository.published(after, limit + 1).collectList().map(rows -> {
            boolean more = rows.size() > limit;
            var items = more ? rows.subList(0, limit) : rows;
            String next = more ? new Cursor(items.getLast().createdAt(), items.getLast().id()).encode() : null;
            return new Page<>(items, next);
        });
    }

    private Mono<SupplierProfile> editable(Caller caller, UUID id, @Nullable Long expectedVersion) {
        return repository.find(id)
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Supplier profile " + id)))
            .flatMap(profile -> mayEdit(caller, profile).flatMap(allowed -> {
                if (!allowed) {
                    return profile.isPublished()
                            ? Mono.error(ApiProblem.forbidden("Only the supplier's members change its profile"))
                            : Mono.error(ApiProblem.notFound("Supplier profile " + id));
                }
                ETags.check(profile.version(), expectedVersion);
                return Mono.just(profile);
            }));
    }

    private Mono<Boolean> mayEdit(Caller caller, SupplierProfile profile) {
        return organisations.find(profile.organisationId())
            .flatMap((Organisation organisation) -> organisations.mayActFor(caller, organisation));
    }

    /**
     * Sets or clears the moderation mark and tells the index; empty when there is no such
     * profile.
     */
    @Transactional
    public Mono<SupplierProfile> setHidden(UUID id, @Nullable String reason) {
        return repository.setHidden(id, reason).flatMap(this::announce);
    }

    /**
     * Every profile as matching indexes it, streamed (a full reindex, the index
     * consistency check).
     */
    public Flux<SupplierDocument> documents() {
        return repository.all(1_000).map(SupplierProfile::toDocument);
    }

    private Mono<SupplierProfile> announce(SupplierProfile profile) {
        return outbox.supplierChanged(profile.toDocument()).thenReturn(profile);
    }

    private static ApiProblem changedMeanwhile() {
        return ApiProblem.field(ProblemType.PRECONDITION_FAILED, "If-Match", "current-version",
                "the profile was changed while you were saving; fetch it again");
    }

}
