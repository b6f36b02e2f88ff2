package io.launchpad.api.response;

import io.launchpad.api.challenge.Challenges;
import io.launchpad.api.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import io.launchpad.api.support.TestTokens;
import io.launchpad.matching.PilotEvidence;

/**
 * Issue 4 through the API: challenge → Q&A → responses → evaluation → award → pilot, and
 * every rule.
 */
class ChallengeToPilotApiTest extends ApiTestBase {

    @Autowired
    Challenges challenges;

    @Autowired
    PilotEvidence pilotEvidence;

    @Test
    void weightingsMustSumToOneHundredAndTheBriefCarriesItsTerms() {
        Actor association = actor("association");
        Map<String, Object> body = brief(association.organisationId(), "Weightings that do not add up");
        body.put("weightings",
                List.of(Map.of("criterion", "technical", "weight", 50), Map.of("criterion", "price", "weight", 40)));
        post("/api/v1/challenges", association, body).expectStatus()
            .isEqualTo(422)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("weightings")
            .jsonPath("$.errors[0].rule")
            .isEqualTo("sum-100");
        assertThat(db.sql("select count(*) as n from challenge where title = 'Weightings that do not add up'")
            .map(row -> row.get("n", Long.class))
            .one()
            .block()).isZero();

        String id = publishedChallenge(association, "Sense damp before tenants report it");
        api.get()
            .uri("/api/v1/challenges/{id}", id)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.requirements[0].id")
            .isEqualTo("E1")
            .jsonPath("$.requirements[0].essential")
            .isEqualTo(true)
            .jsonPath("$.requirements[1].id")
            .isEqualTo("N1")
            .jsonPath("$.weightings.length()")
            .isEqualTo(3)
            .jsonPath("$.weightings[0].criterion")
            .isEqualTo("technical")
            .jsonPath("$.pilotLengthWeeks")
            .isEqualTo(12)
            .jsonPath("$.location")
            .isEqualTo("Gateshead")
            .jsonPath("$.questionsCloseOn")
            .isNotEmpty();
    }

    @Test
    void aPublishedChallengeIsWithdrawnOrClosesAtItsClosingDateWithNobodyActing() {
        Actor association = actor("association");
        String withdrawn = publishedChallenge(association, "A challenge taken off the market");
        post("/api/v1/challenges/" + withdrawn + "/withdraw", actor("association"), null).expectStatus().isForbidden();
        post("/api/v1/challenges/" + withdrawn + "/withdraw", association, null).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("withdrawn");
        post("/api/v1/challenges/" + withdrawn + "/withdraw", association, null).expectStatus()
            .isEqualTo(409)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("status");

        String closing = publishedChallenge(association, "A challenge whose date has passed");
        pastClosingDate(closing);
        long outboxBefore = count("matching_outbox");
        List<UUID> closed = challenges.closeDue().block();
        assertThat(closed).contains(UUID.fromString(closing));
        api.get()
            .uri("/api/v1/challenges/{id}", closing)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("closed");
        // status affects matching, so closing is announced through the outbox; a second
        // run closes nothing again
        assertThat(count("matching_outbox")).isGreaterThan(outboxBefore);
        assertThat(challenges.closeDue().block()).doesNotContain(UUID.fromString(closing));
    }

    @Test
    void suppliersAskPrivatelyAndTheAnswerIsPublishedToEveryoneWithTheAskerAnonymous() {
        Actor association = actor("association");
        Actor asker = actor("supplier");
        Actor other = actor("supplier");
        String id = publishedChallenge(association, "Let tenants report repairs from a phone");

        String questionId = (String) post("/api/v1/challenges/" + id + "/questions", asker,
                Map.of("organisationId", asker.organisationId().toString(), "question",
                        "Which phones must we support?"))
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");

        // private until answered: the other supplier and the public see nothing yet
        get("/api/v1/challenges/" + id + "/questions", other).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items.length()")
            .isEqualTo(0);
        get("/api/v1/challenges/" + id + "/questions", asker).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items[0].mine")
            .isEqualTo(true)
            .jsonPath("$.items[0].status")
            .isEqualTo("awaiting-answer");

        post("/api/v1/challenges/" + id + "/questions/" + questionId + "/answer", other, Map.of("answer", "No"))
            .expectStatus()
            .isForbidden();
        post("/api/v1/challenges/" + id + "/questions/" + questionId + "/answer", association,
                Map.of("answer", "Android 12 and iOS 16 onwards"))
            .expectStatus()
            .isOk();
        post("/api/v1/challenges/" + id + "/questions/" + questionId + "/answer", association,
                Map.of("answer", "Changed my mind"))
            .expectStatus()
            .isEqualTo(409);

        String everyone = get("/api/v1/challenges/" + id + "/questions", other).expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        assertThat(everyone).contains("Android 12 and iOS 16 onwards")
            .contains("Which phones")
            .doesNotContain(asker.organisationId().toString())
            .doesNotContain(asker.user().subject());

        db.sql("update challenge set questions_close_on = current_date - 1 where id = :id")
            .bind("id", UUID.fromString(id))
            .then()
            .block();
        post("/api/v1/challenges/" + id + "/questions", asker,
                Map.of("organisationId", asker.organisationId().toString(), "question", "One more?"))
            .expectStatus()
            .isEqualTo(409)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("questionsCloseOn")
            .jsonPath("$.errors[0].rule")
            .isEqualTo("window-open");
    }

