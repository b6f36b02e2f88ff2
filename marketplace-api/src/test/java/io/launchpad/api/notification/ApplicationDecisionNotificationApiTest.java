package io.launchpad.api.notification;

import io.launchpad.api.support.BoardFixtures;
import io.launchpad.api.support.TestMail;
import io.launchpad.api.support.TestTokens;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.launchpad.api.support.BoardFixtures.skill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import jakarta.mail.MessagingException;

/**
 * A candidate hears of each decision on their application (issue 12: "sees the result"),
 * in the feed and by email, once per decision; a withdrawal, their own act, tells nobody.
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
        BoardFixtures.createCandidate(api, candidate.bearer(), BoardFixtures
            .candidateBody(BoardFixtures.Identity.unique(), "matching", List.of(skill("data-governance", "expert"))));
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
            .all()
            .collectList()
            .block();
        assertThat(titles).containsExactlyInAnyOrder(
                "Your application for " + title + ": shortlisted -> /candidate/applications",
                "Your application for " + title + ": not taken forward -> /candidate/applications");
        // nobody else hears of it, the association included
        assertThat(db.sql("""
                select count(*) as n from notification n join notification_event e on e.id = n.event_id
                where e.subject_id = :a and n.recipient_subject <> :s""")
            .bind("a", UUID.fromString(application))
            .bind("s", candidate.subject())
            .map(row -> row.get("n", Long.class))
            .one()
            .block()).isZero();

        String address = "user-" + candidate.subject().substring(0, 8) + "@example.org";
        // a duplicate still on its way cannot be awaited: the two must arrive and stay
        // two for half a second
        await().during(Duration.ofMillis(500))
            .atMost(Duration.ofSeconds(15))
            .pollInterval(Duration.ofMillis(100))
            .untilAsserted(
                    () -> assertThat(TestMail.to(address)).filteredOn(m -> subject(m).contains(title)).hasSize(2));
        List<MimeMessage> mail = TestMail.to(address).stream().filter(m -> subject(m).contains(title)).toList();
        assertThat(mail).extracting(ApplicationDecisionNotificationApiTest::subject)
            .containsExactlyInAnyOrder("Your application for " + title + ": shortlisted",
                    "Your application for " + title + ": not taken forward");
        assertThat(TestMail.text(mail.getFirst())).contains("/candidate/applications")
            .contains("See the association's decision");
    }

    private void decide(Actor association, String application, String status) {
        api.post()
            .uri("/api/v1/applications/{id}/status", application)
            .header("Authorization", association.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("status", status))
            .exchange()
            .expectStatus()
            .isOk();
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
