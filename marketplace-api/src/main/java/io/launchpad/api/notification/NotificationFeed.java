package io.launchpad.api.notification;

import io.launchpad.api.database.Rows;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;

/**
 * A person's in-app notifications: what the feed and the live stream read, and marking
 * them read.
 */
@Repository
class NotificationFeed {

    private final DatabaseClient db;

    NotificationFeed(DatabaseClient db) {
        this.db = db;
    }

    /** The newest {@code limit} after the given id (0 for all), newest first. */
    Flux<NotificationView> after(String subject, long afterId, int limit) {
        return db.sql("""
                select id, kind, title, link, created_at, read_at from notification
                where recipient_subject = :s and id > :after order by id desc limit :limit""")
            .bind("s", subject)
            .bind("after", afterId)
            .bind("limit", limit)
            .map(row -> new NotificationView(row.get("id", Long.class), row.get("kind", String.class),
                    row.get("title", String.class), row.get("link", String.class), row.get("created_at", Instant.class),
                    row.get("read_at", Instant.class)))
            .all()
            .as(Rows::whole);
    }

    Mono<Long> unread(String subject) {
        return db.sql("select count(*) as n from notification where recipient_subject = :s and read_at is null")
            .bind("s", subject)
            .map(row -> row.get("n", Long.class))
            .one();
    }

    /**
     * The id a new stream starts after, so it sends only what arrives from now on (0 when
     * there is none).
     */
    Mono<Long> latestId(String subject) {
        return db.sql("select coalesce(max(id), 0) as id from notification where recipient_subject = :s")
            .bind("s", subject)
            .map(row -> row.get("id", Long.class))
            .one();
    }

    /**
     * False when the person has no such notification; reading it twice keeps the first
     * time.
     */
    Mono<Boolean> markRead(long id, String subject) {
        return db.sql("""
                update notification set read_at = coalesce(read_at, now())
                where id = :id and recipient_subject = :s""")
            .bind("id", id)
            .bind("s", subject)
            .fetch()
            .rowsUpdated()
            .map(rows -> rows == 1);
    }

    Mono<Void> markAllRead(String subject) {
        return db.sql("update notification set read_at = now() where recipient_subject = :s and read_at is null")
            .bind("s", subject)
            .then();
    }

}