    @Test
    void oneResponsePerSupplierSubmittedBeforeClosingAndSeenByNoOtherSupplier() {
        Actor association = actor("association");
        Actor supplier = actor("supplier");
        Actor rival = actor("supplier");
        String id = publishedChallenge(association, "Cut void turnaround times");

        Map<String, Object> draft = responseBody(supplier, Map.of("N1", "We work with two associations"));
        var created = post("/api/v1/challenges/" + id + "/responses", supplier, draft).expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        String responseId = (String) created.get("id");
        assertThat(created.get("status")).isEqualTo("draft");

        post("/api/v1/challenges/" + id + "/responses", supplier, draft).expectStatus()
            .isEqualTo(409)
            .expectBody()
            .jsonPath("$.errors[0].rule")
            .isEqualTo("one-response-per-supplier");
        assertThat(db.sql("select count(*) as n from challenge_response where challenge_id = :c")
            .bind("c", UUID.fromString(id))
            .map(row -> row.get("n", Long.class))
            .one()
            .block()).isEqualTo(1);

        // evidence must name the brief's requirements; submitting needs every essential
        // one
        post("/api/v1/challenges/" + id + "/responses", rival, responseBody(rival, Map.of("E9", "x"))).expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("evidence.E9");
        post("/api/v1/responses/" + responseId + "/submit", supplier, null).expectStatus()
            .isEqualTo(422)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("evidence.E1")
            .jsonPath("$.errors[0].rule")
            .isEqualTo("required-to-submit");

        // neither the rival supplier nor the association sees a draft
        get("/api/v1/responses/" + responseId, rival).expectStatus().isNotFound();
        get("/api/v1/responses/" + responseId, association).expectStatus().isNotFound();
        get("/api/v1/challenges/" + id + "/responses", association).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items.length()")
            .isEqualTo(0);

        draft.put("evidence", Map.of("E1", "Deployed in 3,000 homes for Riverside", "N1", "Two associations"));
        api.put()
            .uri("/api/v1/responses/{id}", responseId)
            .header("Authorization", supplier.bearer())
            .header("If-Match", "\"1\"")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(draft)
            .exchange()
            .expectStatus()
            .isOk();
        post("/api/v1/responses/" + responseId + "/submit", supplier, null).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("submitted");

        get("/api/v1/responses/" + responseId, rival).expectStatus().isNotFound();
        get("/api/v1/challenges/" + id + "/responses", rival).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items.length()")
            .isEqualTo(0);
        // another association is refused outright, not shown an empty list as if it were
        // a supplier
        get("/api/v1/challenges/" + id + "/responses", actor("association")).expectStatus()
            .isForbidden()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        get("/api/v1/responses/" + responseId, association).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.evidence.E1")
            .isEqualTo("Deployed in 3,000 homes for Riverside");

        pastClosingDate(id);
        post("/api/v1/challenges/" + id + "/responses", rival, responseBody(rival, Map.of())).expectStatus()
            .isEqualTo(409)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("closingDate")
            .jsonPath("$.errors[0].rule")
            .isEqualTo("before-closing");
    }

