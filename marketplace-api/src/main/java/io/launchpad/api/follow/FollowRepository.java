package io.launchpad.api.follow;

import io.launchpad.api.database.Rows;
import io.launchpad.api.web.Cursor;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Repository
class FollowRepository {

    private final DatabaseClient db;

    FollowRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Following twice keeps the first time: the row is the fact, not the request. */
    Mono<Void> follow(UUID challengeId, String subject) {
        return db.sql("""
                insert into challenge_follow (challenge_id, subject) values (:challenge, :subject)
                on conflict (challenge_id, subject) do nothing""")
            .bind("challenge", challengeId)
            .bind("subject", subject)
            .then();
    }

    Mono<Void> unfollow(UUID challengeId, String subject) {
        return db.sql("delete from challenge_follow where challenge_id = :challenge and subject = :subject")
            .bind("challenge", challengeId)
            .bind("subject", subject)
            .then();
    }

    /**
     * When the person started following the challenge; empty when they do not follow it.
     */
    Mono<Instant> followedAt(UUID challengeId, String subject) {
        return db.sql("select followed_at from challenge_follow where challenge_id = :challenge and subject = :subject")
            .bind("challenge", challengeId)
            .bind("subject", subject)
            .map(row -> row.get("followed_at", Instant.class))
            .one();
    }

    /**
     * The person's follows, newest first, after the cursor (keyset on followed_at,
     * challenge id).
     */
    Flux<FollowedChallenge> followedBy(String subject, @Nullable Cursor after, int limit) {
        var spec = db
            .sql("""
                    select f.challenge_id, c.title, c.status, c.closing_date, c.questions_close_on, f.followed_at
                    from challenge_follow f join challenge c on c.id = f.challenge_id
                    where f.subject = :subject %s
                    order by f.followed_at desc, f.challenge_id desc limit :limit"""
                .formatted(after == null ? "" : "and (f.followed_at, f.challenge_id) < (:at, :id)"))
            .bind("subject", subject)
            .bind("limit", limit);
        if (after != null) {
            spec = spec.bind("at", after.at()).bind("id", after.id());
        }
        return spec.map(FollowRepository::followed).all().as(Rows::whole);
    }

    /** Everything, for the person's export (bounded by the challenges ever published). */
    Flux<FollowedChallenge> allFollowedBy(String subject) {
        return db.sql("""
                select f.challenge_id, c.title, c.status, c.closing_date, c.questions_close_on, f.followed_at
                from challenge_follow f join challenge c on c.id = f.challenge_id
                where f.subject = :subject order by f.followed_at, f.challenge_id""")
            .bind("subject", subject)
            .map(FollowRepository::followed)
            .all()
            .as(Rows::whole);
    }

    Flux<String> followers(UUID challengeId) {
        return db
            .sql("select subject from challenge_follow where challenge_id = :challenge order by followed_at, subject")
            .bind("challenge", challengeId)
            .map(row -> row.get("subject", String.class))
            .all()
            .as(Rows::whole);
    }

    Mono<Long> eraseFor(String subject) {
        return db.sql("delete from challenge_follow where subject = :subject")
            .bind("subject", subject)
            .fetch()
            .rowsUpdated();
    }

    private static FollowedChallenge followed(Readable row) {
        return new FollowedChallenge(row.get("challenge_id", UUID.class), row.get("title", String.class),
                row.get("status", String.class), row.get("closing_date", LocalDate.class),
                row.get("questions_close_on", LocalDate.class), row.get("followed_at", Instant.class));
    }

}
