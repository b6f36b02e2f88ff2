package io.launchpad.api.pilot;

import io.launchpad.api.database.Rows;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.Collection;

@Repository
class PilotRepository {

    private final DatabaseClient db;

    PilotRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<UUID> insert(UUID challengeId, UUID responseId, UUID associationId, UUID supplierId, String title) {
        UUID id = UUID.randomUUID();
        return db.sql("""
                insert into pilot (id, challenge_id, response_id, association_organisation_id,
                    supplier_organisation_id, title, status)
                values (:id, :challenge, :response, :association, :supplier, :title, 'active')""")
            .bind("id", id)
            .bind("challenge", challengeId)
            .bind("response", responseId)
            .bind("association", associationId)
            .bind("supplier", supplierId)
            .bind("title", title)
            .then()
            .thenReturn(id);
    }

    Mono<Pilot> find(UUID id) {
        return db.sql("select * from pilot where id = :id")
            .bind("id", id)
            .map(PilotRepository::pilot)
            .one()
            .flatMap(this::withDetails);
    }

    Flux<Pilot> forOrganisations(List<UUID> organisationIds) {
        return db
            .sql("""
                    select * from pilot where association_organisation_id = any(:orgs) or supplier_organisation_id = any(:orgs)
                    order by created_at desc limit 100""")
            .bind("orgs", organisationIds.toArray(UUID[]::new))
            .map(PilotRepository::pilot)
            .all()
            .as(Rows::whole)
            .concatMap(this::withDetails);
    }

    /**
     * The pilots of these challenges; only a completed one carries its milestones and
     * outcomes.
     */
    Flux<Pilot> forChallengesPublicly(Collection<UUID> challengeIds) {
        return db.sql("select * from pilot where challenge_id = any(:ids)")
            .bind("ids", challengeIds.toArray(UUID[]::new))
            .map(PilotRepository::pilot)
            .all()
            .as(Rows::whole)
            .concatMap(pilot -> pilot.isCompleted() ? withDetails(pilot) : Mono.just(pilot));
    }

    Flux<Pilot> latestCompleted(int limit) {
        return db.sql("select * from pilot where status = 'completed' order by completed_at desc, id limit :limit")
            .bind("limit", limit)
            .map(PilotRepository::pilot)
            .all()
            .as(Rows::whole)
            .concatMap(this::withDetails);
    }

    Flux<Pilot> completedForSupplier(UUID supplierOrganisationId) {
        return db.sql("""
                select * from pilot where supplier_organisation_id = :supplier and status = 'completed'
                order by completed_at desc""")
            .bind("supplier", supplierOrganisationId)
            .map(PilotRepository::pilot)
            .all()
            .as(Rows::whole)
            .concatMap(this::withDetails);
    }

    Mono<UUID> addMilestone(UUID pilotId, String title, LocalDate dueOn) {
        UUID id = UUID.randomUUID();
        return db.sql("""
                insert into pilot_milestone (id, pilot_id, title, due_on, status, position)
                values (:id, :pilot, :title, :due, 'planned',
                    (select count(*) from pilot_milestone where pilot_id = :pilot))""")
            .bind("id", id)
            .bind("pilot", pilotId)
            .bind("title", title)
            .bind("due", dueOn)
            .then()
            .thenReturn(id);
    }

    Mono<Long> updateMilestone(UUID pilotId, UUID milestoneId, String status, LocalDate dueOn) {
        var spec = db.sql("""
                update pilot_milestone set status = :status, due_on = coalesce(:due, due_on)
                where id = :id and pilot_id = :pilot""")
            .bind("id", milestoneId)
            .bind("pilot", pilotId)
            .bind("status", status);
        spec = dueOn == null ? spec.bindNull("due", LocalDate.class) : spec.bind("due", dueOn);
        return spec.fetch().rowsUpdated();
    }

    Mono<UUID> addOutcome(UUID pilotId, String measure, String unit, BigDecimal baseline, BigDecimal target) {
        UUID id = UUID.randomUUID();
        return db.sql("""
                insert into pilot_outcome (id, pilot_id, measure, unit, baseline, target, position)
                values (:id, :pilot, :measure, :unit, :baseline, :target,
                    (select count(*) from pilot_outcome where pilot_id = :pilot))""")
            .bind("id", id)
            .bind("pilot", pilotId)
            .bind("measure", measure)
            .bind("unit", unit)
            .bind("baseline", baseline)
            .bind("target", target)
            .then()
            .thenReturn(id);
    }

