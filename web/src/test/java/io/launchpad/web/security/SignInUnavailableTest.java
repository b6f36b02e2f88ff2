package io.launchpad.web.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.Fault;

import io.launchpad.web.ApiStub;
import io.launchpad.web.WebPageTest;

/**
 * With Keycloak not answering, signing in leads to a page of ours saying so, not to a
 * browser error at Keycloak.
 */
class SignInUnavailableTest extends WebPageTest {

    @Test
    void signingInWhileKeycloakIsDownShowsAPlainUnavailablePage() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/realms/launchpad/.well-known/openid-configuration"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        web.get()
            .uri("/oauth2/authorization/keycloak")
            .exchange()
            .expectStatus()
            .isSeeOther()
            .expectHeader()
            .location(SignInAvailability.PAGE);
        web.get()
            .uri("/create-account")
            .exchange()
            .expectStatus()
            .isSeeOther()
            .expectHeader()
            .location(SignInAvailability.PAGE);
        String page = web.get()
            .uri(SignInAvailability.PAGE)
            .exchange()
            .expectStatus()
            .isEqualTo(503)
            .expectHeader()
            .valueEquals("Retry-After", "60")
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        assertThat(Jsoup.parse(page).selectFirst("h1").text()).isEqualTo("Signing in is not available right now");
    }

    @Test
    void whileKeycloakAnswersSigningInGoesToIt() {
        String location = web.get()
            .uri("/oauth2/authorization/keycloak")
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .returnResult(String.class)
            .getResponseHeaders()
            .getLocation()
            .toString();
        assertThat(location).startsWith(ApiStub.issuer() + "/protocol/openid-connect/auth");
    }

}
