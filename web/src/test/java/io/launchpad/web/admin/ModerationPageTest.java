package io.launchpad.web.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.launchpad.web.ApiStub;
import io.launchpad.web.WebPageTest;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 12, item 5: admins hide content with a reason (after a confirmation), see what is
 * hidden and restore it.
 */
class ModerationPageTest extends WebPageTest {

    private static final String ID = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";

    @Test
    void theListShowsWhatIsHiddenWithReasonAndTimeAndRestoringAsksFirst() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/admin/moderation")).willReturn(
                json("""
                        {"items":[{"kind":"challenge","id":"%s","title":"Cut damp reports","reason":"Claims savings no pilot showed",
                                   "hiddenAt":"2027-01-16T14:05:00Z"},
                                  {"kind":"question","id":"q-1","title":"Will you pay us?","reason":"Spam","hiddenAt":"2027-01-16T09:00:00Z"}],
                         "nextCursor":null}"""
                    .formatted(ID))));
        ApiStub.SERVER.stubFor(delete(urlPathEqualTo("/api/v1/admin/moderation/challenge/" + ID))
            .willReturn(aResponse().withStatus(204)));

        Document list = Jsoup.parse(pageAs(admin(), "/admin/moderation"));
        Element first = list.select("[data-testid=hidden-item]").first();
        assertThat(first.text()).contains("Cut damp reports", "Challenge, hidden 16 January 2027 at 2:05pm",
                "Reason: Claims savings no pilot showed");
        assertThat(first.select("a").attr("href")).isEqualTo("/challenges/" + ID);
        assertThat(list.select("[data-testid=hidden-item]").get(1).text())
            .contains("Question and answer, hidden 16 January 2027 at 9am");

        MultiValueMap<String, String> restore = new LinkedMultiValueMap<>();
        restore.add("kind", "challenge");
        restore.add("id", ID);
        restore.add("title", "Cut damp reports");
        Document confirm = Jsoup.parse(submitAs(admin(), "/admin/moderation/restore", restore));
        assertThat(confirm.select("[data-testid=confirm-heading]").text()).isEqualTo("Restore ‘Cut damp reports’?");
        assertThat(confirm.text()).doesNotContain("cannot be undone");
        ApiStub.SERVER.verify(0, deleteRequestedFor(urlPathEqualTo("/api/v1/admin/moderation/challenge/" + ID)));

        restore.add("confirmed", "yes");
        post("/admin/moderation/restore", restore).expectStatus()
            .is3xxRedirection()
            .expectHeader()
            .valueEquals("Location", "/admin/moderation?done=restored");
        ApiStub.SERVER.verify(1, deleteRequestedFor(urlPathEqualTo("/api/v1/admin/moderation/challenge/" + ID)));
    }

    @Test
    void hidingSaysEveryMissingAnswerAtOnceThenAsksFirstThenHidesWithTheReason() {
        ApiStub.SERVER.stubFor(put(urlPathEqualTo("/api/v1/admin/moderation/supplier-profile/" + ID)).willReturn(json(
                "{\"kind\":\"supplier-profile\",\"id\":\"" + ID + "\",\"title\":\"Sly Ltd\",\"reason\":\"Fake\"}")));

        Document form = Jsoup.parse(pageAs(admin(), "/admin/moderation/hide?kind=supplier-profile&id=" + ID));
        assertThat(form.select("input[name=kind][checked]").val()).isEqualTo("supplier-profile");
        assertThat(form.select("#id").val()).isEqualTo(ID);

        MultiValueMap<String, String> empty = new LinkedMultiValueMap<>();
        empty.add("id", "");
        empty.add("reason", "");
        Document refused = Jsoup.parse(submitAs(admin(), "/admin/moderation/hide", empty));
        assertThat(refused.title()).startsWith("Error: ");
        assertThat(refused.select("[data-testid=error-summary] li").eachText()).containsExactly("Choose what to hide",
                "Enter the address or id of what to hide", "Enter a reason: its owner will read it");
        assertThat(refused.select("[data-testid=error-summary-link]").eachAttr("href")).containsExactly("#kind", "#id",
                "#reason");
        assertThat(refused.select("#reason-error").text()).contains("Enter a reason");

        MultiValueMap<String, String> typed = new LinkedMultiValueMap<>();
        typed.add("kind", "supplier-profile");
        typed.add("id", "https://launchpad.example/suppliers/" + ID + "/");
        typed.add("reason", "Claims accreditations it does not hold");
        Document confirm = Jsoup.parse(submitAs(admin(), "/admin/moderation/hide", typed));
        assertThat(confirm.select("[data-testid=confirm-heading]").text()).isEqualTo("Hide this supplier profile?");
        assertThat(confirm.select("[data-testid=confirm-consequences]").text())
            .contains("“Hidden by Launchpad: Claims accreditations it does not hold”");
        assertThat(confirm.select("[data-testid=confirm-form] input[name=reason]").val())
            .isEqualTo("Claims accreditations it does not hold");
        ApiStub.SERVER.verify(0, putRequestedFor(urlPathEqualTo("/api/v1/admin/moderation/supplier-profile/" + ID)));

        typed.add("confirmed", "yes");
        post("/admin/moderation/hide", typed).expectStatus()
            .is3xxRedirection()
            .expectHeader()
            .valueEquals("Location", "/admin/moderation?done=hidden");
        ApiStub.SERVER.verify(putRequestedFor(urlPathEqualTo("/api/v1/admin/moderation/supplier-profile/" + ID))
            .withRequestBody(equalToJson("{\"reason\":\"Claims accreditations it does not hold\"}")));
    }

    @Test
    void anIdThatNamesNothingIsSaidBesideTheFieldWithTheReasonKept() {
        ApiStub.SERVER.stubFor(
                put(urlPathEqualTo("/api/v1/admin/moderation/challenge/" + ID)).willReturn(aResponse().withStatus(404)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody("{\"title\":\"Not found\",\"status\":404,\"detail\":\"challenge " + ID + "\"}")));
        MultiValueMap<String, String> typed = new LinkedMultiValueMap<>();
        typed.add("kind", "challenge");
        typed.add("id", ID);
        typed.add("reason", "Spam");
        typed.add("confirmed", "yes");

        Document page = Jsoup.parse(submitAs(admin(), "/admin/moderation/hide", typed));

        assertThat(page.select("#id-error").text()).contains("Nothing of that kind has that address or id");
        assertThat(page.select("#reason").text()).isEqualTo("Spam");
        assertThat(page.select("input[name=kind][checked]").val()).isEqualTo("challenge");
    }

    @Test
    void theOwnerReadsWhyAndAnAdminGetsAHideLinkOnThePublicPage() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/suppliers/s-1")).willReturn(
                json("""
                        {"id":"s-1","organisationId":"sup-1","name":"Sly Ltd","summary":"Sensors","regions":[],"accreditations":[],
                         "categories":[],"status":"published","hiddenReason":"Claims accreditations it does not hold"}""")));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/suppliers/s-2")).willReturn(
                json("""
                        {"id":"s-2","organisationId":"sup-2","name":"Fine Ltd","summary":"Sensors","regions":[],"accreditations":[],
                         "categories":[],"status":"published"}""")));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/suppliers/s-1/pilots")).willReturn(json("{\"items\":[]}")));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/suppliers/s-2/pilots")).willReturn(json("{\"items\":[]}")));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/me")).willReturn(
                json("""
                        {"subject":"sam","roles":["supplier"],"memberships":[{"organisationId":"sup-1","organisationType":"supplier"}]}""")));

        Document own = Jsoup.parse(pageAs(signedIn("sam", "Sam", "supplier"), "/suppliers/s-1"));
        Document moderated = Jsoup.parse(pageAs(admin(), "/suppliers/s-2"));

        assertThat(own.select("[data-testid=hidden-notice]").text())
            .isEqualTo("Hidden by Launchpad: Claims accreditations it does not hold");
        assertThat(own.select("[data-testid=moderate-link]")).isEmpty();
        assertThat(moderated.select("[data-testid=moderate-link] a").attr("href"))
            .isEqualTo("/admin/moderation/hide?kind=supplier-profile&id=s-2");
    }

    private WebTestClient.ResponseSpec post(String path, MultiValueMap<String, String> form) {
        return web.mutateWith(admin())
            .mutateWith(csrf())
            .post()
            .uri(path)
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData(form))
            .exchange();
    }

    private OidcLoginMutator admin() {
        return signedIn("root", "Root", "admin");
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

}
