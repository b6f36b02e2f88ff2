package io.launchpad.web.home;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.launchpad.web.ApiStub;
import io.launchpad.web.WebPageTest;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers;

/** Issue 12: the front door for visitors, and where it sends people who are signed in. */
class LandingPageTest extends WebPageTest {

    @Test
    void aVisitorReadsWhatLaunchpadDoesHowToJoinAndTheLatestWork() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/challenges")).willReturn(json("""
                {"items":[{"id":"ch-1","title":"Cut damp reports","organisationName":"Northern Homes",
                           "summary":"Early sensing","closingDate":"2026-12-31"}],"nextCursor":"more"}""")));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/board-roles")).willReturn(json("""
                {"items":[{"id":"br-closed","title":"Finance trustee","status":"closed"},
                          {"id":"br-1","title":"Digital trustee","organisationName":"Northern Homes","status":"open",
                           "closingDate":"2027-01-15"}]}""")));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/pilots/completed")).willReturn(json("""
                {"items":[{"id":"p-1","title":"Damp sensors in 200 homes","status":"completed","outcome":"partly-met",
                           "completedAt":"2026-11-30T10:00:00Z"}]}""")));

        Document page = Jsoup.parse(web.get()
            .uri("/")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody());

        assertThat(page.select("[data-testid=audiences] h3").eachText()).containsExactly("Housing associations",
                "Technology suppliers", "Digital leaders");
        assertThat(page.select("[data-testid=create-account]").attr("href")).isEqualTo("/create-account");
        assertThat(page.select("header [data-testid=header-create-account]").attr("href"))
            .as("every signed-out page offers a way in, not only the landing page")
            .isEqualTo("/create-account");
        assertThat(page.select("[data-testid=latest-challenge] a").eachAttr("href"))
            .containsExactly("/challenges/ch-1");
        assertThat(page.select("[data-testid=latest-challenge]").text()).contains("Closes 31 December 2026");
        assertThat(page.select("[data-testid=open-board-role]").eachText()).as("closed roles are not offered")
            .hasSize(1)
            .allMatch(text -> text.startsWith("Digital trustee"));
        assertThat(page.select("[data-testid=pilot-result]").text()).as("the outcome in words, never the code")
            .isEqualTo("Some outcome measures met their targets");
        assertThat(page.select("[data-testid=all-challenges]").attr("href")).isEqualTo("/challenges");
        ApiStub.SERVER.verify(WireMock.getRequestedFor(urlPathEqualTo("/api/v1/challenges"))
            .withQueryParam("limit", WireMock.equalTo("3")));
    }

    @Test
    void theLandingPageStillExplainsLaunchpadWhenTheApiIsDown() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/challenges")).willReturn(aResponse().withStatus(503)));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/board-roles")).willReturn(aResponse().withStatus(500)));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/pilots/completed")).willReturn(aResponse().withStatus(404)));

        Document page = Jsoup.parse(web.get()
            .uri("/")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody());

        assertThat(page.select("[data-testid=create-account]")).hasSize(1);
        assertThat(page.select("[data-testid=no-latest-challenges]")).hasSize(1);
        assertThat(page.select("[data-testid=no-open-board-roles]")).hasSize(1);
        assertThat(page.select("[data-testid=no-completed-pilots]")).hasSize(1);
    }

    @Test
    void oldChallengeListLinksAreSentOnWithTheirQuery() {
        web.get()
            .uri(URI.create("/?q=damp+sensors&cursor=c%2B2"))
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .expectHeader()
            .location("/challenges?q=damp+sensors&cursor=c%2B2");
    }

    @Test
    void createAnAccountIsASignInThatStartsOnKeycloaksRegistrationPage() {
        web.get()
            .uri("/create-account")
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .expectHeader()
            .location("/oauth2/authorization/keycloak?prompt=create");

        URI location = web.get()
            .uri("/oauth2/authorization/keycloak?prompt=create")
            .exchange()
            .expectStatus()
            .isFound()
            .expectBody()
            .returnResult()
            .getResponseHeaders()
            .getLocation();
        MultiValueMap<String, String> query = UriComponentsBuilder.fromUri(location).build().getQueryParams();
        assertThat(location.toString()).startsWith(ApiStub.issuer() + "/protocol/openid-connect/auth?");
        assertThat(query.getFirst("prompt")).isEqualTo("create");
        assertThat(query.getFirst("code_challenge_method")).as("still PKCE").isEqualTo("S256");
        assertThat(query.getFirst("state")).isNotBlank();

        URI plain = web.get()
            .uri("/oauth2/authorization/keycloak?prompt=login")
            .exchange()
            .expectStatus()
            .isFound()
            .expectBody()
            .returnResult()
            .getResponseHeaders()
            .getLocation();
        assertThat(UriComponentsBuilder.fromUri(plain).build().getQueryParams()).as("no other prompt is passed on")
            .doesNotContainKey("prompt");
    }

    @Test
    void changeYourPasswordIsKeycloaksOwnThemedPageAsAnApplicationInitiatedAction() {
        web.mutateWith(signedIn("sam", "Sam", "supplier"))
            .get()
            .uri("/account/password")
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .expectHeader()
            .location("/oauth2/authorization/keycloak?kc_action=UPDATE_PASSWORD");

        URI location = web.get()
            .uri("/oauth2/authorization/keycloak?kc_action=UPDATE_PASSWORD")
            .exchange()
            .expectStatus()
            .isFound()
            .expectBody()
            .returnResult()
            .getResponseHeaders()
            .getLocation();
        MultiValueMap<String, String> query = UriComponentsBuilder.fromUri(location).build().getQueryParams();
        assertThat(query.getFirst("kc_action")).isEqualTo("UPDATE_PASSWORD");
        assertThat(query.getFirst("code_challenge_method")).as("still PKCE").isEqualTo("S256");

        URI other = web.get()
            .uri("/oauth2/authorization/keycloak?kc_action=delete_account")
            .exchange()
            .expectStatus()
            .isFound()
            .expectBody()
            .returnResult()
            .getResponseHeaders()
            .getLocation();
        assertThat(UriComponentsBuilder.fromUri(other).build().getQueryParams()).as("no other action is passed on")
            .doesNotContainKey("kc_action");
    }

    @Test
    void signedInPeopleGoToTheirHomeOrTheOnboardingStepTheyHaveNotFinished() {
        stubMe("""
                {"subject":"nora","roles":[],"memberships":[]}""");
        expectRedirect(signedIn("nora", "Nora New"), "/onboarding");

        stubMe("""
                {"subject":"ada","roles":["association"],"memberships":[]}""");
        expectRedirect(signedIn("ada", "Ada", "association"), "/onboarding/organisation");

        stubMe("""
                {"subject":"ada","roles":["association"],"memberships":[
                  {"organisationId":"org-1","organisationName":"Northern Homes","organisationType":"association"}]}""");
        expectRedirect(signedIn("ada", "Ada", "association"), "/association");

        stubMe("""
                {"subject":"sam","roles":["supplier"],"memberships":[
                  {"organisationId":"org-2","organisationName":"FixFlow","organisationType":"supplier"}]}""");
        expectRedirect(signedIn("sam", "Sam", "supplier"), "/supplier");

        stubMe("""
                {"subject":"chidi","roles":["candidate"],"memberships":[]}""");
        expectRedirect(signedIn("chidi", "Chidi", "candidate"), "/candidate");

        stubMe("""
                {"subject":"ari","roles":["admin"],"memberships":[]}""");
        expectRedirect(signedIn("ari", "Ari", "admin"), "/admin");
    }

    private void expectRedirect(SecurityMockServerConfigurers.OidcLoginMutator user, String home) {
        web.mutateWith(user).get().uri("/").exchange().expectStatus().is3xxRedirection().expectHeader().location(home);
    }

    private static void stubMe(String body) {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/me")).willReturn(json(body)));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

}
