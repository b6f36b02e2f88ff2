package io.launchpad.web.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.launchpad.web.ApiStub;
import io.launchpad.web.WebPageTest;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

class AdminConsolePageTest extends WebPageTest {

    @Test
    void theAdminVerifiesOrRefusesWithAReasonAndARefusalWithoutOneIsExplainedBesideTheField() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/admin/verification-queue")).willReturn(
                json("""
                        {"items":[{"id":"org-1","name":"Northern Homes","type":"association","createdAt":"2026-12-02T10:00:00Z",
                                   "members":1,"refusedAt":null,"refusalReason":null},
                                  {"id":"org-2","name":"Sly Ltd","type":"supplier","createdAt":"2026-12-01T10:00:00Z","members":2,
                                   "refusedAt":"2026-12-02T11:00:00Z","refusalReason":"No company number"}]}""")));
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/organisations/org-1/verification")).willReturn(json("{}")));
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/organisations/org-1/verification-refusal"))
            .willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(
                        """
                                {"title":"Bad request","status":400,"errors":[{"field":"reason","rule":"not-blank","message":"must not be blank"}]}""")));

        Document console = Jsoup.parse(pageAs(signedIn("root", "Root", "admin"), "/admin"));
        assertThat(console.select("[data-testid=admin-console] a").eachAttr("href"))
            .containsExactly("/admin/verification", "/admin/moderation", "/admin/indexes", "/admin/programme");
        assertThat(console.select("[data-testid=nav-admin]")).hasSize(1);

        Document queue = Jsoup.parse(pageAs(signedIn("root", "Root", "admin"), "/admin/verification"));
        assertThat(queue.select("[data-testid=waiting-organisation] h2").eachText()).containsExactly("Northern Homes",
                "Sly Ltd");
        assertThat(queue.select("[data-testid=waiting-organisation]").first().text()).contains("Housing association",
                "1 member", "registered 2 December 2026");
        assertThat(queue.select("[data-testid=refusal-reason]").text()).isEqualTo("Refused: No company number");

        web.mutateWith(signedIn("root", "Root", "admin"))
            .mutateWith(csrf())
            .post()
            .uri("/admin/verification/org-1/verify")
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .expectHeader()
            .valueEquals("Location", "/admin/verification");
        ApiStub.SERVER.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/organisations/org-1/verification")));

        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("reason", " ");
        Document refused = Jsoup
            .parse(submitAs(signedIn("root", "Root", "admin"), "/admin/verification/org-1/refuse", form));
        assertThat(refused.select("#reason-org-1-error").text()).startsWith("Enter a reason");
        assertThat(refused.select("#reason-org-1").attr("aria-describedby")).isEqualTo("reason-org-1-error");
        ApiStub.SERVER.verify(postRequestedFor(urlPathEqualTo("/api/v1/organisations/org-1/verification-refusal"))
            .withRequestBody(equalToJson("{\"reason\":\" \"}")));
    }

    @Test
    void indexHealthAndARebuildThatAsksFirst() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/admin/index-consistency")).willReturn(
                json("""
                        {"indexes":[{"alias":"launchpad-suppliers","index":"launchpad-suppliers-v1-1","inDatabase":10,"inIndex":9,
                                     "missing":1,"extra":0,"stale":0}],
                         "differences":[{"alias":"launchpad-suppliers","id":"s-1"}],"truncated":false,"parkedOutboxRows":0,
                         "parkedOutboxRowIds":[]}""")));
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/admin/reindex")).willReturn(json("""
                {"running":true,"startedAt":"2027-01-16T14:05:00Z","indexes":[]}""").withStatus(202)));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/admin/reindex/progress")).inScenario("reindex")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(json("""
                    {"running":true,"startedAt":"2027-01-16T14:05:00Z","finishedAt":null,
                     "indexes":[{"alias":"launchpad-suppliers","done":10,"expected":10,"finished":true},
                                {"alias":"launchpad-challenges","done":3,"expected":null,"finished":false}],
                     "report":null,"failure":null}""")));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/admin/reindex/progress")).inScenario("reindex")
            .whenScenarioStateIs("finished")
            .willReturn(
                    json("""
                            {"running":false,"startedAt":"2027-01-16T14:05:00Z","finishedAt":"2027-01-16T14:06:00Z","indexes":[],
                             "report":{"indexes":[{"alias":"launchpad-suppliers","newIndex":"launchpad-suppliers-v1-2","documents":10,
                                         "documentsPerSecond":31.4,"removed":0,"rejected":0}],"replayed":2,"replayRejected":0,
                             "rejected":[],"duration":"PT1S"},"failure":null}""")));

        Document indexes = Jsoup.parse(pageAs(signedIn("root", "Root", "admin"), "/admin/indexes"));
        assertThat(indexes.select("[data-testid=index-health]").text()).startsWith("The indexes differ");
        assertThat(indexes.select("[data-testid=index-counts] tbody tr").text())
            .isEqualTo("launchpad-suppliers 10 9 1 0 0");

        Document confirm = Jsoup
            .parse(submitAs(signedIn("root", "Root", "admin"), "/admin/indexes/reindex", new LinkedMultiValueMap<>()));
        assertThat(confirm.select("[data-testid=confirm-heading]").text()).isEqualTo("Rebuild every search index now?");
        ApiStub.SERVER.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/admin/reindex")));

        web.mutateWith(signedIn("root", "Root", "admin"))
            .mutateWith(csrf())
            .post()
            .uri("/admin/indexes/reindex")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData("confirmed", "yes"))
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .expectHeader()
            .valueEquals("Location", "/admin/indexes/progress");
        ApiStub.SERVER.verify(postRequestedFor(urlPathEqualTo("/api/v1/admin/reindex")).withHeader("Prefer",
                WireMock.equalTo("respond-async")));

        var running = web.mutateWith(signedIn("root", "Root", "admin"))
            .get()
            .uri("/admin/indexes/progress")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("Refresh", "5")
            .expectBody(String.class)
            .returnResult();
        Document progress = Jsoup.parse(running.getResponseBody());
        assertThat(progress.select("[data-testid=reindex-progress] tbody tr").eachText())
            .containsExactly("launchpad-suppliers 10 10 Done", "launchpad-challenges 3 not known Loading");
        assertThat(progress.select("[data-testid=reindex-running]").text())
            .startsWith("Started 16 January 2027 at 2:05pm.");
        assertThat(progress.select("[data-testid=auto-refresh] a").attr("href"))
            .isEqualTo("/admin/indexes/progress?auto=off");
        web.mutateWith(signedIn("root", "Root", "admin"))
            .get()
            .uri("/admin/indexes/progress?auto=off")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .doesNotExist("Refresh");

        ApiStub.SERVER.setScenarioState("reindex", "finished");
        var finished = web.mutateWith(signedIn("root", "Root", "admin"))
            .get()
            .uri("/admin/indexes/progress")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .doesNotExist("Refresh")
            .expectBody(String.class)
            .returnResult();
        Document report = Jsoup.parse(finished.getResponseBody());
        assertThat(report.select("[data-testid=reindex-report] tbody tr").text())
            .isEqualTo("launchpad-suppliers 10 31 0");
        assertThat(report.select("[data-testid=replayed]").text()).startsWith("2 changes");
        assertThat(report.select("[data-testid=consistency-after] [data-testid=index-counts] tbody tr").text())
            .isEqualTo("launchpad-suppliers 10 9 1 0 0");
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

}
