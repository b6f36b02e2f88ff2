package io.launchpad.web.journey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

import io.launchpad.web.ApiStub;
import io.launchpad.web.WebPageTest;
import com.github.tomakehurst.wiremock.client.WireMock;

/**
 * The journey pages render the API's answers without script, and show the API's refusals
 * on the form.
 */
class JourneyPagesTest extends WebPageTest {

    @Test
    void programmeFiguresAreDrawnAsSvgBarsScaledToTheLargestValue() {
        json("/api/v1/admin/programme", """
                {"challengesByStage":{"draft":1,"published":4,"closed":2,"awarded":2,"no-award":0,"withdrawn":0},
                 "responsesPerChallenge":[{"challengeId":"c1","title":"Damp sensing","status":"awarded","responses":3}],
                 "meanResponsesPerChallenge":3.0,
                 "timeToAward":{"awarded":2,"meanDays":12.5,"medianDays":12.5},
                 "pilotsByOutcome":{"active":1,"met":1,"partly-met":0,"not-met":0}}""");
        Document page = page("/admin/programme");
        var stages = page.select("[data-testid=chart-stages] rect");
        assertThat(stages).hasSize(6);
        assertThat(stages.get(1).attr("width")).isEqualTo("45.0%"); // published, the
                                                                    // largest
        assertThat(stages.get(0).attr("width")).isEqualTo("11.25%");
        assertThat(page.select("[data-testid=chart-stages] svg").attr("aria-label")).isEqualTo("Challenges by stage");
        assertThat(page.select("[data-testid=time-to-award]").text()).contains("12.5");
        assertThat(page.select("script, [style]")).isEmpty();
        // codes are said in words, in the chart and in its table
        assertThat(page.select("[data-testid=chart-stages] table th").eachText())
            .contains("Open", "Closed without an award")
            .doesNotContain("published", "no-award");
        assertThat(page.select("main").text()).doesNotContain("partly-met", "no-award");
    }

