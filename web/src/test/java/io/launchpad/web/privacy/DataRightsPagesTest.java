package io.launchpad.web.privacy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator;
import org.springframework.web.reactive.function.BodyInserters;

import io.launchpad.web.ApiStub;
import io.launchpad.web.WebPageTest;
import io.launchpad.web.board.BoardStubs;

/** The data-rights pages: export as a download, consents given and withdrawn, erasure after confirming, the audit log. */
class DataRightsPagesTest extends WebPageTest {

    @Test
    void theExportIsAJsonFileToKeepAndIsNeverCached() {
        String document = "{\"exportedAt\":\"2026-11-22T10:00:00Z\",\"person\":{\"name\":\"Chidi Eze\"},\"applications\":[]}";
        BoardStubs.json("/api/v1/me/export", document);

        byte[] body = web.mutateWith(person()).get().uri("/account/data/export").exchange()
            .expectStatus().isOk()
            .expectHeader().contentType(MediaType.APPLICATION_JSON)
            .expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"launchpad-export.json\"")
            .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
            .expectBody().returnResult().getResponseBody();
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(document);
    }

    @Test
    void consentsShowTheLatestAnswerPerPurposeAndTheButtonSendsTheOpposite() {
        BoardStubs.json("/api/v1/me/consents", """
                {"purposes":{"candidate-profile":"Keep my board-candidate profile","matching":"Rank my profile for board roles"},
                 "history":[{"id":"1","purpose":"matching","wording":"Rank my profile for board roles","granted":true,"recordedAt":"2026-11-01T10:00:00Z"},
                            {"id":"2","purpose":"matching","wording":"Rank my profile for board roles","granted":false,"recordedAt":"2026-11-02T10:00:00Z"},
                            {"id":"3","purpose":"candidate-profile","wording":"Keep my board-candidate profile","granted":true,"recordedAt":"2026-11-03T10:00:00Z"}]}""");
        Document page = Jsoup.parse(page("/account/data"));
        assertThat(page.select("[data-purpose=matching] [data-testid=consent-state]").text()).isEqualTo("not given");
        assertThat(page.select("[data-purpose=candidate-profile] [data-testid=consent-state]").text()).isEqualTo("given");
        assertThat(page.select("[data-testid=consent-history] tbody tr")).hasSize(3);
        assertThat(page.select("[data-testid=download-export]").attr("href")).isEqualTo("/account/data/export");

        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/me/consents")).willReturn(BoardStubs.json("{}").withStatus(201)));
        web.mutateWith(person()).mutateWith(csrf()).post().uri("/account/data/consents")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData("purpose", "candidate-profile").with("granted", "false")).exchange()
            .expectStatus().is3xxRedirection().expectHeader().valueEquals("Location", "/account/data");
        ApiStub.SERVER.verify(postRequestedFor(urlPathEqualTo("/api/v1/me/consents"))
            .withRequestBody(matchingJsonPath("$.purpose", equalTo("candidate-profile")))
            .withRequestBody(matchingJsonPath("$.granted", equalTo("false"))));
    }

    @Test
    void erasureNeedsTheBoxTickedAndThenReportsWhatWasRemoved() {
        ApiStub.SERVER.stubFor(delete(urlPathEqualTo("/api/v1/me")).willReturn(BoardStubs.json("""
                {"erasureId":"e-1","erasedAt":"2026-11-22T10:00:00Z","rowsRemoved":17,"indexDeletionsEnqueued":1,
                 "sections":["candidates"],"identityProvider":"the sign-in account is kept by the identity provider; close it there"}""")));

        Document unconfirmed = Jsoup.parse(web.mutateWith(person()).mutateWith(csrf()).post().uri("/account/erase")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData("other", "x")).exchange()
            .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(unconfirmed.select("[data-field=confirm]").text()).contains("Tick the box");
        ApiStub.SERVER.verify(0, deleteRequestedFor(urlPathEqualTo("/api/v1/me")));

        Document erased = Jsoup.parse(web.mutateWith(person()).mutateWith(csrf()).post().uri("/account/erase")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData("confirm", "yes")).exchange()
            .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(erased.select("[data-testid=erased]").text()).contains("17");
        assertThat(erased.text()).contains("identity provider");
        ApiStub.SERVER.verify(1, deleteRequestedFor(urlPathEqualTo("/api/v1/me")));
    }

    @Test
    void theAuditLogListsWhoDidWhat() {
        BoardStubs.json("/api/v1/me/audit", """
                {"items":[{"id":5,"at":"2026-11-22T10:00:00Z","actor":"Riverside Homes (association)","action":"viewed",
                           "candidateId":"c-1","resource":"/api/v1/applications/a-1"},
                          {"id":4,"at":"2026-11-21T10:00:00Z","actor":"you","action":"created","candidateId":"c-1",
                           "resource":"/api/v1/candidates/c-1"}]}""");
        Document page = Jsoup.parse(page("/account/audit"));
        assertThat(page.select("[data-testid=audit-actor]").eachText()).containsExactly("Riverside Homes (association)", "you");
        assertThat(page.select("[data-testid=audit-action]").eachText()).containsExactly("viewed", "created");
    }

    @Test
    void aRefusedConsentIsExplained() {
        BoardStubs.json("/api/v1/me/consents", "{\"purposes\":{},\"history\":[]}");
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/me/consents")).willReturn(aResponse().withStatus(400)
            .withHeader("Content-Type", "application/problem+json").withBody("""
                    {"title":"Validation failed","status":400,"detail":"purpose: must be one of [matching]",
                     "errors":[{"field":"purpose","rule":"known-code","message":"must be one of [matching]"}]}""")));
        Document page = Jsoup.parse(web.mutateWith(person()).mutateWith(csrf()).post().uri("/account/data/consents")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData("purpose", "nonsense").with("granted", "true")).exchange()
            .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(page.select("[data-testid=form-error]").text()).contains("must be one of");
    }

    private OidcLoginMutator person() {
        return signedIn("candidate-user", "Chidi Eze", "candidate");
    }

    private String page(String path) {
        return pageAs(person(), path);
    }
}
