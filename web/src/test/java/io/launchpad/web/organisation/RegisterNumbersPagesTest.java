package io.launchpad.web.organisation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.launchpad.web.forms.FormsPeopleCanFinishTest.everySummaryLinkLeadsToItsFieldWithTheSameMessageBesideIt;
import static io.launchpad.web.forms.FormsPeopleCanFinishTest.plainEnglish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.launchpad.web.ApiStub;
import io.launchpad.web.WebPageTest;

/**
 * Issue 14, item 3 on the web: an organisation gives its numbers on public registers when
 * it registers and later on a page of its own; refusals are said beside each box, all at
 * once, keeping what was typed; public pages and the admin's queue show the numbers, the
 * queue with links to look them up.
 */
class RegisterNumbersPagesTest extends WebPageTest {

    static final String ORGANISATION = """
            {"id":"org-1","name":"Northern Homes","type":"%s","verified":false,"version":%d,
             "identifiers":{"companyNumber":"01234567","charityNumber":null,"mutualsNumber":null,
                            "socialHousingEngland":"L4426","socialHousingScotland":null,"socialHousingWales":null},
             "registers":[{"scheme":"GB-COH","id":"01234567","register":"Companies House"},
                          {"scheme":"GB-SHPE","id":"L4426","register":"Regulator of Social Housing"}]}""";

    static final String MEMBER = """
            {"subject":"ada","roles":["association"],
             "memberships":[{"organisationId":"org-1","organisationName":"Northern Homes","organisationType":"association"}]}""";

    // --- registering
    // --------------------------------------------------------------------------------

    @Test
    void anAssociationIsAskedForEveryRegisterASupplierNotForTheSocialHousingOnes() {
        noMemberships("association");
        Document association = Jsoup.parse(pageAs(signedIn("ada", "Ada", "association"), "/onboarding/organisation"));

        assertThat(association.select("[data-testid=register-fields] input").eachAttr("name")).containsExactly(
                "companyNumber", "charityNumber", "mutualsNumber", "socialHousingEngland", "socialHousingScotland",
                "socialHousingWales");
        Element company = association.getElementById("companyNumber");
        assertThat(association.select("label[for=companyNumber]").text()).isEqualTo("Companies House number");
        assertThat(company.attr("aria-describedby")).isEqualTo("companyNumber-hint");
        assertThat(association.getElementById("companyNumber-hint").text())
            .contains("8 digits, or 2 letters and 6 digits");
        assertThat(association.select("[data-testid=register-fields] legend").text()).contains("optional");

        noMemberships("supplier");
        Document supplier = Jsoup.parse(pageAs(signedIn("sam", "Sam", "supplier"), "/onboarding/organisation"));

        assertThat(supplier.select("[data-testid=register-fields] input").eachAttr("name"))
            .containsExactly("companyNumber", "charityNumber", "mutualsNumber");
    }

    @Test
    void theNumbersGoToTheApiInItsShape() {
        noMemberships("association");
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/organisations"))
            .willReturn(json(ORGANISATION.formatted("association", 1)).withStatus(201)));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("name", "Northern Homes");
        form.add("companyNumber", " 01234567 ");
        form.add("socialHousingEngland", "L4426");
        form.add("charityNumber", "");

