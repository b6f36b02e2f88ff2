package io.launchpad.web.challenge;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.launchpad.web.challenge.ApiJson.challenge;
import static io.launchpad.web.challenge.ApiJson.json;
import static io.launchpad.web.challenge.ApiJson.me;
import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.launchpad.web.ApiStub;
import io.launchpad.web.WebPageTest;

class YourChallengesPageTest extends WebPageTest {

    @Test
    void anAssociationFindsItsDraftsAndEachStageWithWhatToDoNext() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/me")).willReturn(json(me("ada", "org-1"))));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/challenges")).atPriority(5)
            .willReturn(json("{\"items\":[],\"nextCursor\":null}")));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/challenges")).atPriority(1)
            .withQueryParam("status", equalTo("draft"))
            .withQueryParam("organisationId", equalTo("org-1"))
            .willReturn(json("{\"items\":[" + challenge("ch-d", "org-1", "Half-written brief") + "]}")));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/challenges")).atPriority(1)
            .withQueryParam("status", equalTo("closed"))
            .withQueryParam("organisationId", equalTo("org-1"))
            .willReturn(json("{\"items\":[" + challenge("ch-c", "org-1", "Cut damp reports") + "]}")));

        Document page = Jsoup.parse(pageAs(signedIn("ada", "Ada", "association"), "/challenges/mine"));

        assertThat(page.select("h1").text()).isEqualTo("Your challenges");
        assertThat(page.select("[data-testid=organisation-challenges] h2").text()).isEqualTo("Northern Homes");
        assertThat(page.select("[data-testid=stage-draft]").text()).isEqualTo("Drafts: not yet published (1)");
        assertThat(page.select("[data-testid=stage-closed]").text()).isEqualTo("Closed: responses to evaluate (1)");
        assertThat(page.select("[data-testid=stage-published]")).isEmpty();
        assertThat(page.select("[data-testid=my-challenge] a").eachAttr("href")).containsExactly("/challenges/ch-d",
                "/challenges/ch-c", "/challenges/ch-c/evaluate");
        assertThat(page.select("[data-testid=nav-your-challenges]")).hasSize(1);
    }

    @Test
    void signingInIsNeeded() {
        web.get().uri("/challenges/mine").exchange().expectStatus().is3xxRedirection();
    }

}
