package io.launchpad.api.moderation;

import io.launchpad.api.database.Rows;
import io.launchpad.api.notification.Notifications;
import io.launchpad.api.notification.Notifications.Event;
import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.security.Caller;
import io.launchpad.api.web.Cursor;
import io.launchpad.api.web.Page;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Hiding and restoring content, admins only. The feature's own mark, the list of what is
 * hidden ({@code moderation_hold}) and the trail ({@code moderation_action}: who, when,
 * why) change in one transaction, so an item is never hidden without a record of who hid
 * it.
 */
@Service
class Moderation {

    /** One hidden item as the moderation list shows it. */
    record Hold(String kind, UUID id, String title, String reason, Instant hiddenAt) {
    }

    /** One entry of the trail. */
    record Action(long id, String kind, UUID targetId, String action, String reason, Instant at) {
    }

    private final Map<String, ModeratedContent> byKind = new LinkedHashMap<>();

    private final DatabaseClient db;

    private final Notifications notifications;

    Moderation(List<ModeratedContent> contents, DatabaseClient db, Notifications notifications) {
        contents.forEach(content -> byKind.put(content.kind(), content));
        this.db = db;
        this.notifications = notifications;
    }

    List<String> kinds() {
        return List.copyOf(byKind.keySet());
    }

    @Transactional
    public Mono<Hold> hide(Caller caller, String kind, UUID id, String reason) {
        return admin(caller).then(Mono.defer(() -> content(kind).setHidden(id, reason)))
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound(kind + " " + id)))
            .flatMap(target -> db.sql("""
                    insert into moderation_hold (kind, target_id, title, reason, hidden_by_subject)
                    values (:kind, :id, :title, :reason, :subject)
                    on conflict (kind, target_id) do update set title = excluded.title, reason = excluded.reason,
                        hidden_by_subject = excluded.hidden_by_subject, hidden_at = now()
                    returning *""")
                .bind("kind", kind)
                .bind("id", id)
                .bind("title", target.title())
                .bind("reason", reason)
                .bind("subject", caller.subject())
                .map(Moderation::hold)
                .one()
                // the owner hears why, in the same transaction: hidden and told, or
                // neither
                .flatMap(hold -> log(caller, kind, id, "hidden", reason)
                    .flatMap(action -> notifications.record(Event.contentHidden(action, target.organisationId(),
                            target.link(), target.title(), reason)))
                    .thenReturn(hold)));
    }

    @Transactional
    public Mono<Void> restore(Caller caller, String kind, UUID id) {
        return admin(caller).then(Mono.defer(() -> content(kind).setHidden(id, null)))
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound(kind + " " + id)))
            .flatMap(target -> db.sql("delete from moderation_hold where kind = :kind and target_id = :id")
                .bind("kind", kind)
                .bind("id", id)
                .fetch()
                .rowsUpdated()
                .flatMap(removed -> removed > 0
                        ? log(caller, kind, id, "restored", null).flatMap(action -> notifications.record(
                                Event.contentRestored(action, target.organisationId(), target.link(), target.title())))
                        : Mono.empty()))
            .then();
    }

    /** What is hidden now, most recently hidden first. */
    public Mono<Page<Hold>> hidden(Caller caller, @Nullable Cursor after, int limit) {
        var spec = db.sql("""
                select * from moderation_hold
                where cast(:afterAt as timestamptz) is null or (hidden_at, target_id) < (:afterAt, :afterId)
                order by hidden_at desc, target_id desc limit :limit""");
        spec = after == null ? spec.bindNull("afterAt", Instant.class).bindNull("afterId", UUID.class)
                : spec.bind("afterAt", after.at()).bind("afterId", after.id());
        var page = spec.bind("limit", limit + 1).map(Moderation::hold).all().as(Rows::whole).collectList();
        return admin(caller).then(page).map(rows -> {
            boolean more = rows.size() > limit;
            var items = more ? rows.subList(0, limit) : rows;
            String next = more ? new Cursor(items.getLast().hiddenAt(), items.getLast().id()).encode() : null;
            return new Page<>(items, next);
        });
    }

    /**
     * Who hid or restored one item, newest first (the subject is left out: the admin sees
     * it in the logs).
     */
    public Mono<List<Action>> trail(Caller caller, String kind, UUID id) {
        return admin(caller).then(Mono.defer(() -> {
            content(kind);
            return db.sql("""
                    select * from moderation_action where kind = :kind and target_id = :id order by at desc, id desc""")
                .bind("kind", kind)
                .bind("id", id)
                .map(row -> new Action(row.get("id", Long.class), row.get("kind", String.class),
                        row.get("target_id", UUID.class), row.get("action", String.class),
                        row.get("reason", String.class), row.get("at", Instant.class)))
                .all()
                .as(Rows::whole)
                .collectList();
        }));
    }

    /** Writes one entry of the trail and returns its id. */
    private Mono<Long> log(Caller caller, String kind, UUID id, String action, @Nullable String reason) {
        var spec = db.sql("""
                insert into moderation_action (kind, target_id, action, reason, actor_subject)
                values (:kind, :id, :action, :reason, :subject) returning id""")
            .bind("kind", kind)
            .bind("id", id)
            .bind("action", action)
            .bind("subject", caller.subject());
        spec = reason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", reason);
        return spec.map(row -> row.get("id", Long.class)).one();
    }

    private ModeratedContent content(String kind) {
        ModeratedContent content = byKind.get(kind);
        if (content == null) {
            throw ApiProblem.invalid("kind", "one-of", "must be one of " + String.join(", ", byKind.keySet()));
        }
        return content;
    }

    private static Mono<Void> admin(Caller caller) {
        return caller.isAdmin() ? Mono.empty()
                : Mono.error(ApiProblem.forbidden("Only administrators moderate content"));
    }

    private static Hold hold(Readable row) {
        return new Hold(row.get("kind", String.class), row.get("target_id", UUID.class), row.get("title", String.class),
                row.get("reason", String.class), row.get("hidden_at", Instant.class));
    }

}
