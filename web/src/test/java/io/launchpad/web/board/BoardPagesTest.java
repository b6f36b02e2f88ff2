package io.launchpad.web.board;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import io.launchpad.web.ApiStub;
import io.launchpad.web.WebPageTest;

/**
 * The association's board pages: roles listed and written, matches and applications
 * reviewed blind until interview, decisions sent. The API is a WireMock stub at the web
 * app's edge.
 */
class BoardPagesTest extends WebPageTest {

    /**
     * What identifies the candidate: none of it may reach a blind page, whatever the API
     * sends.
     */
    static final List<String> IDENTIFYING = List.of("Chidi Eze", "Chidi", "chidi.eze@example.org", "07700 900123",
            "https://photos.example.org/chidi.jpg", "1984-03-07", "cand-secret-id");

    @BeforeEach
    void stubApi() {
        BoardStubs.framework();
        BoardStubs.json("/api/v1/me", BoardStubs.ME_ASSOCIATION);
    }

    @Test
    void theRolesPageListsTheAssociationsDraftsAndTheOpenRolesAndTheNavigationFitsTheRole() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/board-roles"))
            .withQueryParam("organisationId", equalTo("org-1"))
            .atPriority(1)
            .willReturn(BoardStubs.json("{\"items\":[" + BoardStubs.role("r-draft", "Draft trustee", "draft") + "]}")));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/board-roles")).atPriority(5)
            .willReturn(BoardStubs.json("{\"items\":[" + BoardStubs.role("r-1", "Digital trustee", "open") + "]}")));

        Document page = Jsoup.parse(page("/board-roles", "association"));

        assertThat(page.select("[data-testid=own-role]").text()).contains("Draft trustee")
            .contains("Draft closes 31 January 2030");
        assertThat(page.select("[data-testid=open-role]").text()).contains("Digital trustee").contains("North West");
        assertThat(page.select("[data-testid=nav-board-roles]")).hasSize(1);
        assertThat(page.select("[data-testid=nav-candidate-profile]")).isEmpty();
        assertThat(page.select("[data-testid=nav-your-data]")).hasSize(1);
        assertThat(page.select("h1")).hasSize(1);
    }

    @Test
    void aNewRolePostsItsSkillsMatrixGapsAndTermsAndIsPublished() {
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/board-roles"))
            .willReturn(BoardStubs.json(BoardStubs.role("r-9", "Digital trustee", "draft")).withStatus(201)));
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/board-roles/r-9/publish"))
            .willReturn(BoardStubs.json(BoardStubs.role("r-9", "Digital trustee", "open"))));
        MultiValueMap<String, String> form = roleForm();
        form.add("action", "publish");

        web.mutateWith(signedIn("association"))
            .mutateWith(csrf())
            .post()
            .uri("/board-roles/new")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData(form))
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .expectHeader()
            .valueEquals("Location", "/board-roles/r-9");

        ApiStub.SERVER.verify(postRequestedFor(urlPathEqualTo("/api/v1/board-roles"))
            .withRequestBody(matchingJsonPath("$.organisationId", equalTo("org-1")))
            .withRequestBody(matchingJsonPath("$.title", equalTo("Digital trustee")))
            .withRequestBody(matchingJsonPath("$.skillGaps[0].skill", equalTo("data-governance")))
            .withRequestBody(matchingJsonPath("$.skillGaps[0].level", equalTo("expert")))
            .withRequestBody(matchingJsonPath("$.skillGaps.length()", equalTo("1")))
            .withRequestBody(matchingJsonPath("$.skillsMatrix[0].skill", equalTo("strategic-thinking")))
            .withRequestBody(matchingJsonPath("$.skillsMatrix[0].level", equalTo("practitioner")))
            .withRequestBody(matchingJsonPath("$.hoursPerMonth", equalTo("8")))
            .withRequestBody(matchingJsonPath("$.remuneration", equalTo("voluntary")))
            .withRequestBody(matchingJsonPath("$.remote", equalTo("true")))
            .withRequestBody(matchingJsonPath("$.region", equalTo("north-west")))
            .withRequestBody(matchingJsonPath("$.closingDate", equalTo("2030-01-31")))
            .withRequestBody(matchingJsonPath("$.diversityAims", equalTo("Tenants and under-35s"))));
        ApiStub.SERVER.verify(postRequestedFor(urlPathEqualTo("/api/v1/board-roles/r-9/publish")));
    }

    @Test
    void aRoleTheApiRefusesIsShownAgainWithEachMessageBesideItsField() {
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/board-roles")).willReturn(aResponse().withStatus(400)
            .withHeader("Content-Type", "application/problem+json")
            .withBody(
                    """
                            {"type":"https://launchpad.example/problems/validation-failed","title":"Validation failed",
                             "status":400,"detail":"closingDate: must be a date in the present or in the future; skillGaps: size must be between 1 and 20",
                             "errors":[{"field":"closingDate","rule":"not-in-past","message":"must be a date in the present or in the future"},
                                       {"field":"skillGaps","rule":"length","message":"size must be between 1 and 20"}]}""")));
        MultiValueMap<String, String> form = roleForm();
        form.remove("gap-data-governance");

        Document page = Jsoup.parse(submit("/board-roles/new", form, "association"));

        // all at once, in the form's words (issue 12)
        assertThat(page.select("[data-testid=error-summary] li").eachText()).containsExactly(
                "Choose the level this role needs in at least one skill, and in no more than 20",
                "Closing date must be today or in the future");
        assertThat(page.select("[data-field=closingDate]").text())
            .contains("Closing date must be today or in the future");
        assertThat(page.select("[data-field=skillGaps]").text()).contains("at least one skill");
        assertThat(page.select("#closingDate").attr("aria-describedby")).isEqualTo("closingDate-error");
        assertThat(page.select("#title").val()).isEqualTo("Digital trustee");
        assertThat(page.select("#matrix-strategic-thinking option[selected]").val()).isEqualTo("practitioner");
        ApiStub.SERVER.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/board-roles/r-9/publish")));
    }

    @Test
    void editingARoleSendsTheVersionItWasReadAt() {
        BoardStubs.json("/api/v1/board-roles/r-1", BoardStubs.role("r-1", "Digital trustee", "draft"));
        ApiStub.SERVER.stubFor(put(urlPathEqualTo("/api/v1/board-roles/r-1"))
            .willReturn(BoardStubs.json(BoardStubs.role("r-1", "Digital trustee", "draft"))));

        Document form = Jsoup.parse(page("/board-roles/r-1/edit", "association"));
        assertThat(form.select("#gap-data-governance option[selected]").val()).isEqualTo("expert");
        assertThat(form.select("input[name=version]").val()).isEqualTo("4");

        MultiValueMap<String, String> fields = roleForm();
        fields.add("version", "4");
        fields.add("action", "save");
        web.mutateWith(signedIn("association"))
            .mutateWith(csrf())
            .post()
            .uri("/board-roles/r-1/edit")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData(fields))
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .expectHeader()
            .valueEquals("Location", "/board-roles/r-1");
        ApiStub.SERVER
            .verify(putRequestedFor(urlPathEqualTo("/api/v1/board-roles/r-1")).withHeader("If-Match", equalTo("\"4\""))
                .withRequestBody(matchingJsonPath("$.skillGaps[0].skill", equalTo("data-governance"))));
    }

    @Test
    void theBlindApplicationsPageShowsNoIdentifyingFieldEvenWhenTheApiSendsThem() {
        BoardStubs.json("/api/v1/board-roles/r-1", BoardStubs.role("r-1", "Digital trustee", "open"));
        // a faulty API: identity and candidate id on an application nobody has moved to
        // interview
        BoardStubs.json("/api/v1/board-roles/r-1/applications", """
                {"items":[{"id":"a-1","boardRoleId":"r-1","status":"submitted","identityRevealed":false,
                  "statement":"I chaired a digital committee for six years.",
                  "applicant":%s,
                  "candidateId":"cand-secret-id","name":"Chidi Eze","email":"chidi.eze@example.org",
                  "identity":%s,"createdAt":"2026-11-01T10:00:00Z","version":1}]}""".formatted(BoardStubs.APPLICANT,
                BoardStubs.IDENTITY));

        String html = page("/board-roles/r-1/applications", "association");

        IDENTIFYING.forEach(value -> assertThat(html).as("blind page shows " + value).doesNotContain(value));
        Document page = Jsoup.parse(html);
        assertThat(page.select("[data-testid=applicant-heading]").text()).isEqualTo("Applicant 1");
        assertThat(page.select("[data-testid=applicant-identity]")).isEmpty();
        assertThat(page.select("[data-testid=application-statement]").text()).contains("digital committee");
        assertThat(page.select("[data-testid=skills]").text()).contains("Data governance: Expert");
        assertThat(page.select("[data-testid=anonymised-candidate]").text())
            .contains("Chief digital officer, housing, 6 years");
        assertThat(page.select("[data-testid^=decide-]").eachAttr("value")).containsExactly("shortlisted", "interview",
                "declined");
    }

    @Test
    void fromInterviewOnTheApplicantIsNamed() {
        BoardStubs.json("/api/v1/board-roles/r-1", BoardStubs.role("r-1", "Digital trustee", "open"));
        BoardStubs.json("/api/v1/board-roles/r-1/applications", """
                {"items":[{"id":"a-1","boardRoleId":"r-1","status":"interview","identityRevealed":true,
                  "statement":"I chaired a digital committee.","applicant":%s,"candidateId":"c-1",
                  "identity":%s,"version":2}]}""".formatted(BoardStubs.APPLICANT, BoardStubs.IDENTITY));

        Document page = Jsoup.parse(page("/board-roles/r-1/applications", "association"));

        assertThat(page.select("[data-testid=applicant-name]").text()).isEqualTo("Chidi Eze");
        assertThat(page.select("[data-testid=applicant-email]").text()).isEqualTo("chidi.eze@example.org");
        assertThat(page.select("[data-testid^=decide-]").eachAttr("value")).containsExactly("appointed", "declined");
    }

    @Test
    void matchedCandidatesAreShownWithScoreAndReasonsButNeverWhoTheyAre() {
        BoardStubs.json("/api/v1/board-roles/r-1", BoardStubs.role("r-1", "Digital trustee", "open"));
        BoardStubs.json("/api/v1/board-roles/r-1/matches",
                """
                        {"boardRoleId":"r-1","engine":"skill-gap coverage",
                         "verdict":{"strongMatch":false,"bestScore":47,"message":"No strong match: the best of these candidates scores 47 out of 100."},
                         "items":[{"rank":1,"score":87,
                          "candidate":{"candidateId":"cand-secret-id","name":"Chidi Eze","email":"chidi.eze@example.org",
                            "identity":%s,"headline":"Digital director",
                            "skills":[{"skill":"data-governance","level":"expert"}],"experience":[],"governanceYears":3,
                            "availability":"immediately","hoursPerMonth":10,"region":"north-west","remote":true},
                          "reasons":{"gapsCovered":[{"skill":"data-governance","label":"Data governance","requiredLevel":"practitioner","offeredLevel":"expert"}],
                            "gapsPartlyCovered":[],"gapsMissing":[{"skill":"cyber-security","label":"Cyber security","requiredLevel":"working"}],
                            "governanceYears":3,"location":"same-region","hoursMet":true,
                            "explanations":["Covers 1 of 2 skill gaps at the level needed"]}}]}"""
                    .formatted(BoardStubs.IDENTITY));

        String html = page("/board-roles/r-1/matches", "association");

        IDENTIFYING.forEach(value -> assertThat(html).as("matches page shows " + value).doesNotContain(value));
        Document page = Jsoup.parse(html);
        assertThat(page.select("[data-testid=match-score]").text()).isEqualTo("87");
        assertThat(page.select("[data-testid=match-reasons]").text()).contains("Covers 1 of 2 skill gaps")
            .contains("Data governance: Expert")
            .contains("Cyber security (needs Working)");
        assertThat(page.getElementById("no-strong-match").text())
            .isEqualTo("No strong match: the best of these candidates scores 47 out of 100.");
    }

    @Test
    void aDecisionSendsTheStatusAndFeedbackAndARefusalIsShown() {
        BoardStubs.json("/api/v1/board-roles/r-1", BoardStubs.role("r-1", "Digital trustee", "open"));
        BoardStubs.json("/api/v1/board-roles/r-1/applications", "{\"items\":[]}");
        ApiStub.SERVER
            .stubFor(post(urlPathEqualTo("/api/v1/applications/a-1/status")).willReturn(BoardStubs.json("{}")));
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/applications/a-2/status")).willReturn(aResponse()
            .withStatus(422)
            .withHeader("Content-Type", "application/problem+json")
            .withBody(
                    """
                            {"title":"Unprocessable","status":422,"detail":"status: an application that is submitted cannot become appointed",
                             "errors":[{"field":"status","rule":"transition","message":"an application that is submitted cannot become appointed"}]}""")));

        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("status", "interview");
        form.add("feedback", "We would like to meet you");
        web.mutateWith(signedIn("association"))
            .mutateWith(csrf())
            .post()
            .uri("/board-roles/r-1/applications/a-1/status")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData(form))
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .expectHeader()
            .valueEquals("Location", "/board-roles/r-1/applications");
        ApiStub.SERVER.verify(postRequestedFor(urlPathEqualTo("/api/v1/applications/a-1/status"))
            .withRequestBody(matchingJsonPath("$.status", equalTo("interview")))
            .withRequestBody(matchingJsonPath("$.feedback", equalTo("We would like to meet you"))));

        MultiValueMap<String, String> refused = new LinkedMultiValueMap<>();
        refused.add("status", "appointed");
        Document page = Jsoup.parse(submit("/board-roles/r-1/applications/a-2/status", refused, "association"));
        assertThat(page.select("[data-testid=form-error]").text()).contains("cannot become appointed");

        // declining asks first, keeping the feedback typed, and calls the API only once
        // confirmed
        MultiValueMap<String, String> decline = new LinkedMultiValueMap<>();
        decline.add("status", "declined");
        decline.add("feedback", "Thank you; we chose someone with audit experience");
        Document confirm = Jsoup.parse(submit("/board-roles/r-1/applications/a-1/status", decline, "association"));
        assertThat(confirm.select("[data-testid=confirm-heading]").text())
            .isEqualTo("Decline this application to ‘Digital trustee’?");
        assertThat(confirm.select("[data-testid=confirm-form] input[name=feedback]").val())
            .isEqualTo("Thank you; we chose someone with audit experience");
        ApiStub.SERVER.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/applications/a-1/status"))
            .withRequestBody(matchingJsonPath("$.status", equalTo("declined"))));
    }

    @Test
    void aCandidateAppliesFromTheRolePageAndARefusalKeepsTheStatement() {
        BoardStubs.json("/api/v1/me", BoardStubs.ME_CANDIDATE);
        BoardStubs.json("/api/v1/board-roles/r-1", BoardStubs.role("r-1", "Digital trustee", "open"));
        Document role = Jsoup.parse(page("/board-roles/r-1", "candidate"));
        assertThat(role.select("[data-testid=apply-form]")).hasSize(1);
        assertThat(role.select("[data-testid=role-applications]")).isEmpty();
        assertThat(role.select("[data-testid=skills]").first().text()).contains("Data governance: Expert");

        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/board-roles/r-1/applications")).willReturn(aResponse()
            .withStatus(409)
            .withHeader("Content-Type", "application/problem+json")
            .withBody(
                    "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"You have already applied for this role\"}")));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("statement", "Six years on a housing board");
        Document page = Jsoup.parse(submit("/board-roles/r-1/apply", form, "candidate"));
        assertThat(page.select("[data-testid=error-summary]").text()).contains("already applied");
        assertThat(page.select("#statement").text()).isEqualTo("Six years on a housing board");
        ApiStub.SERVER.verify(postRequestedFor(urlPathEqualTo("/api/v1/board-roles/r-1/applications"))
            .withRequestBody(matchingJsonPath("$.statement", equalTo("Six years on a housing board"))));
    }

    @Test
    void anEmptyStatementIsExplainedBesideItsFieldAndInTheSummary() {
        BoardStubs.json("/api/v1/me", BoardStubs.ME_CANDIDATE);
        BoardStubs.json("/api/v1/board-roles/r-1", BoardStubs.role("r-1", "Digital trustee", "open"));
        // the browser must let an empty statement through to the page that explains it
        Document role = Jsoup.parse(page("/board-roles/r-1", "candidate"));
        assertThat(role.select("[data-testid=apply-form]").hasAttr("novalidate")).isTrue();

        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/board-roles/r-1/applications"))
            .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json").withBody("""
                    {"title":"Invalid request","status":400,
                     "errors":[{"field":"statement","rule":"required","message":"must not be blank"}]}""")));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("statement", "   ");
        Document page = Jsoup.parse(submit("/board-roles/r-1/apply", form, "candidate"));
        assertThat(page.title()).startsWith("Error: Board role: Digital trustee");
        String message = "Enter why you want this role and what you bring to the board";
        assertThat(page.select("[data-field=statement]").text()).contains(message);
        assertThat(page.select("[data-testid=error-summary] a[href=#statement]").text()).isEqualTo(message);
        assertThat(page.select("#statement").attr("aria-describedby")).isEqualTo("statement-error");
        // the message sits between the label and the box, as the summary's link expects
        assertThat(page.select("label[for=statement] + [data-field=statement] + #statement")).hasSize(1);
    }

    @Test
    void theOwnerSeesManagementLinksAndADraftCanBePublished() {
        BoardStubs.json("/api/v1/board-roles/r-1", BoardStubs.role("r-1", "Digital trustee", "draft"));
        Document role = Jsoup.parse(page("/board-roles/r-1", "association"));
        assertThat(role.select("[data-testid=role-matches]")).hasSize(1);
        assertThat(role.select("[data-testid=publish-role]")).hasSize(1);
        assertThat(role.select("[data-testid=apply-form]")).isEmpty();
        ApiStub.SERVER.verify(0, deleteRequestedFor(urlPathEqualTo("/api/v1/board-roles/r-1")));
    }

    private static MultiValueMap<String, String> roleForm() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("organisationId", "org-1");
        form.add("title", "Digital trustee");
        form.add("description", "Our board needs a digital leader");
        form.add("matrix-strategic-thinking", "practitioner");
        form.add("matrix-data-governance", "");
        form.add("gap-data-governance", "expert");
        form.add("gap-strategic-thinking", "");
        form.add("timeCommitment", "Six meetings a year");
        form.add("hoursPerMonth", "8");
        form.add("remuneration", "voluntary");
        form.add("region", "north-west");
        form.add("remote", "true");
        form.add("closingDate", "2030-01-31");
        form.add("diversityAims", "Tenants and under-35s");
        return form;
    }

    /**
     * A person signed in with one realm role, as the web's sign-in reads it from the
     * access token.
     */
    private OidcLoginMutator signedIn(String role) {
        return signedIn(role + "-user", role + " user", role);
    }

    private String page(String path, String role) {
        return pageAs(signedIn(role), path);
    }

    private String submit(String path, MultiValueMap<String, String> form, String role) {
        return submitAs(signedIn(role), path, form);
    }

}
