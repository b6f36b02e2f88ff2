package io.launchpad.api.audit;

import io.launchpad.api.database.Rows;
import io.launchpad.api.organisation.Organisations;
import io.launchpad.api.privacy.PersonalData;
import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.security.Caller;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Set;

/**
 * Who viewed or changed a candidate's data. Written in the same transaction as a change
 * (so a change is never unaudited) and on every read of candidate data by someone other
 * than the candidate. Admins read all of it; a candidate reads the entries about
 * themselves, with the actor shown by role and organisation, never by another person's
 * identifier.
 */
@Service
public class AuditLog implements PersonalData {

    public enum Action {

        VIEWED, CREATED, UPDATED, APPLIED, DECIDED, MATCHED, EXPORTED, RETENTION_WARNED

    }

    /** What the candidate sees. */
    public record Entry(long id, Instant at, String actor, String action, UUID candidateId, String resource) {
    }

    /** What an admin sees: the actor's subject as well. */
    public record AdminEntry(long id, Instant at, String actorSubject, String actor, String action, UUID candidateId,
            String personSubject, String resource) {
    }

    private final DatabaseClient db;

    private final Organisations organisations;

    AuditLog(DatabaseClient db, Organisations organisations) {
        this.db = db;
        this.organisations = organisations;
    }

    /**
     * How the candidate will see this caller: by the organisations they act for, or by
     * role; never by the other person's own identifiers (those are that person's personal
     * data).
     */
    public Mono<String> labelOf(Caller caller, @Nullable String personSubject) {
        if (personSubject != null && personSubject.equals(caller.subject())) {
            return Mono.just("you");
        }
        if (caller.isAdmin()) {
            return Mono.just("a Launchpad administrator");
        }
        if (caller.isSystem()) {
            return Mono.just("Launchpad (automatic)");
        }
        return organisations.membershipsOf(caller)
            .map(m -> m.organisationName() + " (" + m.organisationType().code() + ")")
            .collectList()
            .map(names -> names.isEmpty() ? "a signed-in "
                    + caller.roles().stream().map(r -> r.name().toLowerCase()).sorted().findFirst().orElse("user")
                    : String.join(", ", names));
    }

    /** Records with the label {@link #labelOf} gives. */
    public Mono<Void> record(Caller caller, Action action, UUID candidateId, String personSubject, String resource) {
        return labelOf(caller, personSubject)
            .flatMap(label -> record(caller, label, action, candidateId, personSubject, resource));
    }

    /**
     * Records that the caller did something to a person's candidate data.
     * {@code actorLabel} is how the candidate will see the actor ("association: Riverside
     * Homes", "admin", "you").
     */
    public Mono<Void> record(Caller caller, String actorLabel, Action action, UUID candidateId, String personSubject,
            String resource) {
        return db.sql("""
                insert into audit_entry (actor_subject, actor_label, action, candidate_id, person_subject, resource)
                values (:actor, :label, :action, :candidate, :person, :resource)""")
            .bind("actor", caller.isAnonymous() ? "anonymous" : caller.subject())
            .bind("label", actorLabel)
            .bind("action", action.name().toLowerCase())
            .bind("candidate", candidateId)
            .bind("person", personSubject)
            .bind("resource", resource)
            .then();
    }

    /**
     * As {@link #record(Caller, String, Action, UUID, String, String)} for many
     * candidates at once (a page of matches), in one statement: {@code people} maps each
     * candidate id to the person it belongs to.
     */
    public Mono<Void> recordAll(Caller caller, String actorLabel, Action action, Map<UUID, String> people,
            String resource) {
        if (people.isEmpty()) {
            return Mono.empty();
        }
        List<Map.Entry<UUID, String>> entries = List.copyOf(people.entrySet());
        return db.sql("""
                insert into audit_entry (actor_subject, actor_label, action, candidate_id, person_subject, resource)
                select :actor, :label, :action, c.candidate, c.person, :resource
                from unnest(cast(:candidates as uuid[]), cast(:people as text[])) as c(candidate, person)""")
            .bind("actor", caller.isAnonymous() ? "anonymous" : caller.subject())
            .bind("label", actorLabel)
            .bind("action", action.name().toLowerCase())
            .bind("candidates", entries.stream().map(Map.Entry::getKey).toArray(UUID[]::new))
            .bind("people", entries.stream().map(Map.Entry::getValue).toArray(String[]::new))
            .bind("resource", resource)
            .then();
    }

    /** Audit entries about the caller's own candidate data. */
    public Flux<Entry> about(String personSubject, int limit) {
        return db.sql("select * from audit_entry where person_subject = :p order by id desc limit :limit")
            .bind("p", personSubject)
            .bind("limit", limit)
            .map(AuditLog::entry)
            .all()
            .as(Rows::whole);
    }

    /** Admin view, optionally narrowed to one candidate. */
    public Flux<AdminEntry> all(Caller caller, @Nullable UUID candidateId, int limit) {
        if (!caller.isAdmin()) {
            return Flux.error(ApiProblem.forbidden("Only admins read the whole audit log"));
        }
        var spec = db.sql("""
                select * from audit_entry where (cast(:candidate as uuid) is null or candidate_id = :candidate)
                order by id desc limit :limit""");
        spec = candidateId == null ? spec.bindNull("candidate", UUID.class) : spec.bind("candidate", candidateId);
        return spec.bind("limit", limit)
            .map(row -> new AdminEntry(row.get("id", Long.class), row.get("at", Instant.class),
                    row.get("actor_subject", String.class), row.get("actor_label", String.class),
                    row.get("action", String.class), row.get("candidate_id", UUID.class),
                    row.get("person_subject", String.class), row.get("resource", String.class)))
            .all()
            .as(Rows::whole);
    }

    @Override
    public String section() {
        return "auditLog";
    }

    @Override
    public Set<String> tables() {
        return Set.of("audit_entry");
    }

    @Override
    public int erasureOrder() {
        return 70;
    }

    @Override
    public Mono<Object> export(String subject) {
        return about(subject, 10_000).collectList().map(list -> list);
    }

    /**
     * Entries about the person go with them; entries where they were the actor (an
     * association member who viewed someone) keep the fact but lose the person.
     */
    @Override
    public Mono<Erased> erase(String subject) {
        return db.sql("delete from audit_entry where person_subject = :s")
            .bind("s", subject)
            .fetch()
            .rowsUpdated()
            .zipWith(db.sql("update audit_entry set actor_subject = 'erased' where actor_subject = :s")
                .bind("s", subject)
                .fetch()
                .rowsUpdated(), Long::sum)
            .map(rows -> new Erased(rows, 0));
    }

    private static Entry entry(Readable row) {
        return new Entry(row.get("id", Long.class), row.get("at", Instant.class), row.get("actor_label", String.class),
                row.get("action", String.class), row.get("candidate_id", UUID.class),
                row.get("resource", String.class));
    }

}
