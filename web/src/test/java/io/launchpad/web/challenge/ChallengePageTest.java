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

class ChallengePageTest extends WebPageTest {

    private static final String MATCHES = """
            {"challengeId":"ch-1","items":[
              {"supplierId":"sup-1","name":"Sensible Sensors Ltd","summary":"Humidity sensors for social homes.","score":87,
               "highlights":[{"field":"capabilities","fragment":"… early <mark>damp</mark> sensing …"},
                             {"field":"caseStudies.outcome","fragment":"<mark>mould</mark> reports fell by a third"}],
               "regions":["north-west","remote"]},
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
        assertThat(items.eachText().getFirst()).contains("Humidity sensors for social homes.", "Works in North West, Remote");
        assertThat(matches.select("[data-testid=match-score]").eachText()).containsExactly("87 / 100", "64 / 100");
        Elements highlights = items.get(0).select("[data-testid=match-highlight]");
        assertThat(highlights.eachText()).containsExactly("Capabilities: … early damp sensing …",
                "Outcome: mould reports fell by a third");
        assertThat(items.get(0).select("mark").eachText()).containsExactly("damp", "mould");
        assertThat(page.getElementById("matches-unavailable")).isNull();
        // both calls carry the signed-in user's token, so the API applies that user's permissions
        ApiStub.SERVER.verify(getRequestedFor(urlPathEqualTo("/api/v1/me"))
            .withHeader("Authorization", equalTo("Bearer " + SignedInUsers.ACCESS_TOKEN)));
        ApiStub.SERVER.verify(getRequestedFor(urlPathEqualTo("/api/v1/challenges/ch-1/matches"))
            .withHeader("Authorization", equalTo("Bearer " + SignedInUsers.ACCESS_TOKEN)));
    }

    @Test
    void markupInAHighlightIsShownAsTextAndOnlyMarkTagsSurvive() {
        stubMe("org-1");
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/challenges/ch-1/matches")).willReturn(json("""
                {"challengeId":"ch-1","items":[{"supplierId":"sup-1","name":"Sly Ltd","summary":"x","score":50,
                  "highlights":[{"field":"capabilities",
                    "fragment":"<script>alert(1)</script> <mark>damp</mark> &amp; <img src=x onerror=alert(2)> &lt;b&gt;bold&lt;/b&gt;"}],
                  "regions":[]}]}
                """)));

        String body = renderBodyAs("ada", "/challenges/ch-1");
        Document page = Jsoup.parse(body);

        Element highlight = page.selectFirst("[data-testid=match-highlight]");
        assertThat(highlight.select("mark").eachText()).containsExactly("damp");
        assertThat(highlight.select("script, img, b")).isEmpty();
        assertThat(highlight.text())
            .isEqualTo("Capabilities: <script>alert(1)</script> damp & <img src=x onerror=alert(2)> <b>bold</b>");
        assertThat(body).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>", "<img");
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
        assertThat(page.getElementById("matches-unavailable").text())
            .contains("Matching is temporarily unavailable");
        assertThat(page.select("[data-testid=match-item]")).isEmpty();
    }

    @Test
    void whenTheApiRefusesMatchesTheSectionIsLeftOut() {
        stubMe("org-1");
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/challenges/ch-1/matches"))
            .willReturn(problem(403, "Forbidden")));

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
        assertThat(page.selectFirst("main a").attr("href")).isEqualTo("/");
        assertThat(body).doesNotContain("Exception", "from the stub");
    }

    @Test
    void malformedChallengeIdShowsTheNotFoundPage() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/challenges/not-a-uuid"))
            .willReturn(problem(400, "Invalid parameter")));

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
