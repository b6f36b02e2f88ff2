package io.launchpad.web.challenge;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.launchpad.web.challenge.ApiJson.challenge;
import static io.launchpad.web.challenge.ApiJson.json;
import static io.launchpad.web.challenge.ApiJson.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import io.launchpad.web.ApiStub;
import io.launchpad.web.SignedInUsers;
import io.launchpad.web.WebPageTest;

class ChallengeListPageTest extends WebPageTest {

    @Test
    void listsPublishedChallengesWithALinkToTheNextPage() {
        stubChallenges("""
                {"items":[%s,%s],"nextCursor":"c2+/="}
                """.formatted(challenge("ch-1", "org-1", "Cut damp reports"),
                challenge("ch-2", "org-2", "Repairs from a phone")));

        Document page = render("/challenges");

        Elements items = page.select("[data-testid=challenge-list] [data-testid=challenge-item]");
        assertThat(items).hasSize(2);
        Element first = items.first();
        assertThat(first.selectFirst("h2 a").attr("href")).isEqualTo("/challenges/ch-1");
        assertThat(first.selectFirst("h2 a").text()).isEqualTo("Cut damp reports");
        assertThat(first.text()).contains("Northern Homes", "Spot damp before tenants have to report it.",
                "Damp and mould", "IoT and sensors", "North West", "Yorkshire and The Humber", "31 December 2026");
        assertThat(first.selectFirst("time").attr("datetime")).isEqualTo("2026-12-31");
        // the opaque cursor goes back to the API unchanged, so it must survive the round
        // trip through the URL
        assertThat(page.getElementById("next-page").attr("href")).isEqualTo("/challenges?cursor=c2%2B%2F%3D");
        assertThat(page.getElementById("first-page")).isNull();
        ApiStub.SERVER
            .verify(getRequestedFor(urlPathEqualTo("/api/v1/challenges")).withQueryParam("status", equalTo("published"))
                .withQueryParam("limit", equalTo("20"))
                .withHeader("Authorization", absent()));
    }

    @Test
    void passesFiltersAndCursorThroughToTheApiAndKeepsThemForTheNextPage() {
        stubChallenges("""
                {"items":[%s],"nextCursor":"page-3"}
                """.formatted(challenge("ch-1", "org-1", "Cut damp reports")));

        Document page = render("/challenges?category=damp-and-mould&region=north-west&cursor=c%2B2%26x");

        ApiStub.SERVER
            .verify(getRequestedFor(urlPathEqualTo("/api/v1/challenges")).withQueryParam("status", equalTo("published"))
                .withQueryParam("category", equalTo("damp-and-mould"))
                .withQueryParam("region", equalTo("north-west"))
                .withQueryParam("cursor", equalTo("c+2&x")));
        assertThat(page.getElementById("next-page").attr("href"))
            .isEqualTo("/challenges?category=damp-and-mould&region=north-west&cursor=page-3");
        assertThat(page.getElementById("first-page").attr("href"))
            .isEqualTo("/challenges?category=damp-and-mould&region=north-west");
        assertThat(page.select("#category option[selected]").val()).isEqualTo("damp-and-mould");
        assertThat(page.select("#region option[selected]").val()).isEqualTo("north-west");
    }

