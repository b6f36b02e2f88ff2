package io.launchpad.web.onboarding;

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

/**
 * Issue 12: after a first sign-in, a person says what describes them, registers or joins
 * an organisation, and sees its verification.
 */
class OnboardingPagesTest extends WebPageTest {

    @Test
    void aPersonWithoutARoleIsAskedWhatDescribesThem() {
        Document page = Jsoup.parse(pageAs(signedIn("nora", "Nora New"), "/onboarding"));

        assertThat(page.select("legend").text()).isEqualTo("What describes you?");
        assertThat(page.select("input[type=radio][name=role]").eachAttr("value")).containsExactly("association",
                "supplier", "candidate");
        assertThat(page.select("input[type=radio][checked]")).as("nothing chosen for them").isEmpty();
    }

    @Test
    void choosingNothingSaysSoBesideTheQuestionAndAsksTheApiNothing() {
        Document page = Jsoup.parse(submitAs(signedIn("nora", "Nora New"), "/onboarding", new LinkedMultiValueMap<>()));

        assertThat(page.title()).startsWith("Error:");
        assertThat(page.select("[data-testid=error-summary-link]").eachText())
            .containsExactly("Choose what describes you");
        assertThat(page.select("[data-testid=error-summary-link]").attr("href")).isEqualTo("#role-association");
        assertThat(page.select("[data-testid=field-error]").attr("data-field")).isEqualTo("role");
        ApiStub.SERVER.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/me/role")));
    }

    @Test
    void theChosenRoleIsGrantedByTheApiThenThePersonSignsInAgainForATokenWithIt() {
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/me/role"))
            .willReturn(json("{\"role\":\"supplier\",\"newTokenNeeded\":true}")));

