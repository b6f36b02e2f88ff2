package io.launchpad.web.journey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.launchpad.web.ApiStub;
import io.launchpad.web.WebPageTest;

/**
 * The supplier's response page (issue 12's supplier journey): a draft is a form to
 * finish; a sent response cannot change, so it reads back as sent (price, approach,
 * evidence beside each requirement) instead of as a form with fields to type into and no
 * way to save them.
 */
class RespondPageTest extends WebPageTest {

    private static final String CHALLENGE = """
            {"id":"ch-1","organisationId":"org-1","organisationName":"Riverside Homes","title":"Cut damp reports",
             "status":"published","closingDate":"2030-01-31","categories":[],"regions":[],
             "requirements":[{"id":"E1","essential":true,"text":"Works offline"},
                             {"id":"N1","essential":false,"text":"Has a tenant app"}],
             "weightings":[],"requiredAccreditations":[]}""";

    private static final String RESPONSE = """
            {"items":[{"id":"r-1","challengeId":"ch-1","organisationId":"sup-1","status":"%s","version":3,
                       "approach":"Fit in a week","pricePounds":38500,"availability":"From March",
                       "evidence":{"E1":"LoRaWAN, no broadband"}}]}""";

    @BeforeEach
    void stubApi() {
        json("/api/v1/me",
                """
                        {"subject":"u-1","username":"sam","name":"Sam Okoye","email":"sam@example.org","roles":["supplier"],
                         "memberships":[{"organisationId":"sup-1","organisationName":"Hygrometrics","organisationType":"supplier"}]}""");
        json("/api/v1/challenges/ch-1", CHALLENGE);
    }

    @Test
    void aSubmittedResponseReadsBackAsSentWithNothingToTypeInto() {
        json("/api/v1/challenges/ch-1/responses", RESPONSE.formatted("submitted"));

        Document page = Jsoup.parse(pageAs(signedIn("u-1", "Sam Okoye", "supplier"), "/challenges/ch-1/respond"));

        assertThat(page.select("[data-testid=response-status]").text()).isEqualTo("Status: Submitted");
        assertThat(page.select("[data-testid=response-form]")).isEmpty();
        assertThat(page.select("main textarea, main input, main select, main button")).isEmpty();
        assertThat(page.select("[data-testid=response-price]").text()).isEqualTo("£38,500");
        assertThat(page.select("[data-testid=response-approach]").text()).isEqualTo("Fit in a week");
        assertThat(page.select("[data-testid=evidence-given]").eachText()).containsExactly("LoRaWAN, no broadband",
                "No evidence given");
        assertThat(page.select("[data-testid=view-response]").attr("href")).isEqualTo("/responses/r-1");
        assertThat(page.text()).doesNotContain("Only people acting for a supplier");
    }

    @Test
    void aDraftIsStillAFormWithWhatWasSaved() {
        json("/api/v1/challenges/ch-1/responses", RESPONSE.formatted("draft"));

        Document page = Jsoup.parse(pageAs(signedIn("u-1", "Sam Okoye", "supplier"), "/challenges/ch-1/respond"));

        assertThat(page.select("[data-testid=sent-response]")).isEmpty();
        assertThat(page.select("#evidence-E1").text()).isEqualTo("LoRaWAN, no broadband");
        assertThat(page.select("#pricePounds").val()).isEqualTo("38500");
        assertThat(page.select("[data-testid=submit-response]")).hasSize(1);
    }

    private static void json(String path, String body) {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo(path))
            .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
    }

}
