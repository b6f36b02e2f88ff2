package io.launchpad.web.supplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.launchpad.web.ApiStub;
import io.launchpad.web.WebPageTest;
import io.launchpad.web.forms.FormProblems;

/**
 * Issue 12, item 3: a supplier writes, edits and publishes its profile on the web;
 * refusals come back beside the fields, all at once, with what was typed kept, and a
 * conflict says what to do.
 */
class SupplierProfilePageTest extends WebPageTest {

    static final String ME = """
            {"subject":"sam","username":"sam","name":"Sam Supplier","email":"sam@example.org","roles":["supplier"],
             "memberships":[{"organisationId":"sup-1","organisationName":"Sensors Ltd","organisationType":"supplier"}]}""";

    static final String PROFILE = """
            {"id":"p-1","organisationId":"sup-1","name":"Sensors Ltd","summary":"Humidity sensors for homes.",
             "capabilities":"We fit sensors.","products":"","caseStudies":"Riverside: 200 homes.",
             "regions":["north-west","london"],"accreditations":["cyber-essentials"],"size":"small",
             "categories":["damp-and-mould"],"status":"%s","version":%d}""";

    @BeforeEach
    void stubApi() {
        stub("/api/v1/me", ME);
    }

    @Test
    void aSupplierWithoutAProfileGetsAnEmptyFormForItsOrganisation() {
        stub("/api/v1/me/supplier-profiles", "{\"items\":[]}");

        Document page = Jsoup.parse(pageAs(supplier(), "/supplier/profile"));

        assertThat(page.select("h1").text()).isEqualTo("Create your supplier profile");
        assertThat(page.select("#organisationId option").eachText()).containsExactly("Sensors Ltd");
        assertThat(page.select("input[name=regions]")).hasSize(13);
        assertThat(page.select("input[name=size]").eachAttr("value")).containsExactly("micro", "small", "medium",
                "large");
        assertThat(page.select("[data-testid=publish-profile]")).hasSize(1);
    }

    @Test
    void anExistingProfileIsShownForEditingWithItsChoicesTicked() {
        stub("/api/v1/me/supplier-profiles", "{\"items\":[" + PROFILE.formatted("draft", 3) + "]}");

        Document page = Jsoup.parse(pageAs(supplier(), "/supplier/profile"));

        assertThat(page.select("h1").text()).isEqualTo("Edit your supplier profile");
        assertThat(page.select("input[name=version]").val()).isEqualTo("3");
        assertThat(page.select("#name").val()).isEqualTo("Sensors Ltd");
        assertThat(page.select("#caseStudies").text()).isEqualTo("Riverside: 200 homes.");
        assertThat(page.select("input[name=regions][checked]").eachAttr("value")).containsExactly("north-west",
                "london");
        assertThat(page.select("input[name=categories][checked]").eachAttr("value")).containsExactly("damp-and-mould");
        assertThat(page.select("input[name=size][checked]").val()).isEqualTo("small");
        assertThat(page.select("[data-testid=profile-organisation]").text()).isEqualTo("For Sensors Ltd");
    }

