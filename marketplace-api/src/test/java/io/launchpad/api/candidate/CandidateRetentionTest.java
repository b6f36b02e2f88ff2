package io.launchpad.api.candidate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.launchpad.api.support.ApiTestBase;
import io.launchpad.api.support.BoardFixtures;
import io.launchpad.api.support.BoardFixtures.Identity;
import io.launchpad.infra.stack.SharedComponents;
import io.launchpad.api.support.TestTokens;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.launchpad.api.support.BoardFixtures.skill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import jakarta.mail.MessagingException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The retention job warns inactive candidates by email, then deletes profiles still
 * unused after the warning.
 */
class CandidateRetentionTest extends ApiTestBase {

    @Autowired
    CandidateRetention retention;

    @Autowired
    CandidateRepository repository;

    private GreenMail smtp;

    private JavaMailSenderImpl sender;

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(new ServerSetup(19825, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(19825);
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void warnsFirstDeletesAfterTheWarningPeriodAndActivityCancelsIt() throws Exception {
        TestTokens.TestUser idle = TestTokens.user("candidate");
        TestTokens.TestUser returning = TestTokens.user("candidate");
        Identity idleIdentity = Identity.unique();
        Identity returningIdentity = Identity.unique();
        UUID idleId = UUID.fromString(BoardFixtures.createCandidate(api, idle.bearer(),
                BoardFixtures.candidateBody(idleIdentity, "matching", List.of(skill("innovation", "expert")))));
        UUID returningId = UUID.fromString(BoardFixtures.createCandidate(api, returning.bearer(),
                BoardFixtures.candidateBody(returningIdentity, "matching", List.of(skill("innovation", "expert")))));
        repository.backdate(idleId, Duration.ofDays(800), null).block();
        repository.backdate(returningId, Duration.ofDays(800), null).block();

        // without a mail server nobody can be warned, so nothing is deleted
        assertThat(retention.run(null).block()).isEqualTo(new CandidateRetention.Report(0, 0, false));

        CandidateRetention.Report first = retention.run(sender).block();
        assertThat(first.warned()).isGreaterThanOrEqualTo(2);
        assertThat(first.deleted()).isZero();
        List<String> recipients = Arrays.stream(smtp.getReceivedMessages()).map(CandidateRetentionTest::to).toList();
        assertThat(recipients).contains(idleIdentity.email(), returningIdentity.email());
        MimeMessage warning = Arrays.stream(smtp.getReceivedMessages())
            .filter(m -> to(m).equals(idleIdentity.email()))
            .findFirst()
            .orElseThrow();
        assertThat(warning.getSubject()).startsWith("Your Launchpad candidate profile will be deleted on");
        assertThat(repository.find(idleId).block()).isNotNull();

        // one candidate comes back; the other's warning period passes
        api.get()
            .uri("/api/v1/candidates/me")
            .header("Authorization", returning.bearer())
            .exchange()
            .expectStatus()
            .isOk();
        repository.backdate(idleId, Duration.ofDays(840), Duration.ofDays(31)).block();

        awaitIndexed(idleId, true);

        CandidateRetention.Report second = retention.run(sender).block();
        assertThat(second.deleted()).isGreaterThanOrEqualTo(1);
        assertThat(repository.find(idleId).block()).isNull();
        assertThat(repository.find(returningId).block()).isNotNull();
        assertThat(repository.find(returningId).block().retentionWarnedAt()).isNull();
        api.get()
            .uri("/api/v1/me/audit")
            .header("Authorization", idle.bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items[0].resource")
            .isEqualTo("retention: profile deleted after inactivity");
        // the deletion reaches the candidates index through the outbox; the returning
        // candidate stays matchable
        awaitIndexed(idleId, false);
        awaitIndexed(returningId, true);
    }

    private static void awaitIndexed(UUID candidateId, boolean expected) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI document = URI
            .create(SharedComponents.elasticsearch().httpUrl() + "/launchpad-candidates/_doc/" + candidateId);
        await().atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .untilAsserted(() -> assertThat(
                    http.send(HttpRequest.newBuilder(document).GET().build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200)
                .as("candidate %s in the candidates index", candidateId)
                .isEqualTo(expected));
    }

    private static String to(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        }
        catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

}