    Mono<Long> recordActual(UUID pilotId, UUID outcomeId, BigDecimal actual) {
        return db.sql("update pilot_outcome set actual = :actual where id = :id and pilot_id = :pilot")
            .bind("id", outcomeId)
            .bind("pilot", pilotId)
            .bind("actual", actual)
            .fetch()
            .rowsUpdated();
    }

    Mono<Long> touch(UUID pilotId) {
        return db.sql("update pilot set version = version + 1 where id = :id and status = 'active'")
            .bind("id", pilotId)
            .fetch()
            .rowsUpdated();
    }

    Mono<Void> addLesson(UUID pilotId, UUID organisationId, String party, String lesson, String verdict) {
        var spec = db.sql("""
                insert into pilot_lesson (id, pilot_id, organisation_id, party, lesson, verdict)
                values (:id, :pilot, :org, :party, :lesson, :verdict)""")
            .bind("id", UUID.randomUUID())
            .bind("pilot", pilotId)
            .bind("org", organisationId)
            .bind("party", party)
            .bind("lesson", lesson);
        return (verdict == null ? spec.bindNull("verdict", String.class) : spec.bind("verdict", verdict)).then();
    }

    Mono<Void> addResidentFeedback(UUID pilotId, String kind, String text, @Nullable Integer respondents,
            @Nullable BigDecimal agreePercent) {
        var spec = db.sql("""
                insert into pilot_resident_feedback (id, pilot_id, kind, text, respondents, agree_percent)
                values (:id, :pilot, :kind, :text, :respondents, :agree)""")
            .bind("id", UUID.randomUUID())
            .bind("pilot", pilotId)
            .bind("kind", kind)
            .bind("text", text);
        spec = respondents == null ? spec.bindNull("respondents", Integer.class)
                : spec.bind("respondents", respondents);
        spec = agreePercent == null ? spec.bindNull("agree", BigDecimal.class) : spec.bind("agree", agreePercent);
        return spec.then();
    }

