package io.launchpad.api.challenge;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Repository
class ChallengeRepository {

    private static final String SELECT = """
            select c.*, o.name as organisation_name from challenge c join organisation o on o.id = c.organisation_id
            """;

    private final DatabaseClient db;

    ChallengeRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Challenge> insert(UUID organisationId, ChallengeFields fields) {
        UUID id = UUID.randomUUID();
        return bindFields(db.sql("""
                insert into challenge (id, organisation_id, title, summary, description, categories, regions,
                    budget_min_pounds, budget_max_pounds, closing_date, status)
                values (:id, :org, :title, :summary, :description, :categories, :regions, :budgetMin, :budgetMax,
                    :closingDate, 'draft')""").bind("id", id).bind("org", organisationId), fields)
                .then().then(find(id));
    }

    /** Writes only when the stored version is the one the caller read; 0 rows otherwise. */
    Mono<Long> update(UUID id, long expectedVersion, ChallengeFields fields) {
        return bindFields(db.sql("""
                update challenge set title = :title, summary = :summary, description = :description,
                    categories = :categories, regions = :regions, budget_min_pounds = :budgetMin,
                    budget_max_pounds = :budgetMax, closing_date = :closingDate, updated_at = now(),
                    version = version + 1
                where id = :id and version = :version""").bind("id", id).bind("version", expectedVersion), fields)
                .fetch().rowsUpdated();
    }

    Mono<Long> publish(UUID id, long expectedVersion) {
        return db.sql("""
                update challenge set status = 'published', published_at = now(), updated_at = now(),
                    version = version + 1
                where id = :id and version = :version and status = 'draft'""")
                .bind("id", id).bind("version", expectedVersion).fetch().rowsUpdated();
    }

    Mono<Challenge> find(UUID id) {
        return db.sql(SELECT + " where c.id = :id").bind("id", id).map(ChallengeRepository::challenge).one();
    }

    /**
     * One page in (created_at, id) descending order. Drafts are limited to the organisations the
     * caller acts for ({@code visibleDrafts}); null there means every draft (admins).
     */
    Flux<Challenge> list(ChallengeFilter filter, Set<UUID> visibleDraftOrganisations) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where c.status = :status");
        if (filter.status() == Challenge.Status.DRAFT && visibleDraftOrganisations != null) {
            sql.append(" and c.organisation_id = any(:visible)");
        }
        if (filter.organisationId() != null) {
            sql.append(" and c.organisation_id = :org");
        }
        if (filter.category() != null) {
            sql.append(" and c.categories @> array[cast(:category as text)]");
        }
        if (filter.region() != null) {
            sql.append(" and c.regions @> array[cast(:region as text)]");
        }
        if (filter.after() != null) {
            sql.append(" and (c.created_at, c.id) < (:afterAt, :afterId)");
        }
        sql.append(" order by c.created_at desc, c.id desc limit :limit");

        var spec = db.sql(sql.toString()).bind("status", filter.status().name().toLowerCase())
                .bind("limit", filter.limit());
        if (filter.status() == Challenge.Status.DRAFT && visibleDraftOrganisations != null) {
            spec = spec.bind("visible", visibleDraftOrganisations.toArray(UUID[]::new));
        }
        if (filter.organisationId() != null) {
            spec = spec.bind("org", filter.organisationId());
        }
        if (filter.category() != null) {
            spec = spec.bind("category", filter.category());
        }
        if (filter.region() != null) {
            spec = spec.bind("region", filter.region());
        }
        if (filter.after() != null) {
            spec = spec.bind("afterAt", filter.after().at()).bind("afterId", filter.after().id());
        }
        return spec.map(ChallengeRepository::challenge).all();
    }

    private static DatabaseClient.GenericExecuteSpec bindFields(DatabaseClient.GenericExecuteSpec spec,
            ChallengeFields fields) {
        spec = spec.bind("title", fields.title()).bind("summary", fields.summary())
                .bind("description", fields.description())
                .bind("categories", fields.categories().toArray(String[]::new))
                .bind("regions", fields.regions().toArray(String[]::new));
        spec = fields.budgetMinPounds() == null ? spec.bindNull("budgetMin", Integer.class)
                : spec.bind("budgetMin", fields.budgetMinPounds());
        spec = fields.budgetMaxPounds() == null ? spec.bindNull("budgetMax", Integer.class)
                : spec.bind("budgetMax", fields.budgetMaxPounds());
        return fields.closingDate() == null ? spec.bindNull("closingDate", LocalDate.class)
                : spec.bind("closingDate", fields.closingDate());
    }

    private static Challenge challenge(Readable row) {
        return new Challenge(row.get("id", UUID.class), row.get("organisation_id", UUID.class),
                row.get("organisation_name", String.class), row.get("title", String.class),
                row.get("summary", String.class), row.get("description", String.class),
                list(row.get("categories", String[].class)), list(row.get("regions", String[].class)),
                Challenge.Status.valueOf(row.get("status", String.class).toUpperCase()),
                row.get("budget_min_pounds", Integer.class), row.get("budget_max_pounds", Integer.class),
                row.get("closing_date", LocalDate.class), row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class), row.get("published_at", Instant.class),
                row.get("version", Long.class));
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