    @Test
    void anAwardRefusedByTheApiIsExplainedOnTheEvaluationPage() {
        json("/api/v1/challenges/ch-1", """
                {"id":"ch-1","organisationId":"org-1","title":"Damp sensing","status":"published",
                 "weightings":[{"criterion":"technical","weight":100}],"requirements":[]}""");
        json("/api/v1/challenges/ch-1/responses", """
                {"challengeId":"ch-1","items":[{"id":"r-1","supplierName":"Sensors Ltd","status":"submitted",
                 "evaluation":{"weightedTotal":0.0,"rank":1}}]}""");
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/challenges/ch-1/award"))
            .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json").withBody("""
                    {"type":"https://launchpad.example/problems/conflict","title":"Conflict","status":409,
                     "detail":"status: the challenge has not closed yet; decide after 2026-12-01"}""")));

        json("/api/v1/responses/r-1", """
                {"id":"r-1","challengeId":"ch-1","supplierName":"Sensors Ltd","status":"submitted"}""");

        // the award button asks first, and nothing reaches the API until the person says
        // yes
        Document confirm = Jsoup.parse(web.mutateWith(signedIn("amara", "Amara"))
            .mutateWith(csrf())
            .post()
            .uri("/challenges/ch-1/award")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData("responseId", "r-1"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody());
        assertThat(confirm.select("[data-testid=confirm-heading]").text())
            .isEqualTo("Award ‘Damp sensing’ to Sensors Ltd?");
        assertThat(confirm.select("[data-testid=confirm-consequences] li").eachText())
            .anyMatch(sentence -> sentence.contains("not successful"));
        assertThat(confirm.select("[data-testid=confirm-form] input[name=responseId]").val()).isEqualTo("r-1");
        assertThat(confirm.select("[data-testid=confirm-form] input[name=confirmed]").val()).isEqualTo("yes");
        assertThat(confirm.select("[data-testid=confirm-cancel]").attr("href")).isEqualTo("/challenges/ch-1/evaluate");
        ApiStub.SERVER.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/challenges/ch-1/award")));

        String html = web.mutateWith(signedIn("amara", "Amara"))
            .mutateWith(csrf())
            .post()
            .uri("/challenges/ch-1/award")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData("responseId", "r-1").with("confirmed", "yes"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        Document page = Jsoup.parse(html);
        assertThat(page.select("[data-testid=form-error]").text()).contains("has not closed yet");
        assertThat(page.select("[data-testid=response-item]")).hasSize(1);
        ApiStub.SERVER.verify(postRequestedFor(urlPathEqualTo("/api/v1/challenges/ch-1/award"))
            .withRequestBody(equalTo("{\"responseId\":\"r-1\"}")));
    }

    @Test
    void evaluationShowsEachRequirementBesideItsEvidenceWithPriceAndSaysWhenNothingIsScored() {
        json("/api/v1/challenges/ch-2", """
                {"id":"ch-2","organisationId":"org-1","title":"Damp sensing","status":"closed",
                 "weightings":[{"criterion":"technical","weight":60},{"criterion":"social-value","weight":40}],
                 "requirements":[{"id":"E1","essential":true,"text":"Battery life over two years"},
                                 {"id":"N1","essential":false,"text":"Works with our repairs system"}]}""");
        json("/api/v1/challenges/ch-2/responses", """
                {"challengeId":"ch-2","items":[{"id":"r-1","supplierName":"Sensors Ltd","status":"submitted",
                 "evidence":{"E1":"Five-year lithium cells"},"pricePounds":30000,"availability":"From March",
                 "evaluation":{"scores":{},"evaluators":0,"weightedTotal":0.0,"fullyScored":false,"rank":1}}]}""");

        Document page = page("/challenges/ch-2/evaluate");

        Element item = page.selectFirst("[data-testid=response-item]");
        assertThat(item.select("[data-testid=weighted-total]").text()).isEqualTo("Not scored yet");
        assertThat(item.text()).doesNotContain("rank 1", "0.0 / 100");
        assertThat(item.select("[data-testid=response-price]").text()).isEqualTo("£30,000");
        assertThat(item.select("[data-testid=response-availability]").text()).isEqualTo("From March");
        assertThat(item.select("[data-testid=evidence-requirement]").eachText())
            .containsExactly("Essential Battery life over two years", "Nice to have Works with our repairs system");
        assertThat(item.select("[data-testid=evidence-given]").eachText()).containsExactly("Five-year lithium cells",
                "No evidence given");
        assertThat(item.text()).doesNotContain("E1", "N1");
        assertThat(item.select("label[for^=score-]").eachText()).as("criteria in words, not codes")
            .containsExactly("Technical (60%)", "Social value (40%)");
        assertThat(item.selectFirst("[data-testid=evaluate-evidence]").hasAttr("open"))
            .as("the evidence is shown, not folded away, while evaluating")
            .isTrue();
    }

    @Test
    void theScoreBoxesShowWhatThisEvaluatorSavedAndAfterARefusalWhatTheyChose() {
        json("/api/v1/challenges/ch-3", """
                {"id":"ch-3","organisationId":"org-1","title":"Damp sensing","status":"closed",
                 "weightings":[{"criterion":"technical","weight":60},{"criterion":"social-value","weight":40}],
                 "requirements":[]}""");
        json("/api/v1/challenges/ch-3/responses", """
                {"challengeId":"ch-3","items":[{"id":"r-3","supplierName":"Sensors Ltd","status":"submitted",
                 "evaluation":{"scores":{"technical":6.5},"evaluators":2,"weightedTotal":39.0,"fullyScored":false,
                               "rank":1,"yourScores":{"technical":8}}}]}""");

        Element saved = page("/challenges/ch-3/evaluate").selectFirst("[data-testid=response-item]");
        assertThat(saved.select("select[name=score-technical] option[selected]").val())
            .as("the reader's own score, not the mean of 6.5")
            .isEqualTo("8");
        assertThat(saved.select("select[name=score-social-value] option[selected]").text()).isEqualTo("Not scored");

        ApiStub.SERVER.stubFor(WireMock.put(urlPathEqualTo("/api/v1/responses/r-3/scores"))
            .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json").withBody("""
                    {"type":"https://launchpad.example/problems/conflict","title":"Conflict","status":409,
                     "detail":"the challenge was decided while you were scoring"}""")));
        Document refused = Jsoup.parse(web.mutateWith(signedIn("amara", "Amara"))
            .mutateWith(csrf())
            .post()
            .uri("/challenges/ch-3/responses/r-3/scores")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData("score-technical", "3").with("score-social-value", "9"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody());
        Element item = refused.selectFirst("[data-testid=response-item]");
        assertThat(item.select("select[name=score-technical] option[selected]").val()).isEqualTo("3");
        assertThat(item.select("select[name=score-social-value] option[selected]").val()).isEqualTo("9");
    }

    @Test
    void aPilotsOutcomeTableScrollsInItsOwnFocusableRegionSoA320PxPageDoesNotScrollSideways() {
        json("/api/v1/pilots/p-1", """
                {"id":"p-1","title":"Damp sensing","status":"active","outcome":null,"finalReport":null,
                 "milestones":[],
                 "outcomes":[{"id":"o-1","measure":"Damp reports","unit":"reports per 1,000 homes",
                              "baseline":14,"target":7,"actual":null}]}""");

        Document page = page("/pilots/p-1");

        Element region = page.selectFirst("[data-testid=outcomes-region]");
        assertThat(region).isNotNull();
        assertThat(region.hasClass("table-wrap")).isTrue();
        assertThat(region.attr("tabindex")).isEqualTo("0");
        assertThat(region.attr("role")).isEqualTo("region");
        assertThat(region.attr("aria-label")).isEqualTo("Outcome measures");
        assertThat(region.select("[data-testid=outcome]").text()).contains("Damp reports", "reports per 1,000 homes");
    }

    private Document page(String path) {
        return Jsoup.parse(pageAs(signedIn("admin", "Admin"), path));
    }

    private static void json(String path, String body) {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo(path))
            .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
    }

}
