package io.launchpad.api.notification;

import io.launchpad.api.challenge.Challenges;
import io.launchpad.api.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One full journey (post → match → question → response → award → pilot milestone) and the
 * notifications it produces: each event reaches each person once, in the feed, live and
 * by email through a real SMTP server; a digest never repeats and never arrives empty.
 */
class NotificationJourneyApiTest extends NotificationApiTestBase {

    @Autowired
    Challenges challenges;

    @Test
    void oneJourneyNotifiesEachPersonOnceInTheFeedLiveAndByEmail() throws Exception {
        Actor association = actor("association");
        Actor supplier = actor("supplier");
        Actor searcher = actor("supplier");
        String unique = "hygrometric" + UUID.randomUUID().toString().substring(0, 6);

        String profile = (String) post("/api/v1/suppliers", supplier,
                supplierBody(supplier.organisationId(), "Mould Watch " + unique,
                        "Damp and mould sensors, " + unique + " monitoring for social housing"))
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        post("/api/v1/suppliers/" + profile + "/publish", supplier, null).expectStatus().isOk();
        post("/api/v1/saved-searches", searcher, Map.of("query", unique, "frequency", "daily")).expectStatus()
            .isCreated();

        Map<String, Object> brief = challengeBody(association.organisationId(),
                "Spot damp early with " + unique + " sensing");
        brief.put("description", "We want " + unique + " monitoring of damp and mould in 2,000 homes");
        brief.put("closingDate", LocalDate.now().plusDays(2).toString());
        brief.put("essentialRequirements", List.of("Battery life over two years"));
        String challenge = (String) post("/api/v1/challenges", association, brief).expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        awaitIndexed(association, challenge, profile);
        post("/api/v1/challenges/" + challenge + "/publish", association, null).expectStatus().isOk();
        // suppliers hear of a new challenge while it is open (an alert for a closed one
        // helps nobody)
        fanOut.fanOut().block();

        String question = (String) post("/api/v1/challenges/" + challenge + "/questions", supplier,
                Map.of("organisationId", supplier.organisationId().toString(), "question", "Is there a hub per block?"))
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        post("/api/v1/challenges/" + challenge + "/questions/" + question + "/answer", association,
                Map.of("answer", "Yes, one per block"))
            .expectStatus()
            .isOk();

        Map<String, Object> response = new HashMap<>(
                Map.of("organisationId", supplier.organisationId().toString(), "approach", "Sensors in every home",
                        "evidence", Map.of("E1", "Five-year cells"), "pricePounds", 30_000, "availability", "Now"));
        String responseId = (String) post("/api/v1/challenges/" + challenge + "/responses", supplier, response)
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        post("/api/v1/responses/" + responseId + "/submit", supplier, null).expectStatus().isOk();
        deadlines.recordDue().block();
        deadlines.recordDue().block(); // every instance runs it: the second run records
                                       // nothing new

        db.sql("update challenge set closing_date = current_date - 1 where id = :id")
            .bind("id", UUID.fromString(challenge))
            .then()
            .block();
        challenges.closeDue().block();
        String pilot = (String) post("/api/v1/challenges/" + challenge + "/award", association,
                Map.of("responseId", responseId))
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("pilotId");
        post("/api/v1/pilots/" + pilot + "/milestones", association,
                Map.of("title", "Hubs installed", "dueOn", LocalDate.now().plusDays(1).toString()))
            .expectStatus()
            .isCreated();
        deadlines.recordDue().block();

        fanOut.fanOut().block();
        fanOut.fanOut().block();
        mailer.sendInstant().block();
        // the scheduled mailer may have sent some of these already; either way each goes
        // once
        mailer.sendDigests(NotificationMailer.Frequency.DAILY, Instant.now()).block();

        UUID id = UUID.fromString(challenge);
        // closed and awarded are recorded for partner systems (webhooks); nobody is
        // notified of them (below)
        assertThat(kinds(id)).containsExactlyInAnyOrder("challenge-published", "question-asked", "answer-published",
                "response-submitted", "closing-soon", "challenge-closed", "response-outcome", "challenge-awarded",
                "milestone-due");
        // other suites' challenges may reach these people too: count what this journey
        // caused
        assertThat(notificationsFor(supplier, id)).containsExactlyInAnyOrder("challenge-published", "answer-published",
                "closing-soon", "response-outcome", "milestone-due");
        // the association hears of the work waiting for it: a question to answer, a
        // response to read
        assertThat(notificationsFor(association, id)).containsExactlyInAnyOrder("question-asked", "response-submitted",
                "milestone-due");
        assertThat(notificationsFor(searcher, id)).containsExactly("challenge-published");

        // the scheduled mailer may hold some rows (SKIP LOCKED) while it sends: wait for
        // the counts to settle
        List<String> journey = List.of(challenge, responseId, "Hubs installed");
        List<MimeMessage> supplierMail = awaitMail(supplier, 5, journey);
        List<MimeMessage> associationMail = awaitMail(association, 3, journey);
        List<MimeMessage> searcherMail = awaitMail(searcher, 1, journey);
        assertThat(supplierMail).hasSize(5);
        assertThat(associationMail).hasSize(3);
        assertThat(searcherMail).hasSize(1);
        assertThat(searcherMail.getFirst().getSubject()).contains("daily").contains("1 update");
        assertThat(searcherMail.getFirst().getHeader("List-Unsubscribe-Post")[0])
            .isEqualTo("List-Unsubscribe=One-Click");
        System.out.printf("issue-4 journey: %d events, %d notifications, %d emails%n", kinds(id).size(),
                notificationsFor(supplier, id).size() + notificationsFor(association, id).size()
                        + notificationsFor(searcher, id).size(),
                supplierMail.size() + associationMail.size() + searcherMail.size());

        // nothing repeats: more runs send nothing new, and an empty digest is never sent
        fanOut.fanOut().block();
        mailer.sendInstant().block();
        mailer.sendDigests(NotificationMailer.Frequency.DAILY, Instant.now().plus(Duration.ofDays(2))).block();
        assertThat(about(TestMail.to(email(supplier)), journey)).hasSize(5);
        assertThat(about(TestMail.to(email(searcher)), journey)).hasSize(1);

        // the in-app feed, marking read, and the live stream replaying from a
        // Last-Event-ID
        var feed = get("/api/v1/notifications", supplier).expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        int feedSize = ((List<?>) feed.get("items")).size();
        assertThat(feedSize).isGreaterThanOrEqualTo(5);
        assertThat(((Number) feed.get("unread")).intValue()).isEqualTo(feedSize);
        long first = ((Number) ((Map<?, ?>) ((List<?>) feed.get("items")).getLast()).get("id")).longValue();
        // one notification, one spelling of its id: 0x.. and #.. are not read as numbers
        api.post()
            .uri("/api/v1/notifications/{id}/read", "0x" + Long.toHexString(first))
            .header("Authorization", supplier.bearer())
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("id");
        get("/api/v1/notifications", supplier).expectBody().jsonPath("$.unread").isEqualTo(feedSize);
        api.post()
            .uri("/api/v1/notifications/{id}/read", first)
            .header("Authorization", supplier.bearer())
            .exchange()
            .expectStatus()
            .isNoContent();
        api.post()
            .uri("/api/v1/notifications/{id}/read", first)
            .header("Authorization", association.bearer())
            .exchange()
            .expectStatus()
            .isNotFound();
        get("/api/v1/notifications", supplier).expectBody().jsonPath("$.unread").isEqualTo(feedSize - 1);

        var events = api.mutate()
            .responseTimeout(Duration.ofSeconds(20))
            .build()
            .get()
            .uri("/api/v1/notifications/stream")
            .header("Authorization", supplier.bearer())
            .header("Last-Event-ID", Long.toString(first))
            .accept(MediaType.TEXT_EVENT_STREAM)
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
            })
            .getResponseBody()
            .filter(event -> event.data() != null)
            .take(4)
            .collectList()
            .block(Duration.ofSeconds(20));
        assertThat(events).hasSize(4);
        // replayed in order, each after the last one the client saw
        assertThat(events).extracting(event -> Long.parseLong(event.id()))
            .isSorted()
            .allMatch(eventId -> eventId > first);

        // one-click unsubscribe from the link in the email: the saved search is gone
        String unsubscribe = searcherMail.getFirst().getHeader("List-Unsubscribe")[0];
        String token = unsubscribe.substring(unsubscribe.indexOf("token=") + 6, unsubscribe.length() - 1);
        api.post().uri("/api/v1/notifications/unsubscribe?token={t}", token).exchange().expectStatus().isNoContent();
        get("/api/v1/saved-searches", searcher).expectBody().jsonPath("$.items.length()").isEqualTo(0);
        api.post()
            .uri("/api/v1/notifications/unsubscribe?token={t}", UUID.randomUUID())
            .exchange()
            .expectStatus()
            .isNotFound();
    }

    @Test
    void closingEarlyStopsResponsesAndQuestionsAndTellsTheSuppliersInvolved() {
        Actor association = actor("association");
        Actor follower = actor("supplier");
        Actor responder = actor("supplier");
        Actor outsider = actor("association");
        Map<String, Object> brief = challengeBody(association.organisationId(), "Close early " + UUID.randomUUID());
        brief.put("closingDate", LocalDate.now().plusDays(20).toString());
        String challenge = (String) post("/api/v1/challenges", association, brief).expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        post("/api/v1/challenges/" + challenge + "/close", association, null).expectStatus()
            .isEqualTo(409)
            .expectBody()
            .jsonPath("$.errors[0].rule")
            .isEqualTo("published");
        post("/api/v1/challenges/" + challenge + "/publish", association, null).expectStatus().isOk();
        api.put()
            .uri("/api/v1/challenges/{id}/follow", challenge)
            .header("Authorization", follower.bearer())
            .exchange()
            .expectStatus()
            .isNoContent();
        Map<String, Object> draft = new HashMap<>(Map.of("organisationId", responder.organisationId().toString(),
                "approach", "Sensors", "pricePounds", 1_000, "availability", "Now"));
        String response = (String) post("/api/v1/challenges/" + challenge + "/responses", responder, draft)
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");

        // the supplier finds its unsent draft among its own responses; nobody else's are
        // listed
        get("/api/v1/me/responses", responder).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items.length()")
            .isEqualTo(1)
            .jsonPath("$.items[0].id")
            .isEqualTo(response)
            .jsonPath("$.items[0].status")
            .isEqualTo("draft")
            .jsonPath("$.items[0].challengeTitle")
            .isEqualTo(brief.get("title"));
        get("/api/v1/me/responses", follower).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items.length()")
            .isEqualTo(0);

        post("/api/v1/challenges/" + challenge + "/close", outsider, null).expectStatus().isForbidden();
        api.post()
            .uri("/api/v1/challenges/{id}/close", challenge)
            .header("Authorization", association.bearer())
            .header("If-Match", "\"999\"")
            .exchange()
            .expectStatus()
            .isEqualTo(412);
        post("/api/v1/challenges/" + challenge + "/close", association, null).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("closed");
        post("/api/v1/challenges/" + challenge + "/close", association, null).expectStatus().isEqualTo(409);

        // nothing more comes in: the draft cannot be submitted, no question can be asked
        post("/api/v1/responses/" + response + "/submit", responder, null).expectStatus().isEqualTo(409);
        post("/api/v1/challenges/" + challenge + "/questions", responder,
                Map.of("organisationId", responder.organisationId().toString(), "question", "Still open?"))
            .expectStatus()
            .isEqualTo(409);
        UUID id = UUID.fromString(challenge);
        // the scheduled fan-out may hold the event when this run looks (it skips what is
        // locked), so wait for it
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            fanOut.fanOut().block();
            assertThat(notificationsFor(follower, id)).containsExactly("challenge-closed-early");
            assertThat(notificationsFor(responder, id)).containsExactly("challenge-closed-early");
        });
        assertThat(notificationsFor(association, id)).isEmpty();
    }

    @Test
    void savedSearchesAreValidatedAndOwnedByTheirPerson() {
        Actor supplier = actor("supplier");
        post("/api/v1/saved-searches", supplier, Map.of("frequency", "daily")).expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].rule")
            .isEqualTo("at-least-one-filter");
        post("/api/v1/saved-searches", supplier, Map.of("query", "damp", "frequency", "hourly")).expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("frequency");
        String id = (String) post("/api/v1/saved-searches", supplier,
                Map.of("category", "repairs-and-maintenance", "frequency", "weekly"))
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        api.delete()
            .uri("/api/v1/saved-searches/{id}", id)
            .header("Authorization", actor("supplier").bearer())
            .exchange()
            .expectStatus()
            .isNotFound();
        api.delete()
            .uri("/api/v1/saved-searches/{id}", id)
            .header("Authorization", supplier.bearer())
            .exchange()
            .expectStatus()
            .isNoContent();
        api.get().uri("/api/v1/notifications").exchange().expectStatus().isUnauthorized();
    }

    private void awaitIndexed(Actor association, String challenge, String profile) {
        await().atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(200))
            .untilAsserted(
                    () -> assertThat(get("/api/v1/challenges/" + challenge + "/matches", association).expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody()).as("supplier reached the index").contains(profile));
    }

    /**
     * The person's mail about the journey once exactly {@code expected} arrived and
     * stayed that many for half a second: a duplicate still on its way cannot be awaited,
     * so the count must hold for a while instead.
     */
    private List<MimeMessage> awaitMail(Actor actor, int expected, List<String> journey) {
        await().during(Duration.ofMillis(500))
            .atMost(Duration.ofSeconds(15))
            .pollInterval(Duration.ofMillis(100))
            .untilAsserted(() -> assertThat(about(TestMail.to(email(actor)), journey)).hasSize(expected));
        return about(TestMail.to(email(actor)), journey);
    }

    /**
     * The messages that mention this journey (its challenge, its response or its
     * milestone).
     */
    private static List<MimeMessage> about(List<MimeMessage> messages, List<String> journey) {
        return messages.stream().filter(message -> {
            try {
                String text = message.getSubject() + " " + TestMail.text(message);
                return journey.stream().anyMatch(text::contains);
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private List<String> kinds(UUID challenge) {
        return db.sql("select kind from notification_event where challenge_id = :id")
            .bind("id", challenge)
            .map(row -> row.get("kind", String.class))
            .all()
            .collectList()
            .block();
    }

}
