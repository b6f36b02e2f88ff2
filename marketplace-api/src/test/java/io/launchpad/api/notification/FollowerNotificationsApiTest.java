package io.launchpad.api.notification;

import io.launchpad.api.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import jakarta.mail.MessagingException;
import java.util.stream.IntStream;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;

/**
 * Followers hear of published answers and deadlines without having asked or responded,
 * and the question-window alert reaches followers, engaged and matched suppliers once
 * each, however many instances run the deadline job, the fan-out and the mailer at the
 * same time.
 */
class FollowerNotificationsApiTest extends NotificationApiTestBase {

    @Test
    void aFollowerWhoNeverAskedNorRespondedHearsOfAnAnswerOnceInTheFeedAndByEmail() throws Exception {
        Actor association = actor("association");
        Actor follower = actor("supplier");
        Actor asker = actor("supplier");
        Actor quitter = actor("supplier");
        Actor bystander = actor("supplier");
        Map<String, Object> brief = challengeBody(association.organisationId(), "Answers for followers");
        brief.put("closingDate", LocalDate.now().plusDays(2).toString());
        String challenge = publish(association, brief);

        put("/api/v1/challenges/" + challenge + "/follow", follower).expectStatus().isNoContent();
        put("/api/v1/challenges/" + challenge + "/follow", quitter).expectStatus().isNoContent();
        api.delete()
            .uri("/api/v1/challenges/{id}/follow", challenge)
            .header("Authorization", quitter.bearer())
            .exchange()
            .expectStatus()
            .isNoContent();
        get("/api/v1/notifications", bystander).expectStatus().isOk(); // known to the
                                                                       // directory, yet
                                                                       // not following

        String question = (String) post("/api/v1/challenges/" + challenge + "/questions", asker,
                Map.of("organisationId", asker.organisationId().toString(), "question", "Which blocks?"))
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        post("/api/v1/challenges/" + challenge + "/questions/" + question + "/answer", association,
                Map.of("answer", "All of them"))
            .expectStatus()
            .isOk();
        deadlines.recordDue().block(); // closes in two days: "closes soon" for followers
                                       // too

        concurrently(3, () -> fanOut.fanOut().then());
        concurrently(2, () -> mailer.sendInstant().then());

        UUID id = UUID.fromString(challenge);
        assertThat(notificationsFor(follower, id)).containsExactlyInAnyOrder("answer-published", "closing-soon");
        assertThat(notificationsFor(asker, id)).containsExactlyInAnyOrder("answer-published", "closing-soon");
        assertThat(notificationsFor(quitter, id)).isEmpty();
        assertThat(notificationsFor(bystander, id)).isEmpty();
        // the association hears of the question (to answer it), not of its own answer or
        // its own deadline
        assertThat(notificationsFor(association, id)).containsExactly("question-asked");

        List<MimeMessage> mail = awaitMail(follower, 2, challenge, message -> true);
        assertThat(mail).extracting(MimeMessage::getSubject)
            .containsExactlyInAnyOrder("A clarification answer was published on Answers for followers",
                    "Answers for followers closes on " + LocalDate.now().plusDays(2));
        // HTML with a plain-text alternative, both saying what to do next, with one-click
        // unsubscribe
        MimeMessage answer = mail.stream()
            .filter(m -> subject(m).startsWith("A clarification answer"))
            .findFirst()
            .orElseThrow();
        assertThat(answer.getContentType()).startsWith("multipart/mixed");
        assertThat(TestMail.part(answer, "text/plain")).startsWith("Hello")
            .contains("Read the answer")
            .contains("/challenges/" + challenge);
        assertThat(TestMail.part(answer, "text/html"))
            .contains("href=\"http://127.0.0.1:8081/challenges/" + challenge + "\"");
        assertThat(answer.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(about(TestMail.to(email(quitter)), challenge)).isEmpty();
        get("/api/v1/notifications", follower).expectBody()
            .jsonPath("$.items[?(@.kind == 'answer-published')].link")
            .isEqualTo(List.of("/challenges/" + challenge));
    }

    @Test
    void theQuestionWindowAlertReachesEachPersonOnceWhateverRunsTwiceOrAtTheSameTime() throws Exception {
        Actor association = actor("association");
        Actor follower = actor("supplier");
        Actor asker = actor("supplier");
        Actor matched = actor("supplier");
        Actor matchedWithAlertsOff = actor("supplier");
        Actor outsider = actor("supplier");
        String unique = "psychrometric" + UUID.randomUUID().toString().substring(0, 6);
        String profile = publishedProfile(matched, "Window Watch " + unique, unique);
        String quietProfile = publishedProfile(matchedWithAlertsOff, "Quiet Watch " + unique, unique);
        put("/api/v1/notifications/preferences", matchedWithAlertsOff, Map.of("alertFrequency", "off")).expectStatus()
            .isOk();
        get("/api/v1/notifications", outsider).expectStatus().isOk();

        String title = "Condensation " + unique + " in tower blocks";
        Map<String, Object> brief = challengeBody(association.organisationId(), title);
        brief.put("description", "We need " + unique + " monitoring in every flat");
        brief.put("closingDate", LocalDate.now().plusDays(10).toString());
        LocalDate lastQuestionDay = LocalDate.now().plusDays(1);
        brief.put("questionsCloseOn", lastQuestionDay.toString());
        String challenge = create(association, brief);
        awaitIndexed(association, challenge, profile, quietProfile);
        post("/api/v1/challenges/" + challenge + "/publish", association, null).expectStatus().isOk();

        // controls: a window ending later than 48 hours ahead, and a window that closes
        // with the challenge
        Map<String, Object> later = challengeBody(association.organisationId(), "Later window " + unique);
        later.put("closingDate", LocalDate.now().plusDays(10).toString());
        later.put("questionsCloseOn", LocalDate.now().plusDays(2).toString());
        String laterChallenge = publish(association, later);
        Map<String, Object> noWindow = challengeBody(association.organisationId(), "No window " + unique);
        noWindow.put("closingDate", LocalDate.now().plusDays(1).toString());
        String noWindowChallenge = publish(association, noWindow);
        put("/api/v1/challenges/" + laterChallenge + "/follow", follower).expectStatus().isNoContent();
        put("/api/v1/challenges/" + noWindowChallenge + "/follow", follower).expectStatus().isNoContent();

        put("/api/v1/challenges/" + challenge + "/follow", follower).expectStatus().isNoContent();
        post("/api/v1/challenges/" + challenge + "/questions", asker,
                Map.of("organisationId", asker.organisationId().toString(), "question", "Is there a lift?"))
            .expectStatus()
            .isCreated();

        // several instances run the deadline job at once, then again
        concurrently(4, () -> deadlines.recordDue());
        deadlines.recordDue().block();
        concurrently(3, () -> fanOut.fanOut().then());
        concurrently(3, () -> mailer.sendInstant().then());

        UUID id = UUID.fromString(challenge);
        assertThat(db
            .sql("select event_key from notification_event where kind = 'question-window-closing' "
                    + "and challenge_id = any(:ids)")
            .bind("ids", new UUID[] { id, UUID.fromString(laterChallenge), UUID.fromString(noWindowChallenge) })
            .map(row -> row.get("event_key", String.class))
            .all()
            .collectList()
            .block()).containsExactly("question-window-closing:" + challenge + ":" + lastQuestionDay);
        // a run that found the event locked by another (the app's own scheduled fan-out)
        // skips it and returns
        // before the holder commits: wait for the notifications, then each person must
        // have exactly one
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (Actor person : List.of(follower, asker, matched, matchedWithAlertsOff)) {
                assertThat(notificationsFor(person, id)).as("notifications of one person")
                    .filteredOn("question-window-closing"::equals)
                    .hasSize(1);
            }
        });
        assertThat(notificationsFor(outsider, id)).isEmpty();
        assertThat(notificationsFor(association, id)).containsExactly("question-asked");

