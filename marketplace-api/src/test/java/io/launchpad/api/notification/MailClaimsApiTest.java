package io.launchpad.api.notification;

import io.launchpad.api.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import jakarta.mail.MessagingException;

/**
 * Several instances share one notification table: a claim held by a live instance is left
 * alone, a dead one's is taken over.
 */
class MailClaimsApiTest extends NotificationApiTestBase {

    @Test
    void aFreshClaimIsLeftToItsInstanceAndAnExpiredOneIsSentByTheNext() throws Exception {
        Actor person = actor("supplier");
        get("/api/v1/notifications", person).expectStatus().isOk(); // known to the
                                                                    // directory, with an
                                                                    // email
        String marker = UUID.randomUUID().toString().substring(0, 8);
        long busy = notification(person, "Busy elsewhere " + marker, Duration.ofMinutes(1));
        long abandoned = notification(person, "Abandoned by a crashed instance " + marker, Duration.ofMinutes(11));
        long fresh = notification(person, "Never claimed " + marker, null);

        mailer.sendInstant().block(Duration.ofSeconds(30));

        List<String> subjects = TestMail.to(email(person))
            .stream()
            .map(MailClaimsApiTest::subject)
            .filter(subject -> subject.endsWith(marker))
            .toList();
        assertThat(subjects).containsExactlyInAnyOrder("Abandoned by a crashed instance " + marker,
                "Never claimed " + marker);
        assertThat(emailed(busy)).isFalse();
        assertThat(emailed(abandoned)).isTrue();
        assertThat(emailed(fresh)).isTrue();

        mailer.sendInstant().block(Duration.ofSeconds(30));
        assertThat(TestMail.to(email(person))
            .stream()
            .map(MailClaimsApiTest::subject)
            .filter(subject -> subject.endsWith(marker))).hasSize(2);
    }

    private long notification(Actor person, String title, Duration claimedAgo) {
        Long event = db.sql("""
                insert into notification_event (kind, event_key, title, fanned_out_at)
                values ('answer-published', :key, :title, now()) returning id""")
            .bind("key", "test-" + UUID.randomUUID())
            .bind("title", title)
            .map(row -> row.get("id", Long.class))
            .one()
            .block();
        var insert = db.sql("""
                insert into notification (event_id, recipient_subject, kind, title, link, frequency, email_claimed_at)
                values (:event, :subject, 'answer-published', :title, '/notifications', 'instant',
                        now() - cast(:ago as bigint) * interval '1 second')
                returning id""").bind("event", event).bind("subject", person.user().subject()).bind("title", title);
        insert = claimedAgo == null ? insert.bindNull("ago", Long.class) : insert.bind("ago", claimedAgo.toSeconds());
        return insert.map(row -> row.get("id", Long.class)).one().block();
    }

    private boolean emailed(long id) {
        return Boolean.TRUE.equals(db.sql("select emailed_at is not null as sent from notification where id = :id")
            .bind("id", id)
            .map(row -> row.get("sent", Boolean.class))
            .one()
            .block());
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        }
        catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

}
