package io.launchpad.web.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import io.launchpad.web.ApiStub;
import io.launchpad.web.WebPageTest;

/**
 * Each failure gets the page and status that tell the truth: sign in where it helps, 403,
 * 404, never a 5xx.
 */
class HonestErrorsTest extends WebPageTest {

    @Test
    void writingAChallengeSendsAnAnonymousVisitorToSignInNotToAnErrorPage() {
        web.get()
            .uri("/challenges/new")
            .exchange()
            .expectStatus()
            .isFound()
            .expectHeader()
            .location("/oauth2/authorization/keycloak");
    }

    @Test
    void aPageTheApiRefusesForWantOfASignInSendsTheVisitorToSignIn() {
        apiAnswers(401, "unauthenticated", "Sign in");

        web.get()
            .uri("/challenges/ch-1/respond")
            .exchange()
            .expectStatus()
            .isFound()
            .expectHeader()
            .location("/oauth2/authorization/keycloak");
    }

    @Test
    void aPageTheApiForbidsIsA403PageNotA502() {
        apiAnswers(403, "forbidden", "Only members of the association may see this");

        String page = web.mutateWith(signedIn("sam", "Sam Supplier", "supplier"))
            .get()
            .uri("/pilots/p-1")
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isForbidden()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

        assertThat(page).contains("data-testid=\"forbidden\"")
            .contains("You cannot see this page")
            .doesNotContain("Sorry, something went wrong");
    }

    @Test
    void anAddressWithNoPageIsA404ForEveryoneAndNeverASignIn() {
        String anonymous = web.get()
            .uri("/no-such-page")
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        assertThat(anonymous).contains("data-testid=\"not-found\"");

        web.mutateWith(signedIn("sam", "Sam Supplier", "supplier"))
            .get()
            .uri("/account/nothing-here")
            .exchange()
            .expectStatus()
            .isNotFound();
    }

    @Test
    void aRealPageStillNeedsASignIn() {
        web.get()
            .uri("/notifications")
            .exchange()
            .expectStatus()
            .isFound()
            .expectHeader()
            .location("/oauth2/authorization/keycloak");
    }

    private static void apiAnswers(int status, String type, String detail) {
        ApiStub.SERVER.stubFor(any(anyUrl()).atPriority(10)
            .willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://launchpad.example/problems/" + type + "\",\"title\":\"" + type
                        + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}")));
    }

}
