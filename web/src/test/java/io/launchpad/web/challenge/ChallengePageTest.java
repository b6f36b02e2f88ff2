package io.launchpad.web.challenge;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.launchpad.web.challenge.ApiJson.challenge;
import static io.launchpad.web.challenge.ApiJson.json;
import static io.launchpad.web.challenge.ApiJson.me;
import static io.launchpad.web.challenge.ApiJson.problem;
import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import io.launchpad.web.ApiStub;
import io.launchpad.web.SignedInUsers;
import io.launchpad.web.WebPageTest;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

class ChallengePageTest extends WebPageTest {

    private static final String MATCHES = """
            {"challengeId":"ch-1","verdict":{"strongMatch":true,"bestScore":87,"message":null},"items":[
              {"supplierId":"sup-1","name":"Sensible Sensors Ltd","summary":"Humidity sensors for social homes.","score":87,
               "highlights":[{"field":"capabilities","text":"… early damp sensing …","segments":[
                                {"text":"… early ","marked":false},{"text":"damp","marked":true},{"text":" sensing …","marked":false}]},
                             {"field":"caseStudies.outcome","text":"mould reports fell by a third","segments":[
                                {"text":"mould","marked":true},{"text":" reports fell by a third","marked":false}]}],
               "regions":["north-west","remote"],
               "reasons":{"explanations":["Evidences the essential requirement “Spots damp early”: “We spot damp early.”",
                                          "Works in North West."],"completedPilots":2}},
              {"supplierId":"sup-2","name":"Fix It Fast","summary":null,"score":64,"highlights":[],"regions":[]}
            ]}
            """;

