package io.launchpad.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import io.launchpad.web.ApiStub;
import io.launchpad.web.WebPageTest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

class SignInAndOutTest extends WebPageTest {

    @Test
    void signInSendsThePublicClientToKeycloakWithPkce() {
        URI location = web.get()
            .uri("/oauth2/authorization/keycloak")
            .exchange()
            .expectStatus()
            .isFound()
            .expectBody()
            .returnResult()
            .getResponseHeaders()
            .getLocation();

        assertThat(location.toString()).startsWith(ApiStub.issuer() + "/protocol/openid-connect/auth?");
        MultiValueMap<String, String> query = UriComponentsBuilder.fromUri(location).build().getQueryParams();
        assertThat(query.getFirst("response_type")).isEqualTo("code");
        assertThat(query.getFirst("client_id")).isEqualTo("launchpad-web");
        assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
        // base64url of a SHA-256 digest, without padding
        assertThat(query.getFirst("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        assertThat(decode(query.getFirst("scope")).split(" ")).containsExactlyInAnyOrder("openid", "profile", "email");
        assertThat(decode(query.getFirst("redirect_uri"))).endsWith("/login/oauth2/code/keycloak");
        assertThat(query.getFirst("state")).isNotBlank();
        assertThat(query.getFirst("nonce")).isNotBlank();
        assertThat(query).doesNotContainKey("client_secret");
    }

    @Test
    void pagesOtherThanThePublicOnesSendAnonymousVisitorsToSignIn() {
        web.get()
            .uri("/account/data")
            .exchange()
            .expectStatus()
            .isFound()
            .expectHeader()
            .location("/oauth2/authorization/keycloak");
    }

    @Test
    void signOutEndsTheKeycloakSessionAndComesBackToTheHomePage() {
        URI location = web.mutateWith(signedIn("ada", "Ada Owner"))
            .mutateWith(csrf())
            .post()
            .uri("http://127.0.0.1:8081/logout") // {baseUrl} in the return address comes
                                                 // from the request
            .exchange()
            .expectStatus()
            .isFound()
            .expectBody()
            .returnResult()
            .getResponseHeaders()
            .getLocation();

        assertThat(location.toString()).startsWith(ApiStub.issuer() + "/protocol/openid-connect/logout?");
        MultiValueMap<String, String> query = UriComponentsBuilder.fromUri(location).build().getQueryParams();
        assertThat(query.getFirst("id_token_hint")).isNotBlank();
        assertThat(decode(query.getFirst("post_logout_redirect_uri"))).isEqualTo("http://127.0.0.1:8081/");
    }

    @Test
    void signOutWithoutTheCsrfTokenIsRefused() {
        web.mutateWith(signedIn("ada", "Ada Owner")).post().uri("/logout").exchange().expectStatus().isForbidden();
    }

    @Test
    void pagesAllowNoScriptAndFormsPostOnlyHereOrToKeycloak() {
        String policy = web.get()
            .uri("/actuator/health")
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst("Content-Security-Policy");

        assertThat(policy).contains("script-src 'none'", "default-src 'self'")
            .contains("form-action 'self' " + ApiStub.baseUrl());
        assertThat(policy).doesNotContain("/realms/");
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

}
