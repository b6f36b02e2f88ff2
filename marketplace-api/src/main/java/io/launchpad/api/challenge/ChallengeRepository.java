package io.launchpad.api.challenge;

import io.launchpad.api.database.Rows;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.ArrayList;

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
                    budget_min_pounds, budget_max_pounds, closing_date, status, essential_requirements,
                    nice_to_have_requirements, weighting_criteria, weighting_weights, pilot_length_weeks, location,
                    questions_close_on, required_accreditations)
                values (:id, :org, :title, :summary, :description, :categories, :regions, :budgetMin, :budgetMax,
                    :closingDate, 'draft', :essential, :niceToHave, :criteria, :weights, :pilotWeeks, :location,
                    :questionsCloseOn, :requiredAccreditations)""").bind("id", id).bind("org", organisationId), fields)
            .then()
            .then(find(id));
    }

    /**
     * Writes only when the stored version is the one the caller read; 0 rows otherwise.
     */
    Mono<Long> update(UUID id, long expectedVersion, ChallengeFields fields) {
        return bindFields(db.sql("""
                update challenge set title = :title, summary = :summary, description = :description,
                    categories = :categories, regions = :regions, budget_min_pounds = :budgetMin,
                    budget_max_pounds = :budgetMax, closing_date = :closingDate, updated_at = now(),
                    essential_requirements = :essential, nice_to_have_requirements = :niceToHave,
                    weighting_criteria = :criteria, weighting_weights = :weights, pilot_length_weeks = :pilotWeeks,
                    location = :location, questions_close_on = :questionsCloseOn,
                    required_accreditations = :requiredAccreditations, version = version + 1
                where id = :id and version = :version""").bind("id", id).bind("version", expectedVersion), fields)
            .fetch()
            .rowsUpdated();
    }

    Mono<Long> publish(UUID id, long expectedVersion) {
        return db.sql("""
                update challenge set status = 'published', published_at = now(), updated_at = now(),
                    version = version + 1
                where id = :id and version = :version and status = 'draft'""")
            .bind("id", id)
            .bind("version", expectedVersion)
            .fetch()
            .rowsUpdated();
    }

    Mono<Challenge> find(UUID id) {
        return db.sql(SELECT + " where c.id = :id").bind("id", id).map(ChallengeRepository::challenge).one();
    }

    /**
     * Every challenge, any status, fetched in pages of {@code fetchSize} rows as the
     * subscriber asks (a reindex).
     */
    Flux<Challenge> all(int fetchSize) {
        return db.sql(SELECT + " order by c.id")
            .filter((statement, next) -> next.execute(statement.fetchSize(fetchSize)))
            .map(ChallengeRepository::challenge)
            .all()
            .as(Rows::whole);
    }

    /**
     * One page in (created_at, id) descending order. Drafts are limited to the
     * organisations the caller acts for ({@code visibleDrafts}); null there means every
     * draft (admins).
     */
    Flux<Challenge> list(ChallengeFilter filter, @Nullable Set<UUID> visibleDraftOrganisations,
            @Nullable Set<UUID> ownOrganisations) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where c.status = :status");
        if (filter.status() == Challenge.Status.DRAFT && visibleDraftOrganisations != null) {
            sql.append(" and c.organisation_id = any(:visible)");
        }
        if (ownOrganisations != null) {
            // hidden by moderation: listed only for its association (and admins, who pass
            // null)
            sql.append(" and (c.hidden_reason is null or c.organisation_id = any(:own))");
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

        var spec = db.sql(sql.toString()).bind("status", filter.status().code()).bind("limit", filter.limit());
        if (filter.status() == Challenge.Status.DRAFT && visibleDraftOrganisations != null) {
            spec = spec.bind("visible", visibleDraftOrganisations.toArray(UUID[]::new));
        }
        if (ownOrganisations != null) {
            spec = spec.bind("own", ownOrganisations.toArray(UUID[]::new));
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
        return spec.map(ChallengeRepository::challenge).all().as(Rows::whole);
    }

    private static DatabaseClient.GenericExecuteSpec bindFields(DatabaseClient.GenericExecuteSpec spec,
            ChallengeFields fields) {
        spec = spec.bind("title", fields.title())
            .bind("summary", fields.summary())
            .bind("description", Objects.requireNonNull(fields.description(), "set by normalised()"))
            .bind("categories", fields.categories().toArray(String[]::new))
            .bind("regions", Objects.requireNonNull(fields.regions(), "set by normalised()").toArray(String[]::new));
        spec = fields.budgetMinPounds() == null ? spec.bindNull("budgetMin", Integer.class)
                : spec.bind("budgetMin", fields.budgetMinPounds());
        spec = fields.budgetMaxPounds() == null ? spec.bindNull("budgetMax", Integer.class)
                : spec.bind("budgetMax", fields.budgetMaxPounds());
        spec = fields.closingDate() == null ? spec.bindNull("closingDate", LocalDate.class)
                : spec.bind("closingDate", fields.closingDate());
        return bindTerms(spec, fields);
    }

    private static DatabaseClient.GenericExecuteSpec bindTerms(DatabaseClient.GenericExecuteSpec spec,
            ChallengeFields fields) {
        List<Weighting> weightings = fields.weightings() == null ? List.of() : fields.weightings();
        spec = spec.bind("essential", strings(fields.essentialRequirements()))
            .bind("niceToHave", strings(fields.niceToHaveRequirements()))
            .bind("criteria", weightings.stream().map(Weighting::criterion).toArray(String[]::new))
            .bind("weights", weightings.stream().map(Weighting::weight).toArray(Integer[]::new))
            .bind("requiredAccreditations", strings(fields.requiredAccreditations()));
        spec = fields.pilotLengthWeeks() == null ? spec.bindNull("pilotWeeks", Integer.class)
                : spec.bind("pilotWeeks", fields.pilotLengthWeeks());
        spec = fields.location() == null ? spec.bindNull("location", String.class)
                : spec.bind("location", fields.location());
        return fields.questionsCloseOn() == null ? spec.bindNull("questionsCloseOn", LocalDate.class)
                : spec.bind("questionsCloseOn", fields.questionsCloseOn());
    }

    private static String[] strings(@Nullable List<String> values) {
        return values == null ? new String[0] : values.toArray(String[]::new);
    }

    /**
     * Sets (or, with null, clears) the moderation mark; a new version, so the index takes
     * the change.
     */
    Mono<Long> setHidden(UUID id, @Nullable String reason) {
        var spec = db.sql("update challenge set hidden_reason = :reason, version = version + 1 where id = :id")
            .bind("id", id);
        return (reason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", reason)).fetch()
            .rowsUpdated();
    }

    /**
     * Moves a challenge between lifecycle states only from the state named; 0 rows when
     * it was not in it.
     */
    Mono<Long> transition(UUID id, Challenge.Status from, Challenge.Status to, @Nullable String noAwardReason) {
        String stamp = switch (to) {
            case CLOSED -> ", closed_at = now()";
            case AWARDED, NO_AWARD -> ", decided_at = now()";
            default -> "";
        };
        var spec = db
            .sql("update challenge set status = :to, updated_at = now(), version = version + 1" + stamp
                    + ", no_award_reason = :reason where id = :id and status = :from")
            .bind("id", id)
            .bind("from", from.code())
            .bind("to", to.code());
        spec = noAwardReason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", noAwardReason);
        return spec.fetch().rowsUpdated();
    }

    /**
     * Closes every published challenge whose closing date has passed, in one statement:
     * with several API instances each row is closed exactly once (the row lock makes a
     * second UPDATE re-check the status and skip it), so only the instance that closed a
     * row announces it.
     */
    Flux<UUID> closeDue(LocalDate today) {
        return db.sql("""
                update challenge set status = 'closed', closed_at = now(), updated_at = now(), version = version + 1
                where status = 'published' and closing_date < :today
                returning id""").bind("today", today).map(row -> row.get("id", UUID.class)).all().as(Rows::whole);
    }

    private static Challenge challenge(Readable row) {
        return new Challenge(row.get("id", UUID.class), row.get("organisation_id", UUID.class),
                row.get("organisation_name", String.class), row.get("title", String.class),
                row.get("summary", String.class), row.get("description", String.class),
                list(row.get("categories", String[].class)), list(row.get("regions", String[].class)),
                Challenge.Status.ofCode(row.get("status", String.class)), row.get("budget_min_pounds", Integer.class),
                row.get("budget_max_pounds", Integer.class), row.get("closing_date", LocalDate.class),
                row.get("created_at", Instant.class), row.get("updated_at", Instant.class),
                row.get("published_at", Instant.class), row.get("version", Long.class), terms(row),
                row.get("hidden_reason", String.class));
    }

    private static ChallengeTerms terms(Readable row) {
        String[] criteria = row.get("weighting_criteria", String[].class);
        Integer[] weights = row.get("weighting_weights", Integer[].class);
        List<Weighting> weightings = new ArrayList<>();
        for (int i = 0; criteria != null && i < criteria.length; i++) {
            weightings.add(new Weighting(criteria[i], weights[i]));
        }
        return new ChallengeTerms(list(row.get("essential_requirements", String[].class)),
                list(row.get("nice_to_have_requirements", String[].class)), weightings,
                row.get("pilot_length_weeks", Integer.class), row.get("location", String.class),
                row.get("questions_close_on", LocalDate.class),
                list(row.get("required_accreditations", String[].class)));
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }

}
