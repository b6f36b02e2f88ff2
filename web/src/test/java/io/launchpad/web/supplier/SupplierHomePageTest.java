package io.launchpad.web.supplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.launchpad.web.ApiStub;
import io.launchpad.web.WebPageTest;

class SupplierHomePageTest extends WebPageTest {

    @Test
    void responsesByStatusDraftsFirstAndFollowedChallengesWithDeadlines() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/me/responses")).willReturn(json("""
                {"items":[{"id":"r-2","challengeId":"ch-2","challengeTitle":"Repairs","status":"submitted"},
                          {"id":"r-1","challengeId":"ch-1","challengeTitle":"Cut damp reports","status":"draft",
                           "closingDate":"2026-12-31"}]}""")));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/me/follows")).willReturn(json("""
                {"items":[{"challengeId":"ch-3","title":"Telecare","status":"published","closingDate":"2027-01-15",
                           "questionsCloseOn":"2027-01-08"}],"nextCursor":null}""")));

        Document page = Jsoup.parse(pageAs(signedIn("sam", "Sam", "supplier"), "/supplier"));

        assertThat(page.select("[data-testid=your-responses] h3").eachText())
            .containsExactly("Drafts: not sent yet (1)", "Sent, waiting for the association (1)");
        assertThat(page.select("[data-testid=own-response]").first().text())
            .isEqualTo("Finish your response to Cut damp reports – closes 31 December 2026");
        assertThat(page.select("[data-testid=own-response] a").eachAttr("href"))
            .containsExactly("/challenges/ch-1/respond", "/responses/r-2");
        assertThat(page.select("[data-testid=followed]").text())
            .isEqualTo("Telecare – questions until 8 January 2027, closes 15 January 2027");
        assertThat(page.select("[data-testid=nav-supplier-home]")).hasSize(1);
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

}
