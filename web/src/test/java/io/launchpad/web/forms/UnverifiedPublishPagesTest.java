package io.launchpad.web.forms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.launchpad.web.ApiStub;
import io.launchpad.web.WebPageTest;
import io.launchpad.web.board.BoardStubs;

/**
 * Issue 12: an organisation no admin has verified prepares drafts but cannot publish (the
 * API's 409 {@code organisationId}/{@code verified-organisation}); the page says so in
 * plain English and links to the organisation's verification status, and the draft stays.
 */
class UnverifiedPublishPagesTest extends WebPageTest {

    private static final String REFUSAL = """
            {"title":"Conflict with the current state","status":409,
             "detail":"organisationId: Riverside Homes is not verified yet; an admin verifies an organisation before it publishes",
             "errors":[{"field":"organisationId","rule":"verified-organisation",
                        "message":"Riverside Homes is not verified yet; an admin verifies an organisation before it publishes"}]}""";

    @Test
    void aChallengeOfAnUnverifiedAssociationStaysADraftAndThePageSaysWhy() {
        BoardStubs.json("/api/v1/me", FormsPeopleCanFinishTest.ME);
        BoardStubs.json("/api/v1/challenges/ch-1", FormsPeopleCanFinishTest.CHALLENGE.formatted("draft", 2));
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/challenges/ch-1/publish")).willReturn(conflict()));

        Document page = Jsoup.parse(submitAs(signedIn("u-1", "Amara Okafor", "association"), "/challenges/ch-1/publish",
                new LinkedMultiValueMap<>()));

        assertThat(page.select("[data-testid=error-summary]").text())
            .contains("Your organisation has not been verified yet, so this cannot be published")
            .doesNotContain("organisationId")
            .doesNotContain("verified-organisation");
        assertThat(page.select("[data-testid=verification-link]").attr("href"))
            .isEqualTo("/organisations/verification");
        assertThat(page.select("#title").val()).as("the draft is kept in the form").isEqualTo("Cut damp reports");
    }

    @Test
    void aBoardRoleOfAnUnverifiedAssociationSaysWhyAndLinksToTheVerificationStatus() {
        BoardStubs.json("/api/v1/me", BoardStubs.ME_ASSOCIATION);
        BoardStubs.framework();
        BoardStubs.json("/api/v1/board-roles/r-9", BoardStubs.role("r-9", "Digital trustee", "draft"));
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/board-roles/r-9/publish")).willReturn(conflict()));

        Document page = Jsoup.parse(submitAs(signedIn("association-user", "Amara Okafor", "association"),
                "/board-roles/r-9/publish", new LinkedMultiValueMap<>()));

        // the board role page shows refusals in the error summary, as the challenge form
        // does
        assertThat(page.select("[data-testid=error-summary]").text())
            .contains("Your organisation has not been verified yet")
            .doesNotContain("organisationId");
        assertThat(page.select("[data-testid=verification-link]").attr("href"))
            .isEqualTo("/organisations/verification");
    }

    private static ResponseDefinitionBuilder conflict() {
        return aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json").withBody(REFUSAL);
    }

}
