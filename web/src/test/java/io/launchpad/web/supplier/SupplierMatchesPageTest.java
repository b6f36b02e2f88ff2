package io.launchpad.web.supplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.launchpad.web.ApiStub;
import io.launchpad.web.WebPageTest;

class SupplierMatchesPageTest extends WebPageTest {

    private static final String MINE = """
            {"items":[{"id":"sp-1","organisationId":"org-9","name":"Sensible Sensors","status":"published"}]}""";

    @Test
    void aSupplierSeesChallengesForItsProfileWithReasonsAndPagesOn() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/me/supplier-profiles")).willReturn(json(MINE)));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/suppliers/sp-1/matches")).atPriority(5)
            .willReturn(
                    json("""
                            {"supplierId":"sp-1","verdict":{"strongMatch":false,"bestScore":41,
                               "message":"No strong match: the best of these challenges scores 41 out of 100. Read the reasons before contacting any of them."},
                             "items":[{"challengeId":"ch-1","organisationName":"Northern Homes","title":"Cut damp reports",
                               "closingDate":"2026-12-31","score":41,
                               "reasons":{"explanations":["Categories in common: Damp and mould.","Works in North West."]}}],
                             "nextCursor":"bTE"}""")));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/suppliers/sp-1/matches")).atPriority(1)
            .withQueryParam("cursor", equalTo("bTE"))
            .willReturn(
                    json("""
                            {"supplierId":"sp-1","items":[{"challengeId":"ch-2","organisationName":"River Homes","title":"Repairs",
                               "closingDate":"2027-01-15","score":30,"reasons":{"explanations":[]}}],"nextCursor":null}""")));

        Document page = Jsoup.parse(pageAs(signedIn("sam", "Sam", "supplier"), "/supplier/matches"));

        assertThat(page.select("h1").text()).isEqualTo("Challenges for your profile");
        assertThat(page.select("[data-testid=challenge-match] h2 a").attr("href")).isEqualTo("/challenges/ch-1");
        assertThat(page.select("[data-testid=match-score]").text()).isEqualTo("41 / 100");
        assertThat(page.select("[data-testid=match-reason]").eachText())
            .containsExactly("Categories in common: Damp and mould.", "Works in North West.");
        assertThat(page.select("[data-testid=no-strong-match]").text()).startsWith("No strong match");
        assertThat(page.select("[data-testid=nav-supplier-matches]")).hasSize(1);
        assertThat(page.select("[data-testid=nav-new-challenge]")).isEmpty();
        String next = page.select("[data-testid=matches-next]").attr("href");
        assertThat(next).isEqualTo("/supplier/matches?cursor=bTE&from=2");

        Document second = Jsoup.parse(pageAs(signedIn("sam", "Sam", "supplier"), next));
        assertThat(second.select("[data-testid=challenge-match] h2 a").text()).isEqualTo("Repairs");
        assertThat(second.select("ol").attr("start")).isEqualTo("2");
        assertThat(second.select("[data-testid=matches-next]")).isEmpty();
        assertThat(second.select("[data-testid=no-strong-match]")).isEmpty();
    }

    @Test
    void withoutASupplierProfileThePageSaysWhatToDo() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/me/supplier-profiles")).willReturn(json("{\"items\":[]}")));

        Document page = Jsoup.parse(pageAs(signedIn("sam", "Sam", "supplier"), "/supplier/matches"));

        assertThat(page.select("[data-testid=no-profile]").text()).contains("no supplier profile yet");
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

}
