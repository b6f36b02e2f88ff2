package io.launchpad.api.notification;

import io.launchpad.api.support.BoardFixtures;
import io.launchpad.api.support.TestMail;
import io.launchpad.api.support.TestTokens;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.launchpad.api.support.BoardFixtures.skill;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A candidate hears of each decision on their application (issue 12: "sees the result"), in the feed
 * and by email, once per decision; a withdrawal, their own act, tells nobody.
 */
class ApplicationDecisionNotificationApiTest extends NotificationApiTestBase {

    @Test
    void eachDecisionOnAnApplicationReachesTheCandidateOnceInTheFeedAndByEmail() throws Exception {
        Actor association = actor("association");
        Map<String, Object> role = BoardFixtures.roleBody(association.organisationId(),
                List.of(skill("data-governance", "practitioner")));
        String title = "Data trustee " + UUID.randomUUID().toString().substring(0, 8);
        role.put("title", title);
        String roleId = BoardFixtures.openRole(api, association.bearer(), role);
        TestTokens.TestUser candidate = TestTokens.user("candidate");
        BoardFixtures.createCandidate(api, candidate.bearer(), BoardFixtures.candidateBody(
                BoardFixtures.Identity.unique(), "matching", List.of(skill("data-governance", "expert"))));
        String application = BoardFixtures.apply(api, candidate.bearer(), roleId, "I led data governance.");

        decide(association, application, "shortlisted");
        decide(association, application, "declined");
        fanOut.fanOut().block();
        fanOut.fanOut().block();
        mailer.sendInstant().block();

        List<String> titles = db.sql("""
                        select n.title, n.link from notification n join notification_event e on e.id = n.event_id
                        where n.recipient_subject = :s and e.kind = 'application-decided'""")
                .bind("s", candidate.subject())
                .map(row -> row.get("title", String.class) + " -> " + row.get("link", String.class))
                .all().collectList().block();
        assertThat(titles).containsExactlyInAnyOrder(
                "Your application for " + title + ": shortlisted -> /candidate/applications",
                "Your application for " + title + ": not taken forward -> /candidate/applications");
        // nobody else hears of it, the association included
        assertThat(db.sql("""
                        select count(*) as n from notification n join notification_event e on e.id = n.event_id
                        where e.subject_id = :a and n.recipient_subject <> :s""")
                .bind("a", UUID.fromString(application)).bind("s", candidate.subject())
                .map(row -> row.get("n", Long.class)).one().block()).isZero();

        String address = "user-" + candidate.subject().substring(0, 8) + "@example.org";
        List<MimeMessage> mail = List.of();
        for (int i = 0; i < 50; i++) {
            mail = TestMail.to(address).stream().filter(m -> subject(m).contains(title)).toList();
            if (mail.size() >= 2) {
                break;
            }
            Thread.sleep(200);
        }
        Thread.sleep(500); // long enough for a duplicate to show up, were one on its way
        mail = TestMail.to(address).stream().filter(m -> subject(m).contains(title)).toList();
        assertThat(mail).extracting(ApplicationDecisionNotificationApiTest::subject).containsExactlyInAnyOrder(
                "Your application for " + title + ": shortlisted",
                "Your application for " + title + ": not taken forward");
        assertThat(TestMail.text(mail.getFirst())).contains("/candidate/applications")
                .contains("See the association's decision");
    }

    private void decide(Actor association, String application, String status) {
        api.post().uri("/api/v1/applications/{id}/status", application).header("Authorization", association.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("status", status))
                .exchange().expectStatus().isOk();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