    @Test
    void aRefusedProfileShowsEveryProblemBesideItsFieldAndKeepsWhatWasTyped() {
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/suppliers")).willReturn(problem(400, """
                {"title":"Validation failed","status":400,"detail":"name: size must be between 2 and 200",
                 "errors":[{"field":"summary","rule":"required","message":"must not be blank"},
                           {"field":"name","rule":"length","message":"size must be between 2 and 200"},
                           {"field":"categories","rule":"length","message":"size must be between 0 and 5"}]}""")));
        MultiValueMap<String, String> form = form();
        form.set("name", "S");
        form.set("summary", "");
        form.put("categories", List.of("damp-and-mould", "iot-and-sensors", "ai-and-automation", "cyber-security",
                "tenant-engagement", "repairs-and-maintenance"));

        Document page = Jsoup.parse(submitAs(supplier(), "/supplier/profile", form));

        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.select("[data-testid=error-summary] li").eachText()).containsExactly(
                "Name must be between 2 and 200 characters", "Enter a summary of what you offer",
                "Choose up to 5 categories");
        everySummaryLinkLeadsToAFieldShowingTheSameMessage(page);
        assertThat(page.select("#name").val()).isEqualTo("S");
        assertThat(page.select("#capabilities").text()).isEqualTo("We fit damp sensors in social homes.");
        assertThat(page.select("input[name=categories][checked]")).hasSize(6);
        assertThat(page.select("input[name=regions][checked]").eachAttr("value")).containsExactly("north-west");
        assertThat(page.select("input[name=size][checked]").val()).isEqualTo("micro");
    }

    @Test
    void aConflictIsExplainedAndTheTypedValuesComeBackWithTheCurrentVersion() {
        ApiStub.SERVER.stubFor(put(urlPathEqualTo("/api/v1/suppliers/p-1")).willReturn(problem(412, """
                {"title":"Precondition failed","status":412,"detail":"If-Match: the resource was changed",
                 "errors":[{"field":"If-Match","rule":"current-version","message":"the resource was changed"}]}""")));
        stub("/api/v1/suppliers/p-1", PROFILE.formatted("draft", 5));
        MultiValueMap<String, String> form = form();
        form.set("id", "p-1");
        form.set("version", "3");
        form.set("name", "Sensors Limited");

        Document page = Jsoup.parse(submitAs(supplier(), "/supplier/profile", form));

        ApiStub.SERVER
            .verify(putRequestedFor(urlPathEqualTo("/api/v1/suppliers/p-1")).withHeader("If-Match", equalTo("\"3\"")));
        assertThat(page.select("[data-testid=error-summary]").text())
            .contains("Someone changed this profile while you were editing")
            .contains("save again");
        assertThat(page.select("input[name=version]").val()).isEqualTo("5");
        assertThat(page.select("#name").val()).isEqualTo("Sensors Limited");
        assertThat(page.text()).doesNotContain("If-Match");
    }

    @Test
    void publishingSavesThenPublishesWithTheSavedVersion() {
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/suppliers"))
            .willReturn(json(PROFILE.formatted("draft", 1)).withStatus(201)));
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/suppliers/p-1/publish"))
            .willReturn(json(PROFILE.formatted("published", 2))));
        MultiValueMap<String, String> form = form();
        form.set("action", "publish");

        web.mutateWith(supplier())
            .mutateWith(csrf())
            .post()
            .uri("/supplier/profile")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData(form))
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .expectHeader()
            .valueEquals("Location", "/supplier/profile?id=p-1&saved=published");

        ApiStub.SERVER.verify(postRequestedFor(urlPathEqualTo("/api/v1/suppliers"))
            .withRequestBody(matchingJsonPath("$.organisationId", equalTo("sup-1")))
            .withRequestBody(matchingJsonPath("$.regions[0]", equalTo("north-west")))
            .withRequestBody(matchingJsonPath("$.size", equalTo("micro"))));
        ApiStub.SERVER.verify(postRequestedFor(urlPathEqualTo("/api/v1/suppliers/p-1/publish")).withHeader("If-Match",
                equalTo("\"1\"")));
    }

    @Test
    void aPublishRefusedForAnUnverifiedOrganisationKeepsTheDraftAndSaysWhy() {
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/suppliers"))
            .willReturn(json(PROFILE.formatted("draft", 1)).withStatus(201)));
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/suppliers/p-1/publish")).willReturn(problem(409,
                """
                        {"title":"Conflict","status":409,"detail":"organisationId: the organisation must be verified",
                         "errors":[{"field":"organisationId","rule":"verified-organisation","message":"must be verified"}]}""")));
        MultiValueMap<String, String> form = form();
        form.set("action", "publish");

        Document page = Jsoup.parse(submitAs(supplier(), "/supplier/profile", form));

        assertThat(page.select("[data-testid=saved-as-draft]")).hasSize(1);
        assertThat(page.select("input[name=id]").val()).isEqualTo("p-1");
        assertThat(page.select("input[name=version]").val()).isEqualTo("1");
        assertThat(page.select("[data-testid=error-summary] li").eachText())
            // the same words as every other refused publish (FormProblems.UNVERIFIED)
            .containsExactly(FormProblems.UNVERIFIED);
        // about the organisation, not a field: the way forward is the verification status
        assertThat(page.select("[data-testid=verification-link]").attr("href"))
            .isEqualTo("/organisations/verification");
    }

    @Test
    void theSupplierHomeAndItsPublicPageLinkToTheForm() {
        stub("/api/v1/me/responses", "{\"items\":[]}");
        stub("/api/v1/me/follows", "{\"items\":[]}");
        stub("/api/v1/suppliers/p-1", PROFILE.formatted("published", 2));
        stub("/api/v1/suppliers/p-1/pilots", "{\"items\":[]}");

        Document home = Jsoup.parse(pageAs(supplier(), "/supplier"));
        Document own = Jsoup.parse(pageAs(supplier(), "/suppliers/p-1"));
        Document someoneElses = Jsoup.parse(pageAs(signedIn("ann", "Ann", "association"), "/suppliers/p-1"));

        assertThat(home.select("[data-testid=supplier-profile-link]").attr("href")).isEqualTo("/supplier/profile");
        assertThat(own.select("[data-testid=edit-profile-link] a").attr("href")).isEqualTo("/supplier/profile?id=p-1");
        stub("/api/v1/me", ME.replace("sup-1", "sup-2"));
        assertThat(Jsoup.parse(pageAs(signedIn("ann", "Ann", "association"), "/suppliers/p-1"))
            .select("[data-testid=edit-profile-link]")).isEmpty();
        assertThat(someoneElses.select("h1").text()).isEqualTo("Sensors Ltd");
        Document anonymous = Jsoup.parse(web.get()
            .uri("/suppliers/p-1")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody());
        assertThat(anonymous.select("[data-testid=edit-profile-link]")).isEmpty();
    }

    static void everySummaryLinkLeadsToAFieldShowingTheSameMessage(Document page) {
        assertThat(page.select("[data-testid=error-summary-link]")).isNotEmpty();
        for (Element link : page.select("[data-testid=error-summary-link]")) {
            Element target = page.getElementById(link.attr("href").substring(1));
            assertThat(target).as("the field %s", link.attr("href")).isNotNull();
            assertThat(target.parents().stream().filter(parent -> parent.hasClass("field--error")))
                .as("the field %s is marked with its message", link.attr("href"))
                .anySatisfy(
                        field -> assertThat(field.select("[data-testid=field-error]").text()).contains(link.text()));
        }
    }

    private static MultiValueMap<String, String> form() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("organisationId", "sup-1");
        form.add("name", "Sensors Ltd");
        form.add("summary", "Humidity sensors for homes.");
        form.add("capabilities", "We fit damp sensors in social homes.");
        form.add("regions", "north-west");
        form.add("size", "micro");
        form.add("action", "save");
        return form;
    }

    private OidcLoginMutator supplier() {
        return signedIn("sam", "Sam Supplier", "supplier");
    }

    private static void stub(String path, String body) {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo(path)).willReturn(json(body)));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    private static ResponseDefinitionBuilder problem(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json").withBody(body);
    }

}