    @Test
    void theAssociationScoresRanksAndAwardsOnlyAfterClosingAndTheLosersGetFeedback() {
        Actor association = actor("association");
        Actor colleague = colleagueOf(association);
        Actor strong = actor("supplier");
        Actor weak = actor("supplier");
        String id = publishedChallenge(association, "Predict boiler failures");
        String strongId = submittedResponse(id, strong);
        String weakId = submittedResponse(id, weak);

        // nothing is evaluated or awarded before closing
        put("/api/v1/responses/" + strongId + "/scores", association, scores(9, 8, 7)).expectStatus()
            .isEqualTo(409)
            .expectBody()
            .jsonPath("$.errors[0].rule")
            .isEqualTo("closed");
        post("/api/v1/challenges/" + id + "/award", association, Map.of("responseId", strongId)).expectStatus()
            .isEqualTo(409)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("status")
            .jsonPath("$.errors[0].rule")
            .isEqualTo("closed");

        close(id);
        // only the association's members evaluate
        put("/api/v1/responses/" + strongId + "/scores", strong, scores(10, 10, 10)).expectStatus().isForbidden();
        put("/api/v1/responses/" + weakId + "/scores", strong, scores(0, 0, 0)).expectStatus().isForbidden();
        put("/api/v1/responses/" + strongId + "/scores", actor("association"), scores(1, 1, 1)).expectStatus()
            .isForbidden();
        put("/api/v1/responses/" + strongId + "/scores", association, Map.of("scores", Map.of("beauty", 5)))
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("scores.beauty");

        put("/api/v1/responses/" + strongId + "/scores", association, scores(9, 8, 7)).expectStatus().isOk();
        put("/api/v1/responses/" + strongId + "/scores", colleague, scores(7, 8, 9)).expectStatus().isOk();
        put("/api/v1/responses/" + weakId + "/scores", association, scores(4, 5, 6)).expectStatus().isOk();
        post("/api/v1/responses/" + strongId + "/shortlist", association, null).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("shortlisted");

        // technical 60, social-value 10, price 30: strong = 60*0.8 + 10*0.8 + 30*0.8 =
        // 80; weak = 24+5+18 = 47
        get("/api/v1/challenges/" + id + "/responses", association).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items[0].id")
            .isEqualTo(strongId)
            .jsonPath("$.items[0].evaluation.weightedTotal")
            .isEqualTo(80.0)
            .jsonPath("$.items[0].evaluation.evaluators")
            .isEqualTo(2)
            .jsonPath("$.items[0].evaluation.rank")
            .isEqualTo(1)
            .jsonPath("$.items[1].evaluation.weightedTotal")
            .isEqualTo(47.0)
            // each evaluator reads back what they saved, not the mean, so the form can
            // show it
            .jsonPath("$.items[0].evaluation.yourScores.technical")
            .isEqualTo(9)
            .jsonPath("$.items[0].evaluation.yourScores.price")
            .isEqualTo(7);
        get("/api/v1/responses/" + strongId, colleague).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.evaluation.yourScores.technical")
            .isEqualTo(7)
            .jsonPath("$.evaluation.scores.technical")
            .isEqualTo(8.0);
        // a supplier never sees the association's working
        get("/api/v1/responses/" + strongId, strong).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.evaluation")
            .doesNotExist();

        post("/api/v1/challenges/" + id + "/award", strong, Map.of("responseId", strongId)).expectStatus()
            .isForbidden();
        var decision = post("/api/v1/challenges/" + id + "/award", association,
                Map.of("responseId", strongId, "feedback", Map.of(weakId, "Your price was high for the scale.")))
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        assertThat(decision.get("outcome")).isEqualTo("awarded");
        String pilotId = (String) decision.get("pilotId");
        assertThat(pilotId).isNotNull();

        get("/api/v1/responses/" + weakId, weak).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("unsuccessful")
            .jsonPath("$.feedback")
            .value(f -> assertThat((String) f).contains("47.0 out of 100")
                .contains("ranked 2 of 2")
                .contains("Your price was high")
                // in words a supplier reads, not a map's toString
                .contains("Scores out of 10: ")
                .contains("Social value 5")
                .doesNotContain("{"));
        get("/api/v1/responses/" + strongId, strong).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("awarded");
        api.get().uri("/api/v1/challenges/{id}", id).exchange().expectBody().jsonPath("$.status").isEqualTo("awarded");
        post("/api/v1/challenges/" + id + "/no-award", association, Map.of("reason", "too late")).expectStatus()
            .isEqualTo(409);
    }

