package io.launchpad.web.about;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

import java.time.Instant;
import java.time.LocalDate;

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
import io.launchpad.web.format.Dates;
import io.launchpad.web.format.Labels;

/**
 * Issue 12, item 10 and its smaller things: one date format, times on notifications,
 * words for codes, a saved search that can be deleted (after asking), and the footer's
 * accessibility, privacy and contact pages, readable without signing in.
 */
class ConsistencyPagesTest extends WebPageTest {

    @Test
    void datesAndTimesAreWrittenOneWayInUkTime() {
        Dates dates = new Dates();
        assertThat(dates.day(LocalDate.of(2027, 1, 16))).isEqualTo("16 January 2027");
        assertThat(dates.day("2027-01-16")).isEqualTo("16 January 2027");
        assertThat(dates.dayAndTime(Instant.parse("2027-01-16T14:05:00Z"))).isEqualTo("16 January 2027 at 2:05pm");
        assertThat(dates.dayAndTime("2027-01-16T00:30:00Z")).isEqualTo("16 January 2027 at 12:30am");
        assertThat(dates.dayAndTime("2027-01-16T12:00:00Z")).isEqualTo("16 January 2027 at 12pm");
        // British Summer Time: 13:05 UTC is 2:05pm in London
        assertThat(dates.dayAndTime("2027-07-16T13:05:00Z")).isEqualTo("16 July 2027 at 2:05pm");
        assertThat(dates.dayAndTime("2027-01-16")).isEqualTo("16 January 2027");
        assertThat(dates.day(null)).isEmpty();
    }

    @Test
    void codesAreSaidInWordsAndUnknownOnesNeverAsCodes() {
        Labels labels = new Labels();
        assertThat(labels.status("no-award")).isEqualTo("Closed without an award");
        assertThat(labels.status("partly-met")).isEqualTo("Partly met");
        assertThat(labels.status("published")).isEqualTo("Open");
        assertThat(labels.status("some-new_state")).isEqualTo("Some new state");
        assertThat(labels.auditResource("/api/v1/applications/a-1 -> declined"))
            .isEqualTo("Your application (now declined)");
        assertThat(labels.auditResource("/api/v1/something/else")).isEqualTo("Your data");
    }

    @Test
    void notificationsShowWhenTheyHappenedAndASavedSearchIsDeletedAfterAsking() {
        json("/api/v1/notifications",
                """
                        {"items":[{"id":7,"kind":"challenge-published","title":"New challenge: Damp sensing","link":"/challenges/c-1",
                                   "createdAt":"2027-01-16T14:05:00Z","readAt":null}],"unread":1}""");
        json("/api/v1/saved-searches", """
                {"items":[{"id":"s-1","query":"damp","frequency":"daily"},
                          {"id":"s-2","category":"damp-and-mould","region":"north-west","frequency":"weekly"}]}""");
        ApiStub.SERVER
            .stubFor(delete(urlPathEqualTo("/api/v1/saved-searches/s-1")).willReturn(aResponse().withStatus(204)));

        Document feed = Jsoup.parse(pageAs(signedIn("sam", "Sam", "supplier"), "/notifications"));
        assertThat(feed.select("[data-testid=notification-time]").text()).isEqualTo("16 January 2027 at 2:05pm");
        assertThat(feed.select("[data-testid=saved-search]").get(0).text()).startsWith("\u201cdamp\u201d (daily)");
        // codes are shown as their labels, never as "damp-and-mould"
        assertThat(feed.select("[data-testid=saved-search]").get(1).text())
            .startsWith("Damp and mould, North West (weekly)");

        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("name", "\u201cdamp\u201d");
        Document confirm = Jsoup
            .parse(submitAs(signedIn("sam", "Sam", "supplier"), "/notifications/saved-searches/s-1/delete", form));
        assertThat(confirm.select("[data-testid=confirm-heading]").text())
            .isEqualTo("Delete the saved search: \u201cdamp\u201d?");
        ApiStub.SERVER.verify(0, deleteRequestedFor(urlPathEqualTo("/api/v1/saved-searches/s-1")));

        form.add("confirmed", "yes");
        web.mutateWith(signedIn("sam", "Sam", "supplier"))
            .mutateWith(csrf())
            .post()
            .uri("/notifications/saved-searches/s-1/delete")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData(form))
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .expectHeader()
            .valueEquals("Location", "/notifications");
        ApiStub.SERVER.verify(1, deleteRequestedFor(urlPathEqualTo("/api/v1/saved-searches/s-1")));
    }

    @Test
    void theFooterLinksToAccessibilityPrivacyAndContactPagesAnyoneCanRead() {
        for (String path : new String[] { "/accessibility", "/privacy", "/contact" }) {
            Document page = Jsoup.parse(web.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
            assertThat(page.select("footer [data-testid^=footer-]").eachAttr("href")).containsExactly("/library",
                    "/open-data", "/accessibility", "/privacy", "/contact");
            assertThat(page.select("main h1").text()).isNotBlank();
            assertThat(page.select("main a[href^=mailto:]")).isNotEmpty();
        }
    }

    private static void json(String path, String body) {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo(path)).willReturn(json(body)));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

}
