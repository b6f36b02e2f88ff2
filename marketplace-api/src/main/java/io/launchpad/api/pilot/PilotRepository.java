package io.launchpad.api.pilot;

import io.launchpad.api.database.Rows;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

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
                .bind("id", id).bind("challenge", challengeId).bind("response", responseId)
                .bind("association", associationId).bind("supplier", supplierId).bind("title", title)
                .then().thenReturn(id);
    }

    Mono<Pilot> find(UUID id) {
        return db.sql("select * from pilot where id = :id").bind("id", id).map(PilotRepository::pilot).one()
                .flatMap(this::withDetails);
    }

    Flux<Pilot> forOrganisations(List<UUID> organisationIds) {
        return db.sql("""
                select * from pilot where association_organisation_id = any(:orgs) or supplier_organisation_id = any(:orgs)
                order by created_at desc limit 100""").bind("orgs", organisationIds.toArray(UUID[]::new))
                .map(PilotRepository::pilot).all().as(Rows::whole).concatMap(this::withDetails);
    }

    /** The pilots of these challenges; only a completed one carries its milestones and outcomes. */
    Flux<Pilot> forChallengesPublicly(java.util.Collection<UUID> challengeIds) {
        return db.sql("select * from pilot where challenge_id = any(:ids)").bind("ids", challengeIds.toArray(UUID[]::new))
                .map(PilotRepository::pilot).all().as(Rows::whole)
                .concatMap(pilot -> pilot.isCompleted() ? withDetails(pilot) : Mono.just(pilot));
    }

    Flux<Pilot> latestCompleted(int limit) {
        return db.sql("select * from pilot where status = 'completed' order by completed_at desc, id limit :limit")
                .bind("limit", limit)
                .map(PilotRepository::pilot).all().as(Rows::whole).concatMap(this::withDetails);
    }

    Flux<Pilot> completedForSupplier(UUID supplierOrganisationId) {
        return db.sql("""
                select * from pilot where supplier_organisation_id = :supplier and status = 'completed'
                order by completed_at desc""").bind("supplier", supplierOrganisationId)
                .map(PilotRepository::pilot).all().as(Rows::whole).concatMap(this::withDetails);
    }

    Mono<UUID> addMilestone(UUID pilotId, String title, LocalDate dueOn) {
        UUID id = UUID.randomUUID();
        return db.sql("""
                insert into pilot_milestone (id, pilot_id, title, due_on, status, position)
                values (:id, :pilot, :title, :due, 'planned',
                    (select count(*) from pilot_milestone where pilot_id = :pilot))""")
                .bind("id", id).bind("pilot", pilotId).bind("title", title).bind("due", dueOn).then().thenReturn(id);
    }

    Mono<Long> updateMilestone(UUID pilotId, UUID milestoneId, String status, LocalDate dueOn) {
        var spec = db.sql("""
                update pilot_milestone set status = :status, due_on = coalesce(:due, due_on)
                where id = :id and pilot_id = :pilot""")
                .bind("id", milestoneId).bind("pilot", pilotId).bind("status", status);
        spec = dueOn == null ? spec.bindNull("due", LocalDate.class) : spec.bind("due", dueOn);
        return spec.fetch().rowsUpdated();
    }

    Mono<UUID> addOutcome(UUID pilotId, String measure, String unit, BigDecimal baseline, BigDecimal target) {
        UUID id = UUID.randomUUID();
        return db.sql("""
                insert into pilot_outcome (id, pilot_id, measure, unit, baseline, target, position)
                values (:id, :pilot, :measure, :unit, :baseline, :target,
                    (select count(*) from pilot_outcome where pilot_id = :pilot))""")
                .bind("id", id).bind("pilot", pilotId).bind("measure", measure).bind("unit", unit)
                .bind("baseline", baseline).bind("target", target).then().thenReturn(id);
    }

    Mono<Long> recordActual(UUID pilotId, UUID outcomeId, BigDecimal actual) {
        return db.sql("update pilot_outcome set actual = :actual where id = :id and pilot_id = :pilot")
                .bind("id", outcomeId).bind("pilot", pilotId).bind("actual", actual).fetch().rowsUpdated();
    }

    Mono<Long> touch(UUID pilotId) {
        return db.sql("update pilot set version = version + 1 where id = :id and status = 'active'")
                .bind("id", pilotId).fetch().rowsUpdated();
    }

    Mono<Long> complete(UUID pilotId, String finalReport, String outcome) {
        return db.sql("""
                update pilot set status = 'completed', final_report = :report, outcome = :outcome,
                    completed_at = now(), version = version + 1
                where id = :id and status = 'active'""")
                .bind("id", pilotId).bind("report", finalReport).bind("outcome", outcome).fetch().rowsUpdated();
    }

    private Mono<Pilot> withDetails(Pilot pilot) {
        Mono<List<Pilot.Milestone>> milestones = db.sql(
                        "select * from pilot_milestone where pilot_id = :id order by due_on, position")
                .bind("id", pilot.id())
                .map(row -> new Pilot.Milestone(row.get("id", UUID.class), row.get("title", String.class),
                        row.get("due_on", LocalDate.class), row.get("status", String.class)))
                .all().collectList();
        Mono<List<Pilot.Outcome>> outcomes = db.sql("select * from pilot_outcome where pilot_id = :id order by position")
                .bind("id", pilot.id())
                .map(row -> new Pilot.Outcome(row.get("id", UUID.class), row.get("measure", String.class),
                        row.get("unit", String.class), row.get("baseline", BigDecimal.class),
                        row.get("target", BigDecimal.class), row.get("actual", BigDecimal.class)))
                .all().collectList();
        return Mono.zip(milestones, outcomes).map(both -> pilot.with(both.getT1(), both.getT2()));
    }

    private static Pilot pilot(Readable row) {
        return new Pilot(row.get("id", UUID.class), row.get("challenge_id", UUID.class),
                row.get("response_id", UUID.class), row.get("association_organisation_id", UUID.class),
                row.get("supplier_organisation_id", UUID.class), row.get("title", String.class),
                row.get("status", String.class), row.get("final_report", String.class),
                row.get("outcome", String.class), row.get("created_at", Instant.class),
                row.get("completed_at", Instant.class), row.get("version", Long.class), List.of(), List.of());
    }
}