    @Test
    void noAwardNeedsAReasonAndEverySupplierHearsIt() {
        Actor association = actor("association");
        Actor supplier = actor("supplier");
        String id = publishedChallenge(association, "Tenant engagement app");
        String responseId = submittedResponse(id, supplier);
        close(id);
        post("/api/v1/challenges/" + id + "/no-award", association, Map.of("reason", " ")).expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("reason");
        post("/api/v1/challenges/" + id + "/no-award", association, Map.of("reason", "Budget was withdrawn"))
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.outcome")
            .isEqualTo("no-award");
        get("/api/v1/responses/" + responseId, supplier).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("unsuccessful")
            .jsonPath("$.feedback")
            .value(f -> assertThat((String) f).contains("Budget was withdrawn"));
        api.get().uri("/api/v1/challenges/{id}", id).exchange().expectBody().jsonPath("$.status").isEqualTo("no-award");
    }

    @Test
    void ofConcurrentAwardsOfOneChallengeExactlyOneWins() throws Exception {
        Actor association = actor("association");
        List<String> responseIds = new ArrayList<>();
        String id = publishedChallenge(association, "Concurrent awards");
        for (int i = 0; i < 4; i++) {
            responseIds.add(submittedResponse(id, actor("supplier")));
        }
        close(id);

        WebTestClient client = api.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        CountDownLatch start = new CountDownLatch(1);
        var executor = Executors.newFixedThreadPool(8);
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String responseId = responseIds.get(i % responseIds.size());
            results.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                }
                catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return client.post()
                    .uri("/api/v1/challenges/{id}/award", id)
                    .header("Authorization", association.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("responseId", responseId))
                    .exchange()
                    .returnResult(String.class)
                    .getStatus()
                    .value();
            }, executor));
        }
        start.countDown();
        List<Integer> statuses = results.stream().map(CompletableFuture::join).toList();
        executor.shutdown();

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 200).containsOnly(409);
        UUID challenge = UUID.fromString(id);
        assertThat(db.sql("select count(*) as n from pilot where challenge_id = :c")
            .bind("c", challenge)
            .map(row -> row.get("n", Long.class))
            .one()
            .block()).isEqualTo(1);
        assertThat(db.sql("select count(*) as n from challenge_response where challenge_id = :c and status = 'awarded'")
            .bind("c", challenge)
            .map(row -> row.get("n", Long.class))
            .one()
            .block()).isEqualTo(1);
    }

    @Test
    void theAwardCreatesAPilotWhoseCompletedOutcomesBecomePublicEvidence() {
        Actor association = actor("association");
        Actor supplier = actor("supplier");
        String supplierProfile = (String) post("/api/v1/suppliers", supplier,
                supplierBody(supplier.organisationId(), "Damp Sense Ltd", "damp sensors"))
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        post("/api/v1/suppliers/" + supplierProfile + "/publish", supplier, null).expectStatus().isOk();
        String id = publishedChallenge(association, "Damp sensing pilot");
        String responseId = submittedResponse(id, supplier);
        close(id);
        String pilotId = (String) post("/api/v1/challenges/" + id + "/award", association,
                Map.of("responseId", responseId))
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("pilotId");

        // an active pilot is the two parties' own
        get("/api/v1/pilots/" + pilotId, actor("supplier")).expectStatus().isNotFound();
        get("/api/v1/pilots/" + pilotId, supplier).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("active");

        var pilot = post("/api/v1/pilots/" + pilotId + "/milestones", association,
                Map.of("title", "Sensors installed in 200 homes", "dueOn", LocalDate.now().plusDays(2).toString()))
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        String milestoneId = (String) ((Map<?, ?>) ((List<?>) pilot.get("milestones")).getFirst()).get("id");
        put("/api/v1/pilots/" + pilotId + "/milestones/" + milestoneId, supplier, Map.of("status", "finished"))
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("status");
        put("/api/v1/pilots/" + pilotId + "/milestones/" + milestoneId, supplier, Map.of("status", "done"))
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.milestones[0].status")
            .isEqualTo("done");

        var withOutcome = post("/api/v1/pilots/" + pilotId + "/outcomes", association, Map.of("measure",
                "Damp and mould reports", "unit", "damp reports per 1,000 homes", "baseline", 14, "target", 7))
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        String outcomeId = (String) ((Map<?, ?>) ((List<?>) withOutcome.get("outcomes")).getFirst()).get("id");
        post("/api/v1/pilots/" + pilotId + "/complete", association, Map.of("finalReport", "Done")).expectStatus()
            .isEqualTo(422)
            .expectBody()
            .jsonPath("$.errors[0].rule")
            .isEqualTo("actual-recorded");
        put("/api/v1/pilots/" + pilotId + "/outcomes/" + outcomeId, supplier, Map.of("actual", 6)).expectStatus()
            .isOk();
        post("/api/v1/pilots/" + pilotId + "/complete", supplier, Map.of("finalReport", "Done")).expectStatus()
            .isForbidden();

        api.get()
            .uri("/api/v1/suppliers/{id}/pilots", supplierProfile)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items.length()")
            .isEqualTo(0);
        api.get()
            .uri("/api/v1/pilots/completed?limit=100")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items[?(@.id == '" + pilotId + "')]")
            .isEmpty();
        post("/api/v1/pilots/" + pilotId + "/complete", association,
                Map.of("finalReport", "Reports halved across 200 homes"))
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("completed")
            .jsonPath("$.outcome")
            .isEqualTo("met");
        api.get()
            .uri("/api/v1/suppliers/{id}/pilots", supplierProfile)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items[0].outcomes[0].unit")
            .isEqualTo("damp reports per 1,000 homes")
            .jsonPath("$.items[0].outcomes[0].actual")
            .isEqualTo(6)
            .jsonPath("$.items[0].finalReport")
            .isEqualTo("Reports halved across 200 homes");
        // the landing page's latest completed pilots, read without signing in (issue 12):
        // newest first
        api.get()
            .uri("/api/v1/pilots/completed?limit=1")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items.length()")
            .isEqualTo(1)
            .jsonPath("$.items[0].id")
            .isEqualTo(pilotId)
            .jsonPath("$.items[0].outcome")
            .isEqualTo("met");
        put("/api/v1/pilots/" + pilotId + "/outcomes/" + outcomeId, supplier, Map.of("actual", 1)).expectStatus()
            .isEqualTo(409);
        // and matching's re-rank counts it as evidence for the supplier
        assertThat(pilotEvidence.completedPilots(List.of(UUID.fromString(supplierProfile))).block())
            .containsEntry(UUID.fromString(supplierProfile), 1);
    }

    // --- helpers
    // -------------------------------------------------------------------------------

    static Map<String, Object> brief(UUID organisationId, String title) {
        Map<String, Object> body = challengeBody(organisationId, title);
        body.put("essentialRequirements", List.of("Works in homes without broadband"));
        body.put("niceToHaveRequirements", List.of("Experience with social landlords"));
        body.put("pilotLengthWeeks", 12);
        body.put("location", "Gateshead");
        body.put("questionsCloseOn", LocalDate.now().plusDays(20).toString());
        return body;
    }

    String publishedChallenge(Actor association, String title) {
        String id = (String) post("/api/v1/challenges", association, brief(association.organisationId(), title))
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        post("/api/v1/challenges/" + id + "/publish", association, null).expectStatus().isOk();
        return id;
    }

    static Map<String, Object> responseBody(Actor supplier, Map<String, String> evidence) {
        Map<String, Object> body = new HashMap<>();
        body.put("organisationId", supplier.organisationId().toString());
        body.put("approach", "Install sensors, alert the repairs team, review monthly");
        body.put("evidence", evidence);
        body.put("pricePounds", 40_000);
        body.put("availability", "From next month");
        return body;
    }

    String submittedResponse(String challengeId, Actor supplier) {
        String id = (String) post("/api/v1/challenges/" + challengeId + "/responses", supplier,
                responseBody(supplier, Map.of("E1", "Runs on LoRaWAN, no broadband needed")))
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        post("/api/v1/responses/" + id + "/submit", supplier, null).expectStatus().isOk();
        return id;
    }

    void pastClosingDate(String challengeId) {
        db.sql("update challenge set closing_date = current_date - 1, questions_close_on = current_date - 2 where id = :id")
            .bind("id", UUID.fromString(challengeId))
            .then()
            .block();
    }

    void close(String challengeId) {
        pastClosingDate(challengeId);
        challenges.closeDue().block();
        api.get()
            .uri("/api/v1/challenges/{id}", challengeId)
            .exchange()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("closed");
    }

    Actor colleagueOf(Actor member) {
        return joinThroughInvitation(member, TestTokens.user("association"));
    }

    static Map<String, Object> scores(int technical, int socialValue, int price) {
        return Map.of("scores", Map.of("technical", technical, "social-value", socialValue, "price", price));
    }

}