    @BeforeEach
    void stubApi() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/challenges/ch-1"))
            .willReturn(json(challenge("ch-1", "org-1", "Cut damp reports"))));
    }

    @Test
    void showsTheChallenge() {
        Document page = renderAnonymously("/challenges/ch-1");

        assertThat(page.selectFirst("h1").text()).isEqualTo("Cut damp reports");
        assertThat(page.getElementById("challenge").text()).contains("Northern Homes",
                "Spot damp before tenants have to report it.", "We get 400 damp reports a month.", "Damp and mould",
                "North West", "£10,000 to £50,000", "31 December 2026");
        assertThat(page.selectFirst("title").text()).isEqualTo("Cut damp reports – Launchpad");
    }

    @Test
    void aSupplierReadsEverythingNeededToDecideWhetherToRespond() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/challenges/ch-9"))
            .willReturn(json(challenge("ch-9", "org-1", "Cut damp reports").replace("\"version\":3}", """
                    "version":3,"requirements":[{"id":"E1","essential":true,"text":"Battery life over two years"},
                      {"id":"N1","essential":false,"text":"Works with our repairs system"}],
                     "weightings":[{"criterion":"technical","weight":60},{"criterion":"social-value","weight":10},
                                   {"criterion":"price","weight":30}],
                     "pilotLengthWeeks":12,"location":"Salford, in tenants' homes","questionsCloseOn":"2026-12-17",
                     "requiredAccreditations":["cyber-essentials-plus"]}"""))));

        Document page = renderAnonymously("/challenges/ch-9");

        assertThat(page.select("[data-testid=essential-requirements] li").eachText())
            .containsExactly("Battery life over two years");
        assertThat(page.select("[data-testid=nice-to-have-requirements] li").eachText())
            .containsExactly("Works with our repairs system");
        assertThat(page.select("[data-testid=weightings] li").eachText()).containsExactly("Technical: 60%",
                "Social value: 10%", "Price: 30%");
        assertThat(page.select("[data-testid=pilot-length]").text()).isEqualTo("12 weeks");
        assertThat(page.select("[data-testid=location]").text()).isEqualTo("Salford, in tenants' homes");
        assertThat(page.select("[data-testid=questions-close]").text()).isEqualTo("17 December 2026");
        assertThat(page.select("[data-testid=accreditations]").text()).isEqualTo("Cyber Essentials Plus");
    }

    @Test
    void ownerSeesMatchedSuppliersWithScoresAndHighlights() {
        stubMe("org-1");
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/challenges/ch-1/matches")).willReturn(json(MATCHES)));

        Document page = renderAs("ada", "/challenges/ch-1");

        Element matches = page.getElementById("matches");
        assertThat(matches).isNotNull();
        assertThat(matches.selectFirst("h2").text()).isEqualTo("Matched suppliers");
        Elements items = matches.select("[data-testid=match-item]");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).selectFirst("h3").text()).isEqualTo("Sensible Sensors Ltd");
        assertThat(items.eachText().getFirst()).contains("Humidity sensors for social homes.",
                "Works in North West, Remote");
        assertThat(matches.select("[data-testid=match-score]").eachText()).containsExactly("87 / 100", "64 / 100");
        Elements highlights = items.get(0).select("[data-testid=match-highlight]");
        assertThat(highlights.eachText()).containsExactly("Capabilities: … early damp sensing …",
                "Outcome: mould reports fell by a third");
        assertThat(items.get(0).select("mark").eachText()).containsExactly("damp", "mould");
        assertThat(items.get(0).select("[data-testid=match-reason]").eachText()).containsExactly(
                "Evidences the essential requirement “Spots damp early”: “We spot damp early.”",
                "Works in North West.");
        // completed pilots counted as evidence are one click away: the supplier's page
        // lists them, each a library case
        assertThat(items.get(0).select("[data-testid=match-pilots] a").attr("href"))
            .isEqualTo("/suppliers/sup-1#pilots-heading");
        assertThat(items.get(0).select("[data-testid=match-pilots]").text())
            .isEqualTo("Read the 2 pilots it completed through Launchpad");
        assertThat(items.get(1).select("[data-testid=match-pilots]")).isEmpty();
        assertThat(page.getElementById("no-strong-match")).isNull();
        assertThat(page.getElementById("matches-unavailable")).isNull();
        // both calls carry the signed-in user's token, so the API applies that user's
        // permissions
        ApiStub.SERVER.verify(getRequestedFor(urlPathEqualTo("/api/v1/me")).withHeader("Authorization",
                equalTo("Bearer " + SignedInUsers.ACCESS_TOKEN)));
        ApiStub.SERVER.verify(getRequestedFor(urlPathEqualTo("/api/v1/challenges/ch-1/matches"))
            .withHeader("Authorization", equalTo("Bearer " + SignedInUsers.ACCESS_TOKEN)));
    }

    @Test
    void markupInAHighlightIsShownAsTextAndOnlyMarkTagsSurvive() {
        stubMe("org-1");
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/challenges/ch-1/matches")).willReturn(
                json("""
                        {"challengeId":"ch-1","verdict":{"strongMatch":false,"bestScore":30,
                          "message":"No strong match: the best of these suppliers scores 30 out of 100. <b>Read</b> the reasons."},
                          "items":[{"supplierId":"sup-1","name":"Sly Ltd","summary":"x","score":30,
                          "highlights":[{"field":"capabilities","text":"<script>alert(1)</script> damp & <img src=x onerror=alert(2)> <b>bold</b>",
                            "segments":[{"text":"<script>alert(1)</script> ","marked":false},{"text":"damp","marked":true},
                                        {"text":" & <img src=x onerror=alert(2)> <b>bold</b>","marked":false}]}],
                          "regions":[],"reasons":{"explanations":["<i>Works</i> in North West."]}}]}
                        """)));

        String body = renderBodyAs("ada", "/challenges/ch-1");
        Document page = Jsoup.parse(body);

        Element highlight = page.selectFirst("[data-testid=match-highlight]");
        assertThat(highlight.select("mark").eachText()).containsExactly("damp");
        assertThat(highlight.select("script, img, b")).isEmpty();
        assertThat(highlight.text())
            .isEqualTo("Capabilities: <script>alert(1)</script> damp & <img src=x onerror=alert(2)> <b>bold</b>");
        assertThat(body).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>", "<img", "<i>");
        // a weak list says so, in the API's words, as text
        assertThat(page.getElementById("no-strong-match").text())
            .startsWith("No strong match: the best of these suppliers scores 30");
        assertThat(page.select("#no-strong-match b")).isEmpty();
    }

    @Test
    void theOwnerPagesThroughMatchesAndAStaleLinkFallsBackToTheFirstPage() {
        stubMe("org-1");
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/challenges/ch-1/matches")).atPriority(5)
            .willReturn(json(MATCHES.replace("\"items\":[", "\"nextCursor\":\"Y3Vyc29yLTI\",\"items\":["))));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/challenges/ch-1/matches")).atPriority(1)
            .withQueryParam("cursor", equalTo("Y3Vyc29yLTI"))
            .willReturn(json("""
                    {"challengeId":"ch-1","items":[{"supplierId":"sup-3","name":"Third Ltd","summary":null,"score":40,
                      "highlights":[],"regions":[]}],"nextCursor":null}
                    """)));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/challenges/ch-1/matches")).atPriority(1)
            .withQueryParam("cursor", equalTo("stale"))
            .willReturn(problem(400, "cursor is not a cursor this API issued")));

        Document first = renderAs("ada", "/challenges/ch-1");
        String next = first.selectFirst("[data-testid=matches-next]").attr("href");
        assertThat(next).isEqualTo("/challenges/ch-1?matches=Y3Vyc29yLTI&from=3#matches");

        Document second = renderAs("ada", next.replace("#matches", ""));
        assertThat(second.select("[data-testid=match-item] h3").eachText()).containsExactly("Third Ltd");
        assertThat(second.selectFirst("#matches ol").attr("start")).isEqualTo("3");
        assertThat(second.select("[data-testid=matches-next]")).isEmpty();
        assertThat(second.selectFirst("[data-testid=matches-first]").attr("href"))
            .isEqualTo("/challenges/ch-1#matches");

        Document stale = renderAs("ada", "/challenges/ch-1?matches=stale&from=11");
        assertThat(stale.select("[data-testid=match-item] h3").eachText()).containsExactly("Sensible Sensors Ltd",
                "Fix It Fast");
        assertThat(stale.getElementById("matches-unavailable")).isNull();
    }

    @Test
    void closingEarlyAsksFirstSaysWhatHappensAndOnlyThenCallsTheApi() {
        stubMe("org-1");
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/challenges/ch-1/matches")).willReturn(json(MATCHES)));
        ApiStub.SERVER.stubFor(WireMock.post(urlPathEqualTo("/api/v1/challenges/ch-1/close"))
            .willReturn(json(challenge("ch-1", "org-1", "Cut damp reports"))));

        Document page = renderAs("ada", "/challenges/ch-1");
        assertThat(page.select("[data-testid=close-early]").text()).isEqualTo("Close early");

        Document confirm = Jsoup
            .parse(submitAs(signedIn("ada", "Ada"), "/challenges/ch-1/close", new LinkedMultiValueMap<>()));
        assertThat(confirm.select("[data-testid=confirm-heading]").text()).isEqualTo("Close ‘Cut damp reports’ now?");
        assertThat(confirm.select("[data-testid=confirm-consequences] li").eachText())
            .anyMatch(sentence -> sentence.contains("cannot be submitted"));
        assertThat(confirm.select("[data-testid=confirm-button]").text()).isEqualTo("Yes, close it now");
        ApiStub.SERVER.verify(0, WireMock.postRequestedFor(urlPathEqualTo("/api/v1/challenges/ch-1/close")));

        var form = new LinkedMultiValueMap<String, String>();
        form.add("confirmed", "yes");
        web.mutateWith(signedIn("ada", "Ada"))
            .mutateWith(org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf())
            .post()
            .uri("/challenges/ch-1/close")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData(form))
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .expectHeader()
            .valueEquals("Location", "/challenges/ch-1");
        ApiStub.SERVER.verify(1, WireMock.postRequestedFor(urlPathEqualTo("/api/v1/challenges/ch-1/close")));
    }

    @Test
    void memberOfAnotherOrganisationDoesNotSeeMatches() {
        stubMe("org-2");
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/challenges/ch-1/matches")).willReturn(json(MATCHES)));

        Document page = renderAs("bob", "/challenges/ch-1");

        assertThat(page.selectFirst("h1").text()).isEqualTo("Cut damp reports");
        assertThat(page.getElementById("matches")).isNull();
        assertThat(page.select("[data-testid=match-item]")).isEmpty();
        ApiStub.SERVER.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/challenges/ch-1/matches")));
    }

    @Test
    void anonymousVisitorDoesNotSeeMatchesAndIsNotLookedUp() {
        Document page = renderAnonymously("/challenges/ch-1");

        assertThat(page.getElementById("matches")).isNull();
        ApiStub.SERVER.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/me")));
        ApiStub.SERVER.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/challenges/ch-1/matches")));
    }

    @Test
    void whenMatchingIsUnavailableThePageStillRendersAndSaysSo() {
        stubMe("org-1");
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/challenges/ch-1/matches"))
            .willReturn(problem(503, "Matching unavailable").withHeader("Retry-After", "30")));

        Document page = renderAs("ada", "/challenges/ch-1");

        assertThat(page.selectFirst("h1").text()).isEqualTo("Cut damp reports");
        assertThat(page.getElementById("matches-unavailable").text()).contains("Matching is temporarily unavailable");
        assertThat(page.select("[data-testid=match-item]")).isEmpty();
    }

    @Test
    void whenTheApiRefusesMatchesTheSectionIsLeftOut() {
        stubMe("org-1");
        ApiStub.SERVER
            .stubFor(get(urlPathEqualTo("/api/v1/challenges/ch-1/matches")).willReturn(problem(403, "Forbidden")));

        Document page = renderAs("ada", "/challenges/ch-1");

        assertThat(page.selectFirst("h1").text()).isEqualTo("Cut damp reports");
        assertThat(page.getElementById("matches")).isNull();
    }

    @Test
    void unknownChallengeShowsTheNotFoundPage() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/challenges/nope")).willReturn(problem(404, "Not Found")));

        String body = web.get()
            .uri("/challenges/nope")
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isEqualTo(HttpStatus.NOT_FOUND)
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

        Document page = Jsoup.parse(body);
        assertThat(page.selectFirst("h1").text()).isEqualTo("Page not found");
        assertThat(page.selectFirst("main a").attr("href")).isEqualTo("/challenges");
        assertThat(body).doesNotContain("Exception", "from the stub");
    }

    @Test
    void malformedChallengeIdShowsTheNotFoundPage() {
        ApiStub.SERVER.stubFor(
                get(urlPathEqualTo("/api/v1/challenges/not-a-uuid")).willReturn(problem(400, "Invalid parameter")));

        web.get()
            .uri("/challenges/not-a-uuid")
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isEqualTo(HttpStatus.NOT_FOUND)
            .expectBody(String.class)
            .value(body -> assertThat(Jsoup.parse(body).selectFirst("h1").text()).isEqualTo("Page not found"));
    }

    private void stubMe(String organisationId) {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/me")).willReturn(json(me("someone", organisationId))));
    }

    private Document renderAnonymously(String uri) {
        return Jsoup.parse(web.get()
            .uri(uri)
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody());
    }

    private Document renderAs(String username, String uri) {
        return Jsoup.parse(renderBodyAs(username, uri));
    }

    private String renderBodyAs(String username, String uri) {
        return web.mutateWith(signedIn(username, username))
            .get()
            .uri(uri)
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    }

}
