package io.launchpad.api.organisation;

import io.launchpad.api.database.Rows;
import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import io.launchpad.api.security.Caller;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Verification of organisations by an admin: the queue of those waiting (oldest first,
 * refused ones after, so nobody waits behind a refusal), a refusal with a reason the
 * organisation's members read, and the state as the members see it. Verifying
 * ({@link Organisations#verify}) clears a refusal.
 */
@Service
class Verifications {

    static final int QUEUE_SIZE = 200;

    /**
     * One organisation waiting for verification. {@code refusedAt} and
     * {@code refusalReason} when refused; {@code registers}: the numbers it gave, for the
     * admin to look up on each register.
     */
    record Waiting(UUID id, String name, String type, Instant createdAt, long members, Instant refusedAt,
            String refusalReason, List<SectorIdentifiers.Identifier> registers) {
    }

    /** What an organisation's members and admins read about its verification. */
    record State(UUID organisationId, boolean verified, Instant refusedAt, String refusalReason) {
    }

    private final DatabaseClient db;

    private final Organisations organisations;

    Verifications(DatabaseClient db, Organisations organisations) {
        this.db = db;
        this.organisations = organisations;
    }

    Mono<List<Waiting>> queue(Caller caller) {
        if (!caller.isAdmin()) {
            return Mono.error(ApiProblem.forbidden("Only admins see the verification queue"));
        }
        return db.sql("""
                select o.id, o.name, o.type, o.created_at, o.verification_refused_at, o.verification_refusal_reason,
                       o.company_number, o.charity_number, o.mutuals_number, o.social_housing_england,
                       o.social_housing_scotland, o.social_housing_wales,
                       (select count(*) from membership m where m.organisation_id = o.id) as members
                from organisation o where not o.verified
                order by o.verification_refused_at is not null, o.created_at, o.id
                limit :size""")
            .bind("size", QUEUE_SIZE)
            .map(row -> new Waiting(row.get("id", UUID.class), row.get("name", String.class),
                    row.get("type", String.class), row.get("created_at", Instant.class), row.get("members", Long.class),
                    row.get("verification_refused_at", Instant.class),
                    row.get("verification_refusal_reason", String.class),
                    OrganisationRepository.identifiers(row).listed()))
            .all()
            .as(Rows::whole)
            .collectList();
    }

    /**
     * Records why an organisation is not verified; an organisation already verified is a
     * 409.
     */
    Mono<State> refuse(Caller caller, UUID organisationId, String reason) {
        if (!caller.isAdmin()) {
            return Mono.error(ApiProblem.forbidden("Only admins refuse verification"));
        }
        return organisations.find(organisationId)
            .then(db.sql("""
                    update organisation set verification_refused_at = now(), verification_refusal_reason = :reason,
                           version = version + 1
                    where id = :id and not verified""")
                .bind("id", organisationId)
                .bind("reason", reason.strip())
                .fetch()
                .rowsUpdated())
            .flatMap(rows -> rows == 1 ? state(organisationId) : Mono.error(ApiProblem.field(ProblemType.CONFLICT,
                    "organisationId", "unverified", "the organisation is already verified")));
    }

    /**
     * The state for the organisation's members and admins; anyone else is told it is not
     * theirs to read.
     */
    Mono<State> read(Caller caller, UUID organisationId) {
        return organisations.find(organisationId)
            .flatMap(organisation -> organisations.mayActFor(caller, organisation))
            .flatMap(allowed -> allowed ? state(organisationId)
                    : Mono.error(ApiProblem.forbidden("Only the organisation's members read its verification")));
    }

    private Mono<State> state(UUID organisationId) {
        return db.sql("""
                select verified, verification_refused_at, verification_refusal_reason
                from organisation where id = :id""")
            .bind("id", organisationId)
            .map(row -> new State(organisationId, Boolean.TRUE.equals(row.get("verified", Boolean.class)),
                    row.get("verification_refused_at", Instant.class),
                    row.get("verification_refusal_reason", String.class)))
            .one();
    }

}
