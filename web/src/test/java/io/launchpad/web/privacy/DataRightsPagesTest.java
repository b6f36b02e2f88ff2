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

/**
 * The data-rights pages: export as a download, consents given and withdrawn, erasure
 * after confirming, the audit log.
 */
class DataRightsPagesTest extends WebPageTest {

    @Test
    void theExportIsAJsonFileToKeepAndIsNeverCached() {
        String document = "{\"exportedAt\":\"2026-11-22T10:00:00Z\",\"person\":{\"name\":\"Chidi Eze\"},\"applications\":[]}";
        BoardStubs.json("/api/v1/me/export", document);

        byte[] body = web.mutateWith(person())
            .get()
            .uri("/account/data/export")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentType(MediaType.APPLICATION_JSON)
            .expectHeader()
            .valueEquals(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"launchpad-export.json\"")
            .expectHeader()
            .valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
            .expectBody()
            .returnResult()
            .getResponseBody();
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(document);
    }

    @Test
    void consentsShowTheLatestAnswerPerPurposeAndTheButtonSendsTheOpposite() {
        BoardStubs.json("/api/v1/me/consents",
                """
                        {"purposes":{"candidate-profile":"Keep my board-candidate profile","matching":"Rank my profile for board roles"},
                         "history":[{"id":"1","purpose":"matching","wording":"Rank my profile for board roles","granted":true,"recordedAt":"2026-11-01T10:00:00Z"},
                                    {"id":"2","purpose":"matching","wording":"Rank my profile for board roles","granted":false,"recordedAt":"2026-11-02T10:00:00Z"},
                                    {"id":"3","purpose":"candidate-profile","wording":"Keep my board-candidate profile","granted":true,"recordedAt":"2026-11-03T10:00:00Z"}]}""");
        Document page = Jsoup.parse(page("/account/data"));
        assertThat(page.select("[data-purpose=matching] [data-testid=consent-state]").text()).isEqualTo("not given");
        assertThat(page.select("[data-purpose=candidate-profile] [data-testid=consent-state]").text())
            .isEqualTo("given");
        assertThat(page.select("[data-testid=consent-history] tbody tr")).hasSize(3);
        // on a 320 px phone the three columns scroll in their own box (reachable by
        // keyboard), not the page
        assertThat(page.select("div.table-wrap[tabindex=0][role=region][aria-label] > [data-testid=consent-history]"))
            .hasSize(1);
        assertThat(page.select("[data-testid=download-export]").attr("href")).isEqualTo("/account/data/export");

        ApiStub.SERVER
            .stubFor(post(urlPathEqualTo("/api/v1/me/consents")).willReturn(BoardStubs.json("{}").withStatus(201)));
        web.mutateWith(person())
            .mutateWith(csrf())
            .post()
            .uri("/account/data/consents")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData("purpose", "candidate-profile").with("granted", "false"))
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .expectHeader()
            .valueEquals("Location", "/account/data");
        ApiStub.SERVER.verify(postRequestedFor(urlPathEqualTo("/api/v1/me/consents"))
            .withRequestBody(matchingJsonPath("$.purpose", equalTo("candidate-profile")))
            .withRequestBody(matchingJsonPath("$.granted", equalTo("false"))));
    }

    @Test
    void erasureNeedsTheBoxTickedThenSignsThePersonOutAndSaysTheAccountIsGone() {
        ApiStub.SERVER.stubFor(delete(urlPathEqualTo("/api/v1/me")).willReturn(BoardStubs.json("""
                {"erasureId":"0b6b5f0e-6c9e-4c1a-9d55-6f6d2b1c0a11","erasedAt":"2026-11-22T10:00:00Z","rowsRemoved":17,
                 "indexDeletionsEnqueued":1,"sections":["candidates"],"signInAccount":"deleted",
                 "identityProvider":"your sign-in account is deleted too"}""")));

        Document unconfirmed = Jsoup.parse(web.mutateWith(person())
            .mutateWith(csrf())
            .post()
            .uri("/account/erase")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData("other", "x"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody());
        assertThat(unconfirmed.select("[data-field=confirm]").text()).contains("Tick the box");
        assertThat(unconfirmed.select("[data-testid=error-summary] a").attr("href")).isEqualTo("#confirm");
        ApiStub.SERVER.verify(0, deleteRequestedFor(urlPathEqualTo("/api/v1/me")));

        // a session of the person's own (the confirmation page stores its CSRF token
        // there)
        String session = web.mutateWith(person())
            .get()
            .uri("/account/erase")
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseCookies()
            .getFirst("SESSION")
            .getValue();
        assertThat(session).isNotBlank();

        var erased = web.mutateWith(person())
            .mutateWith(csrf())
            .post()
            .uri("/account/erase")
            .cookie("SESSION", session)
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData("confirm", "yes"))
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .returnResult(String.class);
        ApiStub.SERVER.verify(1, deleteRequestedFor(urlPathEqualTo("/api/v1/me")));
        // signed out: the session is gone, and the browser is told to drop its cookie
        var cookie = erased.getResponseCookies().getFirst("SESSION");
        assertThat(cookie).as("the session cookie is expired").isNotNull();
        assertThat(cookie.getMaxAge()).isZero();
        String location = erased.getResponseHeaders().getLocation().toString();
        assertThat(location).startsWith("/account/erased?")
            .contains("signInAccount=deleted", "removed=17", "reference=0b6b5f0e-6c9e-4c1a-9d55-6f6d2b1c0a11");

        // the page saying so is for someone signed out
        Document gone = Jsoup.parse(web.get()
            .uri(location)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody());
        assertThat(gone.select("h1").text()).isEqualTo("Your account is gone");
        assertThat(gone.select("[data-testid=erased]").text()).contains("17", "signed out");
        assertThat(gone.select("[data-testid=sign-in-account-deleted]")).hasSize(1);
        assertThat(gone.select("[data-testid=sign-in]")).as("the header offers to sign in, not to sign out").hasSize(1);
    }

    @Test
    void whenTheSignInAccountCouldNotBeDeletedYetThePersonIsToldItWillBe() {
        ApiStub.SERVER.stubFor(delete(urlPathEqualTo("/api/v1/me")).willReturn(BoardStubs.json("""
                {"erasureId":"0b6b5f0e-6c9e-4c1a-9d55-6f6d2b1c0a12","erasedAt":"2026-11-22T10:00:00Z","rowsRemoved":3,
                 "indexDeletionsEnqueued":0,"sections":["candidates"],"signInAccount":"deletion-pending",
                 "identityProvider":"your sign-in account could not be deleted just now"}""")));
        String location = web.mutateWith(person())
            .mutateWith(csrf())
            .post()
            .uri("/account/erase")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData("confirm", "yes"))
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .returnResult(String.class)
            .getResponseHeaders()
            .getLocation()
            .toString();
        assertThat(location).contains("signInAccount=deletion-pending");
        Document gone = Jsoup.parse(web.get()
            .uri(location)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody());
        assertThat(gone.select("[data-testid=sign-in-account-pending]").text())
            .contains("will be deleted automatically");
        assertThat(gone.select("[data-testid=sign-in-account-deleted]")).isEmpty();
    }

    @Test
    void theAuditLogListsWhoDidWhatInWordsWithoutTimestampsOrApiPaths() {
        BoardStubs.json("/api/v1/me/audit",
                """
                        {"items":[{"id":6,"at":"2027-01-16T14:05:00Z","actor":"Riverside Homes (association)","action":"decided",
                                   "candidateId":"c-1","resource":"/api/v1/applications/a-1 -> shortlisted"},
                                  {"id":5,"at":"2026-11-22T10:00:00Z","actor":"Riverside Homes (association)","action":"viewed",
                                   "candidateId":"c-1","resource":"/api/v1/applications/a-1"},
                                  {"id":4,"at":"2026-11-21T10:00:00Z","actor":"you","action":"created","candidateId":"c-1",
                                   "resource":"/api/v1/candidates/c-1"}]}""");
        Document page = Jsoup.parse(page("/account/audit"));
        assertThat(page.select("[data-testid=audit-actor]").eachText()).containsExactly("Riverside Homes (association)",
                "Riverside Homes (association)", "you");
        assertThat(page.select("[data-testid=audit-action]").eachText()).containsExactly("Decided on", "Viewed",
                "Created");
        assertThat(page.select("[data-testid=audit-resource]").eachText())
            .containsExactly("Your application (now shortlisted)", "Your application", "Your board-candidate profile");
        assertThat(page.select("[data-testid=audit-entry] time").eachText())
            .containsExactly("16 January 2027 at 2:05pm", "22 November 2026 at 10am", "21 November 2026 at 10am");
        assertThat(page.select("main").text()).doesNotContain("/api/", "2026-11-22T");
    }

    @Test
    void aRefusedConsentIsExplained() {
        BoardStubs.json("/api/v1/me/consents", "{\"purposes\":{},\"history\":[]}");
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/me/consents"))
            .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json").withBody("""
                    {"title":"Validation failed","status":400,"detail":"purpose: must be one of [matching]",
                     "errors":[{"field":"purpose","rule":"known-code","message":"must be one of [matching]"}]}""")));
        Document page = Jsoup.parse(web.mutateWith(person())
            .mutateWith(csrf())
            .post()
            .uri("/account/data/consents")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData("purpose", "nonsense").with("granted", "true"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody());
        // in plain words, without the API's list of codes (issue 12)
        assertThat(page.select("[data-testid=form-error]").text()).isEqualTo("Choose purpose from the list");
    }

    private OidcLoginMutator person() {
        return signedIn("candidate-user", "Chidi Eze", "candidate");
    }

    private String page(String path) {
        return pageAs(person(), path);
    }

}
