package io.launchpad.web.challenge;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.launchpad.web.challenge.ApiJson.challenge;
import static io.launchpad.web.challenge.ApiJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.launchpad.web.ApiStub;
import io.launchpad.web.SignedInUsers;
import io.launchpad.web.WebPageTest;

/**
 * A supplier follows and unfollows a challenge with a plain form (no script), and the API
 * keeps the follow.
 */
class FollowButtonTest extends WebPageTest {

    @BeforeEach
    void stubApi() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/challenges/ch-1"))
            .willReturn(json(challenge("ch-1", "org-1", "Cut damp reports"))));
    }

    @Test
    void aSupplierNotYetFollowingSeesAFollowFormWithItsCsrfToken() {
        stubMe("supplier");
        stubFollowing(false);

        Document page = render();
        Element form = page.selectFirst("[data-testid=follow-form]");
        assertThat(form).isNotNull();
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo("/challenges/ch-1/follow");
        assertThat(form.select("input[type=hidden][name=_csrf]").attr("value")).isNotBlank();
        assertThat(form.selectFirst("button[type=submit]").text()).isEqualTo("Follow");
        assertThat(page.select("[data-testid=following-note]")).isEmpty();
        assertThat(page.select("script")).isEmpty();
        ApiStub.SERVER.verify(getRequestedFor(urlPathEqualTo("/api/v1/challenges/ch-1/follow"))
            .withHeader("Authorization", equalTo("Bearer " + SignedInUsers.ACCESS_TOKEN)));
    }

    @Test
    void aFollowerSeesAnUnfollowForm() {
        stubMe("supplier");
        stubFollowing(true);

        Document page = render();
        Element form = page.selectFirst("[data-testid=follow-form]");
        assertThat(form.attr("action")).isEqualTo("/challenges/ch-1/unfollow");
        assertThat(form.selectFirst("button").text()).isEqualTo("Unfollow");
        assertThat(page.select("[data-testid=following-note]").text()).contains("You follow this challenge");
    }

    @Test
    void peopleWhoAreNotSuppliersSeeNoFollowForm() {
        stubMe("association");
        stubFollowing(false);
        assertThat(render().select("[data-testid=follow-form]")).isEmpty();
        ApiStub.SERVER.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/challenges/ch-1/follow")));

        String anonymous = web.get()
            .uri("/challenges/ch-1")
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        assertThat(Jsoup.parse(anonymous).select("[data-testid=follow-form]")).isEmpty();
    }

    @Test
    void followingAndUnfollowingCallTheApiAndReturnToTheChallenge() {
        ApiStub.SERVER
            .stubFor(put(urlPathEqualTo("/api/v1/challenges/ch-1/follow")).willReturn(aResponse().withStatus(204)));
        ApiStub.SERVER
            .stubFor(delete(urlPathEqualTo("/api/v1/challenges/ch-1/follow")).willReturn(aResponse().withStatus(204)));

        submit("/challenges/ch-1/follow").expectStatus().is3xxRedirection().expectHeader().location("/challenges/ch-1");
        ApiStub.SERVER.verify(1, putRequestedFor(urlPathEqualTo("/api/v1/challenges/ch-1/follow"))
            .withHeader("Authorization", equalTo("Bearer " + SignedInUsers.ACCESS_TOKEN)));

        submit("/challenges/ch-1/unfollow").expectStatus()
            .is3xxRedirection()
            .expectHeader()
            .location("/challenges/ch-1");
        ApiStub.SERVER.verify(1, deleteRequestedFor(urlPathEqualTo("/api/v1/challenges/ch-1/follow"))
            .withHeader("Authorization", equalTo("Bearer " + SignedInUsers.ACCESS_TOKEN)));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRejectedAndNothingIsSent() {
        web.mutateWith(signedIn("sam", "Sam"))
            .post()
            .uri("/challenges/ch-1/follow")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .exchange()
            .expectStatus()
            .isForbidden();
        ApiStub.SERVER.verify(0, putRequestedFor(urlPathEqualTo("/api/v1/challenges/ch-1/follow")));
    }

    @Test
    void aRefusalFromTheApiIsExplainedOnTheChallengePage() {
        stubMe("supplier");
        stubFollowing(false);
        ApiStub.SERVER.stubFor(put(urlPathEqualTo("/api/v1/challenges/ch-1/follow"))
            .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json").withBody("""
                    {"type":"https://launchpad.example/problems/conflict","title":"Conflict","status":409,
                     "detail":"status: only an open challenge can be followed; this one is closed"}""")));

        String html = submit("/challenges/ch-1/follow").expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        Document page = Jsoup.parse(html);
        assertThat(page.select("[data-testid=form-error]").text()).contains("only an open challenge can be followed");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Cut damp reports");
    }

    private WebTestClient.ResponseSpec submit(String path) {
        return web.mutateWith(signedIn("sam", "Sam"))
            .mutateWith(csrf())
            .post()
            .uri(path)
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .exchange();
    }

    private Document render() {
        String html = web.mutateWith(signedIn("sam", "Sam"))
            .get()
            .uri("/challenges/ch-1")
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        return Jsoup.parse(html);
    }

    private static void stubMe(String role) {
        String type = role.equals("supplier") ? "supplier" : "association";
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/me")).willReturn(json("""
                {"subject":"sam","username":"sam","name":"Sam","email":"sam@example.org","roles":["%s"],
                 "memberships":[{"organisationId":"org-9","organisationName":"Somebody Ltd","organisationType":"%s"}]}
                """.formatted(role, type))));
    }

    private static void stubFollowing(boolean following) {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/challenges/ch-1/follow")).willReturn(json("""
                {"challengeId":"ch-1","following":%s,"followedAt":%s}
                """.formatted(following, following ? "\"2026-11-20T10:00:00Z\"" : "null"))));
    }

}