    @Test
    void keywordsSearchWithFacetCountsAndThePassagesThatUseTheWords() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/search/challenges")).willReturn(
                json("""
                        {"items":[{"challengeId":"ch-1","organisationName":"Northern Homes","title":"Cut damp reports",
                           "summary":"Spot damp early.","categories":["damp-and-mould"],"regions":["north-west"],
                           "closingDate":"2026-12-31","highlights":[{"field":"description","text":"sensors for damp & mould",
                             "segments":[{"text":"sensors for ","marked":false},{"text":"damp","marked":true},
                                         {"text":" & mould","marked":false}]}]}],
                         "total":1,"facets":{"category":[{"code":"damp-and-mould","label":"Damp and mould","count":1,"selected":false}],
                                             "region":[{"code":"north-west","label":"North West","count":1,"selected":true}]},
                         "nextCursor":"s2"}
                        """)));

        Document page = render("/challenges?q=damp+sensors&region=north-west");

        ApiStub.SERVER.verify(getRequestedFor(urlPathEqualTo("/api/v1/search/challenges"))
            .withQueryParam("q", equalTo("damp sensors"))
            .withQueryParam("region", equalTo("north-west"))
            .withQueryParam("limit", equalTo("20")));
        assertThat(page.getElementById("q").val()).isEqualTo("damp sensors");
        assertThat(page.select("[data-testid=search-summary]").text()).isEqualTo("1 challenge matches ‘damp sensors’");
        Element item = page.selectFirst("[data-testid=challenge-item]");
        assertThat(item.selectFirst("h2 a").attr("href")).isEqualTo("/challenges/ch-1");
        assertThat(item.select("[data-testid=search-highlight]").text()).isEqualTo("sensors for damp & mould");
        assertThat(item.select("[data-testid=search-highlight] mark").text()).isEqualTo("damp");
        assertThat(page.select("#category option[value=damp-and-mould]").text()).isEqualTo("Damp and mould (1)");
        assertThat(page.select("#category option[value=repairs-and-maintenance]").text()).endsWith("(0)");
        assertThat(page.getElementById("next-page").attr("href"))
            .isEqualTo("/challenges?q=damp+sensors&region=north-west&cursor=s2");
    }

    @Test
    void codesTheApiDoesNotKnowAreDroppedRatherThanTurnedIntoAnError() {
        stubChallenges("""
                {"items":[],"nextCursor":null}
                """);

        Document page = render("/challenges?category=no-such-thing&region=north-west");

        ApiStub.SERVER.verify(getRequestedFor(urlPathEqualTo("/api/v1/challenges")).withQueryParam("category", absent())
            .withQueryParam("region", equalTo("north-west")));
        assertThat(page.select("#category option[selected]")).isEmpty();
        assertThat(page.select("#category option").eachAttr("value")).doesNotContain("no-such-thing");
    }

    @Test
    void filterFormIsAPlainGetFormWithLabelledFields() {
        stubChallenges("""
                {"items":[],"nextCursor":null}
                """);

        Document page = render("/challenges");

        Element form = page.selectFirst("form[role=search]");
        assertThat(form.attr("method")).isEqualTo("get");
        assertThat(form.attr("action")).isEqualTo("/challenges");
        assertThat(page.select("label[for=category]")).hasSize(1);
        assertThat(page.select("label[for=region]")).hasSize(1);
        assertThat(page.select("#region option").eachAttr("value")).contains("", "north-west", "london");
        assertThat(page.getElementById("no-challenges")).isNotNull();
        assertThat(page.select("[data-testid=challenge-item]")).isEmpty();
        assertThat(page.getElementById("next-page")).isNull();
    }

    @Test
    void anonymousVisitorIsOfferedSignIn() {
        stubChallenges("""
                {"items":[],"nextCursor":null}
                """);

        Document page = render("/challenges");

        assertThat(page.getElementById("sign-in").attr("href")).isEqualTo("/oauth2/authorization/keycloak");
        assertThat(page.getElementById("signed-in-user")).isNull();
        assertThat(page.getElementById("sign-out")).isNull();
    }

    @Test
    void signedInUserSeesTheirNameAndASignOutFormProtectedByCsrf() {
        stubChallenges("""
                {"items":[],"nextCursor":null}
                """);

        Document page = Jsoup.parse(web.mutateWith(signedIn("ada", "Ada Owner"))
            .get()
            .uri("/challenges")
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody());

        assertThat(page.getElementById("signed-in-user").text()).isEqualTo("Ada Owner");
        assertThat(page.getElementById("sign-in")).isNull();
        Element signOut = page.getElementById("sign-out").closest("form");
        assertThat(signOut.attr("method")).isEqualTo("post");
        assertThat(signOut.attr("action")).isEqualTo("/logout");
        assertThat(signOut.select("input[type=hidden][name=_csrf]").val()).isNotBlank();
        // the signed-in user's token is relayed to the API, even for public data
        ApiStub.SERVER.verify(getRequestedFor(urlPathEqualTo("/api/v1/challenges")).withHeader("Authorization",
                equalTo("Bearer " + SignedInUsers.ACCESS_TOKEN)));
    }

    @Test
    void apiFailureShowsAFriendlyErrorPageWithoutInternals() {
        ApiStub.SERVER
            .stubFor(get(urlPathEqualTo("/api/v1/challenges")).willReturn(problem(500, "Internal Server Error")));

        String body = web.get()
            .uri("/challenges")
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isEqualTo(HttpStatus.BAD_GATEWAY)
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

        Document page = Jsoup.parse(body);
        assertThat(page.selectFirst("h1").text()).isEqualTo("Sorry, something went wrong");
        assertThat(body).doesNotContain("Exception", "at io.launchpad", "from the stub");
    }

    private void stubChallenges(String body) {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/challenges")).willReturn(json(body)));
    }

    private Document render(String uri) {
        String body = web.get()
            .uri(URI.create(uri)) // as given: already encoded, like a browser's request
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        return Jsoup.parse(body);
    }

}