    /**
     * One page of the library: completed pilots matching the filter, most recently
     * completed first.
     */
    Flux<LibraryEntry> library(PilotLibraryFilter filter, int limit) {
        var spec = db.sql("""
                select p.*, c.summary as problem, c.categories, c.regions, a.name as association_name,
                       s.name as supplier_name,
                       (select count(*) from pilot_resident_feedback f where f.pilot_id = p.id) as resident_voices
                from pilot p
                join challenge c on c.id = p.challenge_id
                join organisation a on a.id = p.association_organisation_id
                join organisation s on s.id = p.supplier_organisation_id
                where p.status = 'completed' and c.hidden_reason is null
                  and (cast(:category as text) is null or :category = any(c.categories))
                  and (cast(:region as text) is null or :region = any(c.regions))
                  and (cast(:outcome as text) is null or p.outcome = :outcome)
                  and (cast(:q as text) is null or (p.title || ' ' || c.title || ' ' || c.summary || ' '
                       || coalesce(p.final_report, '')) ilike '%' || :q || '%')
                  and (p.completed_at, p.id) < (:beforeAt, :beforeId)
                order by p.completed_at desc, p.id desc limit :limit""");
        spec = bindOrNull(spec, "category", filter.category());
        spec = bindOrNull(spec, "region", filter.region());
        spec = bindOrNull(spec, "outcome", filter.outcome());
        spec = bindOrNull(spec, "q",
                filter.q() == null ? null : filter.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
        spec = spec
            .bind("beforeAt", filter.after() == null ? Instant.parse("9999-12-31T00:00:00Z") : filter.after().at())
            .bind("beforeId", filter.after() == null ? new UUID(-1L, -1L) : filter.after().id())
            .bind("limit", limit);
        return spec
            .map(row -> new LibraryEntry(pilot(row), row.get("problem", String.class),
                    List.of(row.get("categories", String[].class)), List.of(row.get("regions", String[].class)),
                    row.get("association_name", String.class), row.get("supplier_name", String.class),
                    row.get("resident_voices", Long.class).intValue()))
            .all()
            .as(Rows::whole)
            .concatMap(entry -> withDetails(entry.pilot()).map(entry::with));
    }

    /**
     * A completed pilot's case: its challenge (the problem) and the winning response's
     * approach.
     */
    Mono<CaseContext> caseContext(UUID pilotId) {
        return db.sql("""
                select c.id as challenge_id, c.title as challenge_title, c.summary, c.description, c.categories,
                       c.regions, a.name as association_name, s.name as supplier_name, sp.id as supplier_profile_id,
                       r.approach
                from pilot p
                join challenge c on c.id = p.challenge_id
                join challenge_response r on r.id = p.response_id
                join organisation a on a.id = p.association_organisation_id
                join organisation s on s.id = p.supplier_organisation_id
                left join supplier_profile sp on sp.organisation_id = p.supplier_organisation_id
                     and sp.status = 'published' and sp.hidden_reason is null
                where p.id = :id and p.status = 'completed' and c.hidden_reason is null""")
            .bind("id", pilotId)
            .map(row -> new CaseContext(row.get("challenge_id", UUID.class), row.get("challenge_title", String.class),
                    row.get("summary", String.class), row.get("description", String.class),
                    List.of(row.get("categories", String[].class)), List.of(row.get("regions", String[].class)),
                    row.get("association_name", String.class), row.get("supplier_name", String.class),
                    row.get("supplier_profile_id", UUID.class), row.get("approach", String.class)))
            .all()
            .as(Rows::whole)
            .next();
    }

    record LibraryEntry(Pilot pilot, String problem, List<String> categories, List<String> regions,
            String associationName, String supplierName, int residentVoices) {

        LibraryEntry with(Pilot detailed) {
            return new LibraryEntry(detailed, problem, categories, regions, associationName, supplierName,
                    residentVoices);
        }
    }

    record CaseContext(UUID challengeId, String challengeTitle, String summary, String description,
            List<String> categories, List<String> regions, String associationName, String supplierName,
            UUID supplierProfileId, String approach) {
    }

    private static DatabaseClient.GenericExecuteSpec bindOrNull(DatabaseClient.GenericExecuteSpec spec, String name,
            @Nullable String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    Mono<Long> complete(UUID pilotId, String finalReport, String outcome) {
        return db.sql("""
                update pilot set status = 'completed', final_report = :report, outcome = :outcome,
                    completed_at = now(), version = version + 1
                where id = :id and status = 'active'""")
            .bind("id", pilotId)
            .bind("report", finalReport)
            .bind("outcome", outcome)
            .fetch()
            .rowsUpdated();
    }

    private Mono<Pilot> withDetails(Pilot pilot) {
        Mono<List<Pilot.Milestone>> milestones = db
            .sql("select * from pilot_milestone where pilot_id = :id order by due_on, position")
            .bind("id", pilot.id())
            .map(row -> new Pilot.Milestone(row.get("id", UUID.class), row.get("title", String.class),
                    row.get("due_on", LocalDate.class), row.get("status", String.class)))
            .all()
            .collectList();
        Mono<List<Pilot.Outcome>> outcomes = db
            .sql("select * from pilot_outcome where pilot_id = :id order by position")
            .bind("id", pilot.id())
            .map(row -> new Pilot.Outcome(row.get("id", UUID.class), row.get("measure", String.class),
                    row.get("unit", String.class), row.get("baseline", BigDecimal.class),
                    row.get("target", BigDecimal.class), row.get("actual", BigDecimal.class)))
            .all()
            .collectList();
        Mono<List<Pilot.Lesson>> lessons = db.sql("""
                select l.*, o.name as organisation_name from pilot_lesson l
                join organisation o on o.id = l.organisation_id where l.pilot_id = :id order by l.created_at, l.id""")
            .bind("id", pilot.id())
            .map(row -> new Pilot.Lesson(row.get("id", UUID.class), row.get("party", String.class),
                    row.get("organisation_name", String.class), row.get("lesson", String.class),
                    row.get("verdict", String.class), row.get("created_at", Instant.class)))
            .all()
            .collectList();
        Mono<List<Pilot.ResidentFeedback>> feedback = db
            .sql("select * from pilot_resident_feedback where pilot_id = :id order by created_at, id")
            .bind("id", pilot.id())
            .map(row -> new Pilot.ResidentFeedback(row.get("id", UUID.class), row.get("kind", String.class),
                    row.get("text", String.class), row.get("respondents", Integer.class),
                    row.get("agree_percent", BigDecimal.class), row.get("created_at", Instant.class)))
            .all()
            .collectList();
        return Mono.zip(milestones, outcomes, lessons, feedback)
            .map(all -> pilot.with(all.getT1(), all.getT2(), all.getT3(), all.getT4()));
    }

    private static Pilot pilot(Readable row) {
        return new Pilot(row.get("id", UUID.class), row.get("challenge_id", UUID.class),
                row.get("response_id", UUID.class), row.get("association_organisation_id", UUID.class),
                row.get("supplier_organisation_id", UUID.class), row.get("title", String.class),
                row.get("status", String.class), row.get("final_report", String.class),
                row.get("outcome", String.class), row.get("created_at", Instant.class),
                row.get("completed_at", Instant.class), row.get("version", Long.class), List.of(), List.of(), List.of(),
                List.of());
    }

}
