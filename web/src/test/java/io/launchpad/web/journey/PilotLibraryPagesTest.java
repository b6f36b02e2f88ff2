package io.launchpad.web.journey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.launchpad.web.ApiStub;
import io.launchpad.web.WebPageTest;
import io.launchpad.web.forms.FormsPeopleCanFinishTest;

/**
 * Issue 14, item 2: the pilot library and residents' feedback on the web, without script.
 */
class PilotLibraryPagesTest extends WebPageTest {

    private static final String CASE = """
            {"id":"p-1","title":"Damp sensing in 200 homes","challengeId":"c-1","challengeTitle":"Cut damp reports",
             "problem":"Tenants report damp too late","description":"","approach":"LoRaWAN sensors and alerts",
             "associationName":"Riverside Homes","supplierName":"Sensors Ltd","supplierProfileId":"sp-1",
             "categories":["damp-and-mould"],"regions":["north-west"],"outcome":"met","finalReport":"Reports halved",
             "startedAt":"2026-09-01T10:00:00Z","completedAt":"2026-12-01T10:00:00Z",
             "milestones":[{"id":"m-1","title":"Sensors installed","dueOn":"2026-10-01","status":"done"}],
             "outcomes":[{"id":"o-1","measure":"Damp reports","unit":"reports per 1,000 homes","baseline":14,"target":7,"actual":6}],
             "lessons":[{"id":"l-1","party":"association","organisationName":"Riverside Homes",
                         "lesson":"Agree thresholds with repairs first","verdict":"would-do-again"}],
             "residentFeedback":[{"id":"f-1","kind":"quote","text":"The bedroom wall is dry"},
                                 {"id":"f-2","kind":"survey","text":"My home is less damp","respondents":112,"agreePercent":78.5}]}""";

    @Test
    void aCasePageTellsTheProblemApproachFiguresResidentsAndLessonsWithAChartOnOneScale() {
        json("/api/v1/pilot-library/p-1", CASE);

        Document page = Jsoup.parse(web.get()
            .uri("/library/p-1")
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody());

        assertThat(page.select("[data-testid=case-title]").text()).isEqualTo("Damp sensing in 200 homes");
        assertThat(page.select("[data-testid=case-approach]").text()).isEqualTo("LoRaWAN sensors and alerts");
        assertThat(page.text()).contains("Damp and mould", "North West", "1 December 2026");
        var bars = page.select("[data-testid=case-measure] rect");
        assertThat(bars).hasSize(3);
        assertThat(bars.get(0).attr("width")).isEqualTo("55.0%"); // before: 14, the
                                                                  // longest
        assertThat(bars.get(1).attr("width")).isEqualTo("27.5%"); // target: 7
        assertThat(page.select("[data-testid=case-measure] svg").attr("aria-label"))
            .isEqualTo("Damp reports: before 14, target 7, achieved 6");
        assertThat(page.select("[data-testid=case-measure-table] tr").eachText()).containsExactly("Before 14",
                "Target 7", "Achieved 6");
        assertThat(page.select("[data-testid=case-resident]").eachText()).containsExactly("The bedroom wall is dry",
                "My home is less damp: 78.5% agreed (112 residents answered)");
        assertThat(page.select("[data-testid=case-lesson]").text()).contains("Would do it again");
        assertThat(page.select("script, [style]")).isEmpty();
    }

    @Test
    void theLibraryPassesItsFiltersToTheApiAndKeepsThemInTheForm() {
        json("/api/v1/pilot-library", """
                {"items":[{"id":"p-1","title":"Damp sensing in 200 homes","problem":"Tenants report damp too late",
                  "associationName":"Riverside Homes","supplierName":"Sensors Ltd","categories":["damp-and-mould"],
                  "regions":["north-west"],"outcome":"met","completedAt":"2026-12-01T10:00:00Z","outcomeMeasures":2,
                  "targetsMet":1,"residentVoices":2,"verdict":"would-do-again"}],"nextCursor":"abc"}""");

        Document page = Jsoup.parse(web.get()
            .uri("/library?q=damp&category=damp-and-mould&outcome=met")
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody());

        ApiStub.SERVER
            .verify(getRequestedFor(urlPathEqualTo("/api/v1/pilot-library")).withQueryParam("q", equalTo("damp"))
                .withQueryParam("category", equalTo("damp-and-mould"))
                .withQueryParam("outcome", equalTo("met")));
        assertThat(page.select("#q").val()).isEqualTo("damp");
        assertThat(page.select("#category option[selected]").val()).isEqualTo("damp-and-mould");
        assertThat(page.select("[data-testid=library-case-result]").text())
            .isEqualTo("1 of 2 targets met · 2 from residents · The association would do it again");
        assertThat(page.select("[data-testid=library-next]").attr("href")).contains("cursor=abc", "q=damp");
    }

    @Test
    void refusedResidentFeedbackKeepsWhatWasTypedAndSaysWhyBesideTheField() {
        json("/api/v1/me",
                """
                        {"subject":"u-1","username":"amara","name":"Amara","roles":["association"],
                         "memberships":[{"organisationId":"org-1","organisationName":"Riverside Homes","organisationType":"association"}]}""");
        json("/api/v1/pilots/p-2",
                """
                        {"id":"p-2","title":"Damp sensing","status":"active","outcome":null,"finalReport":null,"associationOrganisationId":"org-1",
                         "supplierOrganisationId":"org-2","milestones":[],"outcomes":[],"lessons":[],"residentFeedback":[]}""");
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/pilots/p-2/resident-feedback")).willReturn(aResponse()
            .withStatus(400)
            .withHeader("Content-Type", "application/problem+json")
            .withBody(
                    """
                            {"title":"Bad Request","status":400,"detail":"residentsConsented: must be true",
                             "errors":[{"field":"residentsConsented","rule":"must-be-true","message":"must be true: residents agreed to share this"},
                                       {"field":"respondents","rule":"required-for-survey","message":"a survey result needs how many residents answered"}]}""")));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("kind", "survey");
        form.add("text", "My home is less damp");
        form.add("agreePercent", "78.5");

        Document page = Jsoup
            .parse(submitAs(signedIn("u-1", "Amara", "association"), "/pilots/p-2/resident-feedback", form));

        ApiStub.SERVER.verify(postRequestedFor(urlPathEqualTo("/api/v1/pilots/p-2/resident-feedback"))
            .withRequestBody(matchingJsonPath("$.residentsConsented", equalTo("false")))
            .withRequestBody(matchingJsonPath("$.agreePercent", equalTo("78.5"))));
        FormsPeopleCanFinishTest.everySummaryLinkLeadsToItsFieldWithTheSameMessageBesideIt(page);
        assertThat(page.select("[data-testid=error-summary-link]").eachAttr("href"))
            .containsExactlyInAnyOrder("#residentsConsented", "#respondents");
        assertThat(page.select("[data-testid=error-summary] li").eachText()).containsExactlyInAnyOrder(
                "Confirm that the residents agreed to share this", "Enter how many residents answered the survey");
        assertThat(page.select("#text").text()).isEqualTo("My home is less damp");
        assertThat(page.select("#agreePercent").val()).isEqualTo("78.5");
        assertThat(page.select("#kind-survey").hasAttr("checked")).isTrue();
        assertThat(page.select("#lesson")).as("either party may add a lesson").hasSize(1);
        assertThat(page.select("#verdict")).as("the association says whether it would do it again").hasSize(1);
    }

    private static void json(String path, String body) {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo(path))
            .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
    }

}
