package io.launchpad.api.pilot;

import io.launchpad.api.challenge.Challenges;
import io.launchpad.api.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, item 2: completed pilots become public case pages, searchable, with what each
 * party learned, whether the association would do it again, and residents' own feedback
 * beside the figures.
 */
class PilotLibraryApiTest extends ApiTestBase {

    @Autowired
    Challenges challenges;

    @Test
    void aCompletedPilotIsAPublicCaseWithLessonsAndResidentsFeedbackAndTheLibraryFindsIt() {
        Actor association = actor("association");
        Actor supplier = actor("supplier");
        String marker = "Library" + UUID.randomUUID().toString().substring(0, 8);
        String pilot = awardedPilot(association, supplier, "Damp sensing " + marker);
        String outcome = (String) ((Map<?, ?>) ((List<?>) post("/api/v1/pilots/" + pilot + "/outcomes", association,
                Map.of("measure", "Damp reports", "unit", "reports per 1,000 homes", "baseline", 14, "target", 7))
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("outcomes")).getFirst()).get("id");
        put("/api/v1/pilots/" + pilot + "/outcomes/" + outcome, supplier, Map.of("actual", 6)).expectStatus().isOk();

        // lessons from both parties; only the association says whether it would do it
        // again
        post("/api/v1/pilots/" + pilot + "/lessons", supplier,
                Map.of("lesson", "Fit sensors before winter", "verdict", "would-do-again"))
            .expectStatus()
            .isEqualTo(422)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("verdict")
            .jsonPath("$.errors[0].rule")
            .isEqualTo("association-only");
        post("/api/v1/pilots/" + pilot + "/lessons", supplier, Map.of("lesson", "Fit sensors before winter"))
            .expectStatus()
            .isCreated();
        post("/api/v1/pilots/" + pilot + "/lessons", actor("supplier"), Map.of("lesson", "Not ours to say"))
            .expectStatus()
            .isNotFound();

        // residents' feedback: the association's, with consent, complete
        long before = count("pilot_resident_feedback");
        post("/api/v1/pilots/" + pilot + "/resident-feedback", association,
                Map.of("kind", "quote", "text", "The flat feels drier", "residentsConsented", false))
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("residentsConsented");
        post("/api/v1/pilots/" + pilot + "/resident-feedback", association,
                Map.of("kind", "survey", "text", "My home is less damp", "residentsConsented", true))
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("respondents");
        post("/api/v1/pilots/" + pilot + "/resident-feedback", association,
                Map.of("kind", "poem", "text", "x", "residentsConsented", true))
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("kind");
        post("/api/v1/pilots/" + pilot + "/resident-feedback", association,
                Map.of("kind", "survey", "text", "My home is less damp", "respondents", 112, "agreePercent", 140,
                        "residentsConsented", true))
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("agreePercent");
        post("/api/v1/pilots/" + pilot + "/resident-feedback", supplier,
                Map.of("kind", "quote", "text", "Great supplier", "residentsConsented", true))
            .expectStatus()
            .isForbidden();
        assertThat(count("pilot_resident_feedback")).isEqualTo(before);
        post("/api/v1/pilots/" + pilot + "/resident-feedback", association, Map.of("kind", "quote", "text",
                "The bedroom wall is dry for the first winter in years", "residentsConsented", true))
            .expectStatus()
            .isCreated();
        post("/api/v1/pilots/" + pilot + "/resident-feedback", association,
                Map.of("kind", "survey", "text", "My home is less damp than last year", "respondents", 112,
                        "agreePercent", 78.5, "residentsConsented", true))
            .expectStatus()
            .isCreated();

        // not in the library until completed
        api.get().uri("/api/v1/pilot-library/{id}", pilot).exchange().expectStatus().isNotFound();
        post("/api/v1/pilots/" + pilot + "/complete", association, Map.of("finalReport", "Reports halved"))
            .expectStatus()
            .isOk();
        post("/api/v1/pilots/" + pilot + "/lessons", association,
                Map.of("lesson", "Agree the alert thresholds with the repairs team first", "verdict", "would-do-again"))
            .expectStatus()
            .isCreated();

        api.get()
            .uri("/api/v1/pilot-library/{id}", pilot)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.title")
            .isEqualTo("Damp sensing " + marker)
            .jsonPath("$.problem")
            .isNotEmpty()
            .jsonPath("$.approach")
            .isEqualTo("Install sensors, alert the repairs team")
            .jsonPath("$.outcome")
            .isEqualTo("met")
            .jsonPath("$.outcomes[0].actual")
            .isEqualTo(6)
            .jsonPath("$.lessons.length()")
            .isEqualTo(2)
            .jsonPath("$.lessons[0].party")
            .isEqualTo("supplier")
            .jsonPath("$.lessons[1].verdict")
            .isEqualTo("would-do-again")
            .jsonPath("$.residentFeedback[0].kind")
            .isEqualTo("quote")
            .jsonPath("$.residentFeedback[1].agreePercent")
            .isEqualTo(78.5)
            .jsonPath("$.residentFeedback[1].respondents")
            .isEqualTo(112);

        // the library: by words, by category, by outcome; other filters leave it out
        api.get()
            .uri("/api/v1/pilot-library?q={q}", marker)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items.length()")
            .isEqualTo(1)
            .jsonPath("$.items[0].id")
            .isEqualTo(pilot)
            .jsonPath("$.items[0].targetsMet")
            .isEqualTo(1)
            .jsonPath("$.items[0].residentVoices")
            .isEqualTo(2)
            .jsonPath("$.items[0].verdict")
            .isEqualTo("would-do-again");
        api.get()
            .uri("/api/v1/pilot-library?q={q}&category=repairs-and-maintenance&outcome=met", marker)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items.length()")
            .isEqualTo(1);
        api.get()
            .uri("/api/v1/pilot-library?q={q}&outcome=not-met", marker)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items.length()")
            .isEqualTo(0);
        api.get()
            .uri("/api/v1/pilot-library?q={q}&region=london", marker)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items.length()")
            .isEqualTo(0);
        // a % in the words is a character, not a wildcard
        api.get().uri("/api/v1/pilot-library?q=%25").exchange().expectStatus().isOk();

        // bad filters: 400 naming the parameter
        badFilter("/api/v1/pilot-library?outcome=great", "outcome");
        badFilter("/api/v1/pilot-library?category=teleportation", "category");
        badFilter("/api/v1/pilot-library?region=atlantis", "region");
        badFilter("/api/v1/pilot-library?cursor=nonsense", "cursor");
        badFilter("/api/v1/pilot-library?q=" + "x".repeat(201), "q");
    }

