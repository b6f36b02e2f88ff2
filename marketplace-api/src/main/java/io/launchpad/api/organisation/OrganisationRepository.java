package io.launchpad.api.organisation;

import io.launchpad.api.database.Rows;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.UUID;
import java.util.Collection;

@Repository
class OrganisationRepository {

    private final DatabaseClient db;

    OrganisationRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Organisation> insert(UUID id, String name, String skeleton, OrganisationType type) {
        return db.sql("""
                insert into organisation (id, name, name_skeleton, type) values (:id, :name, :skeleton, :type)
                returning *""")
            .bind("id", id)
            .bind("name", name)
            .bind("skeleton", skeleton)
            .bind("type", type.code())
            .map(OrganisationRepository::organisation)
            .one();
    }

    Mono<Organisation> find(UUID id) {
        return db.sql("select * from organisation where id = :id")
            .bind("id", id)
            .map(OrganisationRepository::organisation)
            .one();
    }

    Flux<Organisation> findAll(Collection<UUID> ids) {
        return db.sql("select * from organisation where id = any(:ids)")
            .bind("ids", ids.toArray(UUID[]::new))
            .map(OrganisationRepository::organisation)
            .all()
            .as(Rows::whole);
    }

    /** An organisation whose name is, or looks like, the given one. */
    Mono<Organisation> findLookAlike(String name, String skeleton) {
        return db.sql("""
                select * from organisation where lower(name) = lower(:name) or name_skeleton = :skeleton
                order by (lower(name) = lower(:name)) desc limit 1""")
            .bind("name", name)
            .bind("skeleton", skeleton)
            .map(OrganisationRepository::organisation)
            .one();
    }

    /**
     * Organisations registered before names had skeletons (issue 10), for the one-off
     * backfill.
     */
    Flux<Organisation> withoutSkeleton() {
        return db.sql("select * from organisation where name_skeleton is null order by created_at, id")
            .map(OrganisationRepository::organisation)
            .all()
            .as(Rows::whole);
    }

    Mono<Long> setSkeleton(UUID id, String skeleton) {
        return db.sql("update organisation set name_skeleton = :skeleton where id = :id and name_skeleton is null")
            .bind("id", id)
            .bind("skeleton", skeleton)
            .fetch()
            .rowsUpdated();
    }

    /** Replaces the identifiers; empty when the organisation is gone. */
    Mono<Organisation> setIdentifiers(UUID id, SectorIdentifiers identifiers) {
        var spec = db.sql("""
                update organisation set company_number = :company, charity_number = :charity, mutuals_number = :mutuals,
                       social_housing_england = :england, social_housing_scotland = :scotland,
                       social_housing_wales = :wales, version = version + 1
                where id = :id returning *""").bind("id", id);
        spec = bind(spec, "company", identifiers.companyNumber());
        spec = bind(spec, "charity", identifiers.charityNumber());
        spec = bind(spec, "mutuals", identifiers.mutualsNumber());
        spec = bind(spec, "england", identifiers.socialHousingEngland());
        spec = bind(spec, "scotland", identifiers.socialHousingScotland());
        spec = bind(spec, "wales", identifiers.socialHousingWales());
        return spec.map(OrganisationRepository::organisation).one();
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, String name,
            @Nullable String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    Mono<Organisation> markVerified(UUID id) {
        return db.sql("""
                update organisation set verified = true, verification_refused_at = null,
                       verification_refusal_reason = null, version = version + 1
                where id = :id returning *""").bind("id", id).map(OrganisationRepository::organisation).one();
    }

    Mono<Void> addMember(UUID organisationId, String subject) {
        return db
            .sql("insert into membership (organisation_id, subject) values (:org, :subject) on conflict do nothing")
            .bind("org", organisationId)
            .bind("subject", subject)
            .then();
    }

    Mono<Boolean> isMember(UUID organisationId, String subject) {
        return db.sql("select 1 from membership where organisation_id = :org and subject = :subject")
            .bind("org", organisationId)
            .bind("subject", subject)
            .map(row -> 1)
            .first()
            .hasElement();
    }

    Flux<Membership> membershipsOf(String subject) {
        return db.sql("""
                select o.id, o.name, o.type, m.subject from membership m join organisation o on o.id = m.organisation_id
                where m.subject = :subject order by o.name""")
            .bind("subject", subject)
            .map(row -> new Membership(row.get("id", UUID.class), row.get("name", String.class),
                    OrganisationType.fromCode(row.get("type", String.class)), row.get("subject", String.class)))
            .all()
            .as(Rows::whole);
    }

    Flux<String> members(UUID organisationId) {
        return db.sql("select subject from membership where organisation_id = :org order by created_at, subject")
            .bind("org", organisationId)
            .map(row -> row.get("subject", String.class))
            .all()
            .as(Rows::whole);
    }

    private static Organisation organisation(Readable row) {
        return new Organisation(row.get("id", UUID.class), row.get("name", String.class),
                OrganisationType.fromCode(row.get("type", String.class)),
                Boolean.TRUE.equals(row.get("verified", Boolean.class)), row.get("created_at", Instant.class),
                row.get("version", Long.class), identifiers(row));
    }

    /**
     * The register numbers of an organisation row (any query selecting the organisation's
     * columns).
     */
    static SectorIdentifiers identifiers(Readable row) {
        return new SectorIdentifiers(row.get("company_number", String.class), row.get("charity_number", String.class),
                row.get("mutuals_number", String.class), row.get("social_housing_england", String.class),
                row.get("social_housing_scotland", String.class), row.get("social_housing_wales", String.class));
    }

}