        web.mutateWith(signedIn("nora", "Nora New"))
            .mutateWith(csrf())
            .post()
            .uri("/onboarding")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData("role", "supplier"))
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .expectHeader()
            .location("/oauth2/authorization/keycloak");

        ApiStub.SERVER.verify(postRequestedFor(urlPathEqualTo("/api/v1/me/role"))
            .withRequestBody(equalToJson("{\"role\":\"supplier\"}")));
    }

    @Test
    void whenTheSignInServiceIsDownTheChoiceIsKeptAndThePersonTriesAgain() {
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/me/role")).willReturn(aResponse().withStatus(503)
            .withHeader("Content-Type", "application/problem+json")
            .withHeader("Retry-After", "60")
            .withBody("{\"title\":\"Temporarily unavailable\",\"status\":503}")));

        Document page = Jsoup.parse(submitAs(signedIn("nora", "Nora New"), "/onboarding", form("role", "candidate")));

        assertThat(page.select("[data-testid=error-summary]").text()).contains("Try again in a minute");
        assertThat(page.select("input[type=radio][checked]").attr("value")).isEqualTo("candidate");
    }

    @Test
    void someoneWhoAlreadyHasARoleIsNotAskedAgain() {
        web.mutateWith(signedIn("sam", "Sam", "supplier"))
            .get()
            .uri("/onboarding")
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .expectHeader()
            .location("/");
    }

    @Test
    void aSupplierSeesItsInvitationsAndTheRegistrationForm() {
        stubNoMemberships("supplier");
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/me/invitations")).willReturn(
                json("""
                        {"items":[{"id":"inv-1","organisationName":"FixFlow","organisationType":"supplier","status":"pending",
                                   "expiresAt":"2026-12-17T10:00:00Z"},
                                  {"id":"inv-2","organisationName":"Northern Homes","organisationType":"association","status":"pending"},
                                  {"id":"inv-3","organisationName":"Old Co","organisationType":"supplier","status":"declined"}]}""")));

        Document page = Jsoup.parse(pageAs(signedIn("sam", "Sam", "supplier"), "/onboarding/organisation"));

        assertThat(page.select("[data-testid=pending-invitation] form").eachAttr("action"))
            .as("pending invitations of its own kind only")
            .containsExactly("/onboarding/invitations/inv-1/accept");
        assertThat(page.select("[data-testid=organisation-form] input[name=name]")).hasSize(1);
        assertThat(page.select("h2").eachText()).contains("Or register another organisation");
    }

    @Test
    void aRefusedRegistrationKeepsTheNameAndSaysWhyBesideIt() {
        stubNoMemberships("association");
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/me/invitations")).willReturn(json("{\"items\":[]}")));
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/organisations")).willReturn(aResponse().withStatus(409)
            .withHeader("Content-Type", "application/problem+json")
            .withBody(
                    """
                            {"title":"Conflict with the current state","status":409,
                             "detail":"name: looks the same as 'Northern Homes', already registered",
                             "errors":[{"field":"name","rule":"confusable-name","message":"looks the same as 'Northern Homes', already registered"}]}""")));

        Document page = Jsoup.parse(submitAs(signedIn("ada", "Ada", "association"), "/onboarding/organisation",
                form("name", "Northern Hornes")));

        assertThat(page.title()).startsWith("Error:");
        assertThat(page.select("#name").attr("value")).isEqualTo("Northern Hornes");
        assertThat(page.select("[data-testid=field-error]").attr("data-field")).isEqualTo("name");
        assertThat(page.select("[data-testid=field-error]").text())
            .contains("looks the same as an organisation already registered");
        assertThat(page.select("[data-testid=error-summary-link]").attr("href")).isEqualTo("#name");
        ApiStub.SERVER.verify(postRequestedFor(urlPathEqualTo("/api/v1/organisations"))
            .withRequestBody(equalToJson("{\"name\":\"Northern Hornes\",\"type\":\"association\"}")));
    }

    @Test
    void anEmptyNameIsAskedForWithoutCallingTheApi() {
        stubNoMemberships("association");
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/me/invitations")).willReturn(json("{\"items\":[]}")));

        Document page = Jsoup
            .parse(submitAs(signedIn("ada", "Ada", "association"), "/onboarding/organisation", form("name", "  ")));

        assertThat(page.select("[data-testid=field-error]").text()).contains("Enter your organisation’s name");
        ApiStub.SERVER.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/organisations")));
    }

    @Test
    void aRegisteredOrganisationGoesToItsVerificationStatus() {
        stubNoMemberships("supplier");
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/organisations"))
            .willReturn(json("{\"id\":\"org-2\",\"name\":\"FixFlow\",\"type\":\"supplier\",\"verified\":false}")
                .withStatus(201)));

        web.mutateWith(signedIn("sam", "Sam", "supplier"))
            .mutateWith(csrf())
            .post()
            .uri("/onboarding/organisation")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData("name", "FixFlow"))
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .expectHeader()
            .location("/organisations/verification");
    }

    @Test
    void theVerificationPageSaysWhereEachOrganisationStands() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/me")).willReturn(json("""
                {"subject":"sam","roles":["supplier"],"memberships":[
                  {"organisationId":"org-2","organisationName":"FixFlow","organisationType":"supplier"},
                  {"organisationId":"org-3","organisationName":"Old Co","organisationType":"supplier"}]}""")));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/organisations/org-2/verification"))
            .willReturn(json("{\"organisationId\":\"org-2\",\"verified\":false}")));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/organisations/org-3/verification"))
            .willReturn(json("{\"organisationId\":\"org-3\",\"verified\":false,\"refusedAt\":\"2026-12-01T10:00:00Z\","
                    + "\"refusalReason\":\"Tell us your company number\"}")));

        Document page = Jsoup.parse(pageAs(signedIn("sam", "Sam", "supplier"), "/organisations/verification"));

        assertThat(page.select("[data-testid=organisation-status] h2").eachText()).containsExactly("FixFlow", "Old Co");
        assertThat(page.select("[data-testid=waiting]").text()).contains("Waiting for an admin to verify it");
        assertThat(page.select("[data-testid=refused]").text()).contains("Tell us your company number");
        assertThat(page.select("[data-testid=go-home]").attr("href")).isEqualTo("/supplier");
    }

    private static void stubNoMemberships(String role) {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/me"))
            .willReturn(json("{\"subject\":\"x\",\"roles\":[\"" + role + "\"],\"memberships\":[]}")));
    }

    private static MultiValueMap<String, String> form(String name, String value) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add(name, value);
        return form;
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

}
