package io.launchpad.web.supplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.launchpad.web.ApiStub;
import io.launchpad.web.WebPageTest;

class SupplierPublicPageTest extends WebPageTest {

    @Test
    void anyoneReadsWhatASupplierDoesAndWhatItsPilotsAchieved() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/suppliers/sp-1")).willReturn(
                json("""
                        {"id":"sp-1","organisationId":"org-9","name":"Sensible Sensors","summary":"Humidity sensors for social homes.",
                         "capabilities":"We fit sensors.","products":"","caseStudies":"  ","regions":["north-west"],"accreditations":["cyber-essentials-plus"],
                         "categories":["damp-and-mould"],"status":"published"}""")));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/suppliers/sp-1/pilots")).willReturn(
                json("""
                        {"items":[{"id":"p-1","title":"Damp sensing in 200 homes","status":"completed",
                          "finalReport":"Reports halved.","completedAt":"2027-03-01T10:00:00Z",
                          "outcomes":[{"measure":"Damp reports a month","unit":"reports","baseline":40,"target":20,"actual":15},
                                      {"measure":"Tenant satisfaction","unit":"%","baseline":60,"target":80,"actual":75.0}]}]}""")));

        String html = web.get()
            .uri("/suppliers/sp-1")
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        Document page = Jsoup.parse(html);

        assertThat(page.select("h1").text()).isEqualTo("Sensible Sensors");
        assertThat(page.text()).contains("Damp and mould", "North West", "Cyber Essentials Plus", "We fit sensors.");
        assertThat(page.select("[data-testid=completed-pilot] h3").text()).isEqualTo("Damp sensing in 200 homes");
        assertThat(page.select("[data-testid=completed-pilot] h3 a").attr("href")).as("its case in the pilot library")
            .isEqualTo("/library/p-1");
        assertThat(page.select("[data-testid=pilot-outcomes] tbody tr").eachText()).containsExactly(
                "Damp reports a month 40 reports 20 reports 15 reports Target met",
                "Tenant satisfaction 60 % 80 % 75 % Target not met");
        // sections the supplier left empty are not shown as bare headings
        assertThat(page.select("h2").eachText()).contains("What they do").doesNotContain("Products", "Case studies");
    }

    @Test
    void anUnpublishedOrUnknownSupplierIsAPlain404() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/suppliers/nope")).willReturn(aResponse().withStatus(404)
            .withHeader("Content-Type", "application/problem+json")
            .withBody("{\"title\":\"Not found\",\"status\":404}")));
        ApiStub.SERVER
            .stubFor(get(urlPathEqualTo("/api/v1/suppliers/nope/pilots")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Not found\",\"status\":404}")));

        web.get().uri("/suppliers/nope").accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound();
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

}
