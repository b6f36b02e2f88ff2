package io.launchpad.api.notification;

import io.launchpad.api.database.Rows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Records "closes soon", "question window closing" and "milestone due" events. Every
 * instance may run it: an event's key (challenge and date, milestone and date) makes a
 * second recording a no-op.
 */
@Component
class NotificationDeadlines {

    private static final Logger log = LoggerFactory.getLogger(NotificationDeadlines.class);
    static final int DAYS_AHEAD = 3;

    /**
     * Questions are taken to the end of their last day, so a last day of today or
     * tomorrow ends within 48 hours: late enough to be news, early enough to still ask.
     */
    static final int QUESTION_WINDOW_DAYS_AHEAD = 1;

    private final DatabaseClient db;

    private final Notifications notifications;

    private final Clock clock;

    NotificationDeadlines(DatabaseClient db, Notifications notifications, Clock clock) {
        this.db = db;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${launchpad.notifications.deadline-interval:PT1H}")
    void scheduled() {
        try {
            recordDue().block(Duration.ofMinutes(1));
        }
        catch (RuntimeException e) {
            log.atWarn().setCause(e).log("recording deadline notifications failed; will retry");
        }
    }

    Mono<Void> recordDue() {
        LocalDate today = LocalDate.now(clock);
        LocalDate horizon = today.plusDays(DAYS_AHEAD);
        var closing = db.sql("""
                select id, title, closing_date from challenge
                where status = 'published' and closing_date between :today and :horizon""")
            .bind("today", today)
            .bind("horizon", horizon)
            .map(row -> Notifications.Event.closingSoon(row.get("id", UUID.class), row.get("title", String.class),
                    row.get("closing_date", LocalDate.class)))
            .all()
            .as(Rows::whole);
        // a window without its own end closes with the challenge, which "closes soon"
        // already says
        var questionWindows = db.sql("""
                select id, title, questions_close_on from challenge
                where status = 'published' and questions_close_on < closing_date
                  and questions_close_on between :today and :horizon""")
            .bind("today", today)
            .bind("horizon", today.plusDays(QUESTION_WINDOW_DAYS_AHEAD))
            .map(row -> Notifications.Event.questionWindowClosing(row.get("id", UUID.class),
                    row.get("title", String.class), row.get("questions_close_on", LocalDate.class)))
            .all()
            .as(Rows::whole);
        var milestones = db.sql("""
                select p.challenge_id, m.id, m.title, m.due_on from pilot_milestone m join pilot p on p.id = m.pilot_id
                where p.status = 'active' and m.status in ('planned', 'in-progress')
                  and m.due_on between :today and :horizon""")
            .bind("today", today)
            .bind("horizon", horizon)
            .map(row -> Notifications.Event.milestoneDue(row.get("challenge_id", UUID.class), row.get("id", UUID.class),
                    row.get("title", String.class), row.get("due_on", LocalDate.class)))
            .all()
            .as(Rows::whole);
        return Flux.concat(closing, questionWindows, milestones).concatMap(notifications::record).then();
    }

}
