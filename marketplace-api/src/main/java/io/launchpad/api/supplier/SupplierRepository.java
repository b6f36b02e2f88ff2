package io.launchpad.api.supplier;

import io.launchpad.api.database.Rows;
import io.launchpad.api.web.Cursor;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

@Repository
class SupplierRepository {

    private final DatabaseClient db;

    SupplierRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<SupplierProfile> insert(UUID organisationId, SupplierFields fields) {
        return bindFields(db.sql("""
                insert into supplier_profile (id, organisation_id, name, summary, capabilities, products, case_studies,
                    regions, accreditations, size, categories, status)
                values (:id, :org, :name, :summary, :capabilities, :products, :caseStudies, :regions, :accreditations,
                    :size, :categories, 'draft')
                returning *""").bind("id", UUID.randomUUID()).bind("org", organisationId), fields)
            .map(SupplierRepository::profile)
            .one();
    }

    /**
     * Writes only when the stored version is the one the caller read; empty otherwise.
     */
    Mono<SupplierProfile> update(UUID id, long expectedVersion, SupplierFields fields) {
        return bindFields(db.sql("""
                update supplier_profile set name = :name, summary = :summary, capabilities = :capabilities,
                    products = :products, case_studies = :caseStudies, regions = :regions,
                    accreditations = :accreditations, size = :size, categories = :categories, updated_at = now(),
                    version = version + 1
                where id = :id and version = :version
                returning *""").bind("id", id).bind("version", expectedVersion), fields)
            .map(SupplierRepository::profile)
            .one();
    }

    Mono<SupplierProfile> publish(UUID id, long expectedVersion) {
        return db.sql("""
                update supplier_profile set status = 'published', published_at = coalesce(published_at, now()),
                    updated_at = now(), version = version + 1
                where id = :id and version = :version
                returning *""").bind("id", id).bind("version", expectedVersion).map(SupplierRepository::profile).one();
    }

    /**
     * Sets (or, with null, clears) the moderation mark; a new version, so the index takes
     * the change.
     */
    Mono<SupplierProfile> setHidden(UUID id, @Nullable String reason) {
        var spec = db.sql(
                "update supplier_profile set hidden_reason = :reason, version = version + 1 where id = :id returning *")
            .bind("id", id);
        return (reason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", reason))
            .map(SupplierRepository::profile)
            .one();
    }

    Mono<SupplierProfile> find(UUID id) {
        return db.sql("select * from supplier_profile where id = :id")
            .bind("id", id)
            .map(SupplierRepository::profile)
            .one();
    }

    /**
     * Every profile, drafts included, fetched in pages of {@code fetchSize} rows as the
     * subscriber asks (a reindex).
     */
    Flux<SupplierProfile> all(int fetchSize) {
        return db.sql("select * from supplier_profile order by id")
            .filter((statement, next) -> next.execute(statement.fetchSize(fetchSize)))
            .map(SupplierRepository::profile)
            .all()
            .as(Rows::whole);
    }

    Mono<SupplierProfile> findByOrganisation(UUID organisationId) {
        return db.sql("select * from supplier_profile where organisation_id = :org")
            .bind("org", organisationId)
            .map(SupplierRepository::profile)
            .one();
    }

    Flux<SupplierProfile> published(@Nullable Cursor after, int limit) {
        var spec = db.sql("""
                select * from supplier_profile where status = 'published' and hidden_reason is null
                  and (cast(:afterAt as timestamptz) is null or (created_at, id) < (:afterAt, :afterId))
                order by created_at desc, id desc limit :limit""");
        spec = after == null ? spec.bindNull("afterAt", Instant.class).bindNull("afterId", UUID.class)
                : spec.bind("afterAt", after.at()).bind("afterId", after.id());
        return spec.bind("limit", limit).map(SupplierRepository::profile).all().as(Rows::whole);
    }

    private static DatabaseClient.GenericExecuteSpec bindFields(DatabaseClient.GenericExecuteSpec spec,
            SupplierFields fields) {
        spec = spec.bind("name", fields.name())
            .bind("summary", fields.summary())
            .bind("capabilities", Objects.requireNonNull(fields.capabilities(), "set by normalised()"))
            .bind("products", Objects.requireNonNull(fields.products(), "set by normalised()"))
            .bind("caseStudies", Objects.requireNonNull(fields.caseStudies(), "set by normalised()"))
            .bind("regions", fields.regions().toArray(String[]::new))
            .bind("accreditations",
                    Objects.requireNonNull(fields.accreditations(), "set by normalised()").toArray(String[]::new))
            .bind("categories",
                    Objects.requireNonNull(fields.categories(), "set by normalised()").toArray(String[]::new));
        return fields.size() == null ? spec.bindNull("size", String.class) : spec.bind("size", fields.size());
    }

    static SupplierProfile profile(Readable row) {
        return new SupplierProfile(row.get("id", UUID.class), row.get("organisation_id", UUID.class),
                row.get("name", String.class), row.get("summary", String.class), row.get("capabilities", String.class),
                row.get("products", String.class), row.get("case_studies", String.class),
                list(row.get("regions", String[].class)), list(row.get("accreditations", String[].class)),
                row.get("size", String.class), list(row.get("categories", String[].class)),
                SupplierProfile.Status.valueOf(row.get("status", String.class).toUpperCase()),
                row.get("created_at", Instant.class), row.get("updated_at", Instant.class),
                row.get("published_at", Instant.class), row.get("version", Long.class),
                row.get("hidden_reason", String.class));
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }

}