    private void badFilter(String uri, String field) {
        api.get()
            .uri(uri)
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo(field);
    }

    private String awardedPilot(Actor association, Actor supplier, String title) {
        Map<String, Object> brief = challengeBody(association.organisationId(), title);
        brief.put("categories", List.of("repairs-and-maintenance"));
        brief.put("essentialRequirements", List.of("Works without broadband"));
        String challenge = (String) post("/api/v1/challenges", association, brief).expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        post("/api/v1/challenges/" + challenge + "/publish", association, null).expectStatus().isOk();
        Map<String, Object> body = new HashMap<>();
        body.put("organisationId", supplier.organisationId().toString());
        body.put("approach", "Install sensors, alert the repairs team");
        body.put("evidence", Map.of("E1", "Runs on LoRaWAN"));
        body.put("pricePounds", 20_000);
        body.put("availability", "Now");
        String response = (String) post("/api/v1/challenges/" + challenge + "/responses", supplier, body).expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        post("/api/v1/responses/" + response + "/submit", supplier, null).expectStatus().isOk();
        db.sql("update challenge set closing_date = current_date - 1, questions_close_on = current_date - 2 where id = :id")
            .bind("id", UUID.fromString(challenge))
            .then()
            .block();
        challenges.closeDue().block();
        return (String) post("/api/v1/challenges/" + challenge + "/award", association, Map.of("responseId", response))
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("pilotId");
    }

}