        web.mutateWith(signedIn("ada", "Ada", "association"))
            .mutateWith(csrf())
            .post()
            .uri("/onboarding/organisation")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData(form))
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .expectHeader()
            .location("/organisations/verification");

        ApiStub.SERVER.verify(postRequestedFor(urlPathEqualTo("/api/v1/organisations"))
            .withRequestBody(matchingJsonPath("$.name", equalTo("Northern Homes")))
            .withRequestBody(matchingJsonPath("$.type", equalTo("association")))
            .withRequestBody(matchingJsonPath("$.identifiers.companyNumber", equalTo("01234567")))
            .withRequestBody(matchingJsonPath("$.identifiers.socialHousingEngland", equalTo("L4426")))
            // a box left empty sends no number (null or nothing)
            .withRequestBody(notContaining("\"charityNumber\":\"")));
    }

    @Test
    void numbersTheApiRefusesAreEachSaidBesideTheirBoxAllAtOnceKeepingEverythingTyped() {
        noMemberships("association");
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/organisations")).willReturn(problem(422,
                """
                        {"type":"https://launchpad.example/problems/invalid-identifier","title":"Invalid register number","status":422,
                         "detail":"identifiers.companyNumber: must be 8 digits, or 2 letters and 6 digits, as Companies House shows it",
                         "errors":[{"field":"identifiers.companyNumber","rule":"format","message":"must be 8 digits, or 2 letters and 6 digits, as Companies House shows it"},
                                   {"field":"identifiers.socialHousingEngland","rule":"format","message":"must be the Regulator of Social Housing's registration number, such as L4426 or 4810"}]}""")));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("name", "Northern Homes");
        form.add("companyNumber", "123");
        form.add("charityNumber", "1012345");
        form.add("socialHousingEngland", "LH 44 26 X");

        Document page = Jsoup.parse(submitAs(signedIn("ada", "Ada", "association"), "/onboarding/organisation", form));

        assertThat(page.title()).startsWith("Error:");
        assertThat(page.select("[data-testid=error-summary-link]").eachText()).containsExactly(
                "Enter the Companies House number as 8 digits, or 2 letters and 6 digits, like 01234567 or SC123456",
                "Enter the Regulator of Social Housing number as 4 digits, sometimes after 1 or 2 letters, like L4426");
        assertThat(page.select("[data-testid=error-summary-link]").eachAttr("href")).containsExactly("#companyNumber",
                "#socialHousingEngland");
        everySummaryLinkLeadsToItsFieldWithTheSameMessageBesideIt(page);
        plainEnglish(page);
        assertThat(page.text()).doesNotContain("identifiers.", "companyNumber");
        assertThat(page.getElementById("companyNumber").attr("aria-describedby"))
            .isEqualTo("companyNumber-hint companyNumber-error");
        // nothing typed is lost, the name included
        assertThat(page.getElementById("name").val()).isEqualTo("Northern Homes");
        assertThat(page.getElementById("companyNumber").val()).isEqualTo("123");
        assertThat(page.getElementById("charityNumber").val()).isEqualTo("1012345");
        assertThat(page.getElementById("socialHousingEngland").val()).isEqualTo("LH 44 26 X");
        assertThat(page.select(".field--error input").eachAttr("name")).containsExactly("companyNumber",
                "socialHousingEngland");
    }

    // --- the organisation's own page
    // ------------------------------------------------------------------

    @Test
    void membersSeeTheirNumbersAndChangeThemNamingTheVersionTheyRead() {
        stubMember();
        ApiStub.SERVER.stubFor(put(urlPathEqualTo("/api/v1/organisations/org-1/identifiers"))
            .willReturn(json(ORGANISATION.formatted("association", 4))));

        Document page = Jsoup.parse(pageAs(signedIn("ada", "Ada", "association"), "/organisations/org-1/registers"));

        assertThat(page.select("h1").text()).isEqualTo("Register numbers");
        assertThat(page.select("[data-testid=current-registers] [data-testid=register]").eachText())
            .containsExactly("Companies House: 01234567", "Regulator of Social Housing: L4426");
        assertThat(page.getElementById("companyNumber").val()).isEqualTo("01234567");
        assertThat(page.getElementById("socialHousingEngland").val()).isEqualTo("L4426");
        assertThat(page.getElementById("charityNumber").val()).isEmpty();
        assertThat(page.select("input[name=version]").val()).isEqualTo("3");

        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("version", "3");
        form.add("companyNumber", "01234567");
        form.add("charityNumber", "1012345");
        form.add("socialHousingEngland", "");
        web.mutateWith(signedIn("ada", "Ada", "association"))
            .mutateWith(csrf())
            .post()
            .uri("/organisations/org-1/registers")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData(form))
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .expectHeader()
            .location("/organisations/org-1/registers?saved=true");

        ApiStub.SERVER.verify(putRequestedFor(urlPathEqualTo("/api/v1/organisations/org-1/identifiers"))
            .withHeader("If-Match", equalTo("\"3\""))
            .withRequestBody(matchingJsonPath("$.companyNumber", equalTo("01234567")))
            .withRequestBody(matchingJsonPath("$.charityNumber", equalTo("1012345")))
            .withRequestBody(notContaining("\"socialHousingEngland\":\"")));

        Document saved = Jsoup
            .parse(pageAs(signedIn("ada", "Ada", "association"), "/organisations/org-1/registers?saved=true"));
        assertThat(saved.select("[data-testid=registers-saved]").text()).contains("Register numbers saved");
    }

    @Test
    void twoRefusedNumbersOnTheOrganisationsPageAreBothSaidBesideTheirBoxes() {
        stubMember();
        ApiStub.SERVER.stubFor(put(urlPathEqualTo("/api/v1/organisations/org-1/identifiers")).willReturn(problem(422,
                """
                        {"type":"https://launchpad.example/problems/invalid-identifier","title":"Invalid register number","status":422,
                         "errors":[{"field":"companyNumber","rule":"format","message":"must be 8 digits, or 2 letters and 6 digits, as Companies House shows it"},
                                   {"field":"charityNumber","rule":"format","message":"must be 6 or 7 digits (England and Wales), SC and 6 digits (Scotland) or NIC and 6 digits (Northern Ireland)"}]}""")));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("version", "3");
        form.add("companyNumber", "ABC");
        form.add("charityNumber", "12");
        form.add("mutualsNumber", "31367R");

        Document page = Jsoup
            .parse(submitAs(signedIn("ada", "Ada", "association"), "/organisations/org-1/registers", form));

        assertThat(page.title()).startsWith("Error:");
        assertThat(page.select("[data-testid=error-summary-link]").eachAttr("href")).containsExactly("#companyNumber",
                "#charityNumber");
        assertThat(page.getElementById("charityNumber-error").text())
            .contains("Enter the charity number as 6 or 7 digits");
        everySummaryLinkLeadsToItsFieldWithTheSameMessageBesideIt(page);
        plainEnglish(page);
        assertThat(page.getElementById("companyNumber").val()).isEqualTo("ABC");
        assertThat(page.getElementById("charityNumber").val()).isEqualTo("12");
        assertThat(page.getElementById("mutualsNumber").val()).isEqualTo("31367R");
        assertThat(page.getElementById("socialHousingEngland").val()).as("a box left empty stays empty").isEmpty();
    }

    @Test
    void aChangeSomeoneElseMadeMeanwhileIsExplainedAndSavingAgainAppliesTheirsOverIt() {
        stubMember(); // the current version is 3
        ApiStub.SERVER.stubFor(put(urlPathEqualTo("/api/v1/organisations/org-1/identifiers")).willReturn(problem(412,
                """
                        {"title":"Precondition failed","status":412,
                         "detail":"If-Match: the resource was changed since you read it (now \\"3\\"); fetch it again",
                         "errors":[{"field":"If-Match","rule":"current-version","message":"the resource was changed since you read it (now \\"3\\"); fetch it again"}]}""")));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("version", "2");
        form.add("companyNumber", "SC123456");

        Document page = Jsoup
            .parse(submitAs(signedIn("ada", "Ada", "association"), "/organisations/org-1/registers", form));

        assertThat(page.select("[data-testid=error-summary]").text()).contains("Someone changed this organisation’s"
                + " register numbers while you were editing. Your changes are below; check them against the current"
                + " version and save again.");
        assertThat(page.text()).doesNotContain("If-Match", "fetch it again");
        assertThat(page.select("[data-testid=current-registers] [data-testid=register]").eachText())
            .as("the current numbers, to check against")
            .contains("Companies House: 01234567");
        assertThat(page.getElementById("companyNumber").val()).isEqualTo("SC123456");
        assertThat(page.select("input[name=version]").val()).as("the version to send next: the current one")
            .isEqualTo("3");
    }

    @Test
    void someoneWhoDoesNotActForTheOrganisationFindsNoSuchPage() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/organisations/org-1"))
            .willReturn(json(ORGANISATION.formatted("association", 3))));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/me")).willReturn(json("""
                {"subject":"eve","roles":["association"],"memberships":[]}""")));

        web.mutateWith(signedIn("eve", "Eve", "association"))
            .get()
            .uri("/organisations/org-1/registers")
            .exchange()
            .expectStatus()
            .isNotFound();
    }

    @Test
    void theVerificationPageShowsEachOrganisationsNumbersAndLinksToChangeThem() {
        stubMember();
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/organisations/org-1/verification"))
            .willReturn(json("{\"organisationId\":\"org-1\",\"verified\":false}")));

        Document page = Jsoup.parse(pageAs(signedIn("ada", "Ada", "association"), "/organisations/verification"));

        assertThat(page.select("[data-testid=organisation-status] [data-testid=register]").eachText())
            .containsExactly("Companies House: 01234567", "Regulator of Social Housing: L4426");
        assertThat(page.select("[data-testid=change-registers]").attr("href"))
            .isEqualTo("/organisations/org-1/registers");
        assertThat(page.select("[data-testid=change-registers]").text())
            .isEqualTo("Change register numbers of Northern Homes");
    }

    // --- where others see them
    // ---------------------------------------------------------------------------

    @Test
    void aSuppliersPublicPageSaysWhichRegistersItIsOn() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/suppliers/sp-1")).willReturn(json("""
                {"id":"sp-1","organisationId":"org-9","name":"Sensible Sensors","summary":"Sensors.","regions":[],
                 "accreditations":[],"categories":[],"status":"published"}""")));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/suppliers/sp-1/pilots")).willReturn(json("{\"items\":[]}")));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/organisations/org-9")).willReturn(json("""
                {"id":"org-9","name":"Sensible Sensors","type":"supplier","verified":true,"version":2,
                 "identifiers":{"companyNumber":"SC123456","charityNumber":"SC012345"},
                 "registers":[{"scheme":"GB-COH","id":"SC123456","register":"Companies House"},
                              {"scheme":"GB-SC","id":"SC012345","register":"Scottish Charity Regulator"}]}""")));

        Document page = Jsoup.parse(web.get()
            .uri("/suppliers/sp-1")
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody());

        assertThat(page.select("[data-testid=register]").eachText()).containsExactly("Companies House: SC123456",
                "Scottish Charity Regulator: SC012345");
    }

    @Test
    void aSuppliersPageStillShowsWhenItsRegistersCannotBeRead() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/suppliers/sp-1")).willReturn(json("""
                {"id":"sp-1","organisationId":"org-9","name":"Sensible Sensors","regions":[],"accreditations":[],
                 "categories":[],"status":"published"}""")));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/suppliers/sp-1/pilots")).willReturn(json("{\"items\":[]}")));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/organisations/org-9"))
            .willReturn(problem(503, "{\"title\":\"Unavailable\",\"status\":503}")));

        Document page = Jsoup.parse(web.get()
            .uri("/suppliers/sp-1")
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody());

        assertThat(page.select("h1").text()).isEqualTo("Sensible Sensors");
        assertThat(page.select("[data-testid=registers]")).isEmpty();
    }

    @Test
    void aChallengeSaysWhichRegistersItsAssociationIsOn() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/challenges/ch-1")).willReturn(json("""
                {"id":"ch-1","organisationId":"org-1","organisationName":"Northern Homes","title":"Cut damp reports",
                 "summary":"Sensors","description":"Long","categories":["damp-and-mould"],"regions":["north-west"],
                 "status":"published","closingDate":"2030-01-31","version":3}""")));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/organisations/org-1"))
            .willReturn(json(ORGANISATION.formatted("association", 3))));

        Document page = Jsoup.parse(web.get()
            .uri("/challenges/ch-1")
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody());

        assertThat(page.select("#challenge [data-testid=register]").eachText())
            .containsExactly("Companies House: 01234567", "Regulator of Social Housing: L4426");
    }

    @Test
    void theAdminsQueueShowsEachOrganisationsNumbersLinkedToTheirRegistersWhereTheyHaveAnAddress() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/admin/verification-queue")).willReturn(
                json("""
                        {"items":[{"id":"org-1","name":"Northern Homes","type":"association","createdAt":"2026-12-02T10:00:00Z",
                                   "members":1,"refusedAt":null,"refusalReason":null,
                                   "registers":[{"scheme":"GB-COH","id":"01234567","register":"Companies House"},
                                                {"scheme":"GB-CHC","id":"1012345","register":"Charity Commission for England and Wales"},
                                                {"scheme":"GB-SHPE","id":"L4426","register":"Regulator of Social Housing"}]},
                                  {"id":"org-2","name":"Sly Ltd","type":"supplier","createdAt":"2026-12-01T10:00:00Z","members":2,
                                   "refusedAt":null,"refusalReason":null,"registers":[]}]}""")));

        Document queue = Jsoup.parse(pageAs(signedIn("root", "Root", "admin"), "/admin/verification"));

        Element northern = queue.select("[data-testid=waiting-organisation]").get(0);
        assertThat(northern.select("[data-testid=register]").eachText()).containsExactly("Companies House: 01234567",
                "Charity Commission for England and Wales: 1012345", "Regulator of Social Housing: L4426");
        assertThat(northern.select("[data-testid=register-lookup]").eachAttr("href")).containsExactly(
                "https://find-and-update.company-information.service.gov.uk/company/01234567",
                "https://register-of-charities.charitycommission.gov.uk/charity-search/-/charity-details/1012345");
        assertThat(northern.select("[data-testid=register-lookup]").eachText()).containsExactly("01234567", "1012345");
        Element sly = queue.select("[data-testid=waiting-organisation]").get(1);
        assertThat(sly.select("[data-testid=no-registers]").text()).isEqualTo("No register numbers given.");
    }

    private static void stubMember() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/me")).willReturn(json(MEMBER)));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/organisations/org-1"))
            .willReturn(json(ORGANISATION.formatted("association", 3))));
    }

    private static void noMemberships(String role) {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/me"))
            .willReturn(json("{\"subject\":\"x\",\"roles\":[\"" + role + "\"],\"memberships\":[]}")));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/me/invitations")).willReturn(json("{\"items\":[]}")));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    private static ResponseDefinitionBuilder problem(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json").withBody(body);
    }

}