        String subject = "Questions on " + title + " close at the end of " + lastQuestionDay;
        for (Actor person : List.of(follower, asker, matched)) {
            List<MimeMessage> mail = awaitMail(person, 1, challenge, message -> subject(message).equals(subject));
            assertThat(mail).as("question-window emails to one person").hasSize(1);
            assertThat(TestMail.text(mail.getFirst())).contains("/challenges/" + challenge + "/questions");
        }
        // alerts switched off: in the feed only, never by email
        assertThat(about(TestMail.to(email(matchedWithAlertsOff)), challenge))
            .noneMatch(message -> subject(message).equals(subject));

        // later runs find nothing new. Shown by the rows, with no waiting: the mailer
        // claims a notification
        // once (never again once emailed, nor within ten minutes of a claim), so a repeat
        // email needs a
        // second event or a second notification per person, and the runs above have
        // returned
        deadlines.recordDue().block();
        fanOut.fanOut().block();
        mailer.sendInstant().block();
        assertThat(db
            .sql("select count(*) as n from notification_event where kind = 'question-window-closing' "
                    + "and challenge_id = :c")
            .bind("c", id)
            .map(row -> row.get("n", Long.class))
            .one()
            .block()).isOne();
        for (Actor person : List.of(follower, asker, matched, matchedWithAlertsOff)) {
            assertThat(notificationsFor(person, id)).as("notifications of one person after more runs")
                .filteredOn("question-window-closing"::equals)
                .hasSize(1);
        }
        assertThat(about(TestMail.to(email(follower)), challenge)).filteredOn(m -> subject(m).equals(subject))
            .hasSize(1);
    }

    @Autowired
    Notifications notifications;

    @Test
    void anAnswerReachesAHundredFollowersInOneRunWithoutHoldingUpTheFanOut() {
        Actor association = actor("association");
        String challenge = publish(association, challengeBody(association.organisationId(), "A crowded challenge"));
        UUID id = UUID.fromString(challenge);
        // more followers than any operator's prefetch: once the audience was streamed
        // while each row was
        // written on the same connection, and the fan-out stalled for a minute on every
        // run
        List<String> followers = IntStream.range(0, 100).mapToObj(i -> "crowd-" + UUID.randomUUID()).toList();
        db.sql("insert into challenge_follow (challenge_id, subject) select :c, unnest(cast(:s as text[]))")
            .bind("c", id)
            .bind("s", followers.toArray(String[]::new))
            .then()
            .block();
        notifications.record(Notifications.Event.answerPublished(id, "A crowded challenge", UUID.randomUUID())).block();

        fanOut.fanOut().block(Duration.ofSeconds(20));

        Long told = db.sql("""
                select count(*) as n from notification n join notification_event e on e.id = n.event_id
                where e.challenge_id = :c and e.kind = 'answer-published' and n.recipient_subject like 'crowd-%'""")
            .bind("c", id)
            .map(row -> row.get("n", Long.class))
            .one()
            .block();
        assertThat(told).isEqualTo(100);
    }

    /**
     * Subscribes to n copies at once on separate threads, as n instances would run them.
     */
    private static void concurrently(int copies, Supplier<Mono<Void>> work) {
        Flux.range(0, copies)
            .flatMap(i -> work.get().subscribeOn(Schedulers.boundedElastic()), copies)
            .then()
            .block(Duration.ofMinutes(1));
    }

    private String publishedProfile(Actor supplier, String name, String capability) {
        String profile = (String) post("/api/v1/suppliers", supplier,
                supplierBody(supplier.organisationId(), name,
                        capability + " sensors and condensation monitoring for tower blocks"))
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        post("/api/v1/suppliers/" + profile + "/publish", supplier, null).expectStatus().isOk();
        return profile;
    }

    private String create(Actor association, Map<String, Object> brief) {
        return (String) post("/api/v1/challenges", association, brief).expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
    }

    private String publish(Actor association, Map<String, Object> brief) {
        String id = create(association, brief);
        post("/api/v1/challenges/" + id + "/publish", association, null).expectStatus().isOk();
        return id;
    }

    private void awaitIndexed(Actor association, String challenge, String... profiles) {
        await().atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(200))
            .untilAsserted(
                    () -> assertThat(get("/api/v1/challenges/" + challenge + "/matches", association).expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody()).as("suppliers reached the index").contains(profiles));
    }

    /**
     * The person's mail about the challenge that {@code which} selects, once exactly
     * {@code expected} of it arrived and stayed that many for half a second: a duplicate
     * still on its way cannot be awaited, so the count must hold for a while instead.
     */
    private List<MimeMessage> awaitMail(Actor actor, int expected, String challenge, Predicate<MimeMessage> which) {
        await().during(Duration.ofMillis(500))
            .atMost(Duration.ofSeconds(15))
            .pollInterval(Duration.ofMillis(100))
            .untilAsserted(
                    () -> assertThat(about(TestMail.to(email(actor)), challenge)).filteredOn(which).hasSize(expected));
        return about(TestMail.to(email(actor)), challenge).stream().filter(which).toList();
    }

    /** The messages that mention this challenge, apart from the announcement of it. */
    private static List<MimeMessage> about(List<MimeMessage> messages, String challenge) {
        return messages.stream().filter(message -> {
            try {
                return TestMail.text(message).contains(challenge) && !subject(message).startsWith("New challenge:");
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        }
        catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private WebTestClient.ResponseSpec put(String uri, Actor actor) {
        return api.put().uri(uri).header("Authorization", actor.bearer()).exchange();
    }

}
