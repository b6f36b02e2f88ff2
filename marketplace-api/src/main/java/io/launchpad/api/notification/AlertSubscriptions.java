package io.launchpad.api.notification;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * How often a person hears of new challenges by email, and the one-click way out of it.
 */
@Repository
class AlertSubscriptions {

    private final DatabaseClient db;

    AlertSubscriptions(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The person may not have a row yet (they have never been mailed): one is made with
     * their email, if known.
     */
    Mono<Void> setFrequency(String subject, @Nullable String email, String frequency) {
        var spec = db.sql("""
                insert into person (subject, email, alert_frequency) values (:s, :email, :f)
                on conflict (subject) do update set alert_frequency = excluded.alert_frequency, updated_at = now()""")
            .bind("s", subject)
            .bind("f", frequency);
        spec = email == null ? spec.bindNull("email", String.class) : spec.bind("email", email);
        return spec.then();
    }

    /** False when the token is nobody's (never issued, or its search is gone already). */
    Mono<Boolean> unsubscribe(UUID token) {
        Mono<Long> person = db.sql("""
                with p as (update person set alert_frequency = 'off', updated_at = now()
                           where unsubscribe_token = :t returning subject),
                     s as (delete from saved_search where subject in (select subject from p)),
                     n as (update notification set frequency = 'none'
                           where recipient_subject in (select subject from p) and emailed_at is null
                             and kind = 'challenge-published')
                select count(*) as n from p""").bind("t", token).map(row -> row.get("n", Long.class)).one();
        Mono<Long> search = db.sql("delete from saved_search where unsubscribe_token = :t")
            .bind("t", token)
            .fetch()
            .rowsUpdated();
        return person.zipWith(search).map(both -> both.getT1() + both.getT2() > 0);
    }

}
