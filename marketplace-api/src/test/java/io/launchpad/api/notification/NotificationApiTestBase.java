package io.launchpad.api.notification;

import io.launchpad.api.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.UUID;

/**
 * What the notification suites share: the jobs, a person's calls, their notifications as
 * stored, their mailbox address.
 */
abstract class NotificationApiTestBase extends ApiTestBase {

    // the scheduled jobs, also called directly so that a test decides when they run
    @Autowired
    NotificationFanOut fanOut;

    @Autowired
    NotificationMailer mailer;

    @Autowired
    NotificationDeadlines deadlines;

    /**
     * The kinds of notification the person holds for the challenge, straight from the
     * tables.
     */
    List<String> notificationsFor(Actor actor, UUID challenge) {
        return db.sql("""
                select n.kind from notification n join notification_event e on e.id = n.event_id
                where n.recipient_subject = :s and e.challenge_id = :c""")
            .bind("s", actor.user().subject())
            .bind("c", challenge)
            .map(row -> row.get("kind", String.class))
            .all()
            .collectList()
            .block();
    }

    /**
     * The address the test tokens give the person, so where the mailer sends their email.
     */
    static String email(Actor actor) {
        return "user-" + actor.user().subject().substring(0, 8) + "@example.org";
    }

}
