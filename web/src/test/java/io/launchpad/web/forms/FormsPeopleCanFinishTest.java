package io.launchpad.web.forms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.launchpad.web.ApiStub;
import io.launchpad.web.WebPageTest;
import io.launchpad.web.board.BoardStubs;
import java.util.ArrayList;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Issue 12, item 6: a refused form shows every problem at once, in an error summary whose
 * links lead to the fields, and each problem beside its field in plain English; nothing
 * typed is lost; a conflict is explained with a way forward.
 */
public class FormsPeopleCanFinishTest extends WebPageTest {

    static final String ME = """
            {"subject":"u-1","username":"amara","name":"Amara Okafor","email":"amara@example.org",
             "roles":["association","supplier"],
             "memberships":[{"organisationId":"org-1","organisationName":"Riverside Homes","organisationType":"association"},
                            {"organisationId":"sup-1","organisationName":"Sensors Ltd","organisationType":"supplier"}]}""";

    static final String CHALLENGE = """
            {"id":"ch-1","organisationId":"org-1","organisationName":"Riverside Homes","title":"Cut damp reports",
             "summary":"Sensors in homes","description":"Long","categories":["damp-and-mould"],"regions":["north-west"],
             "status":"%s","budgetMinPounds":10000,"budgetMaxPounds":50000,"closingDate":"2030-01-31",
             "createdAt":"2026-11-01T10:00:00Z","updatedAt":"2026-11-01T10:00:00Z","version":%d,
             "requirements":[{"id":"E1","essential":true,"text":"Works offline"},
                             {"id":"E2","essential":true,"text":"Tenants can read the data"},
                             {"id":"N1","essential":false,"text":"Has a tenant app"}],
             "weightings":[{"criterion":"technical","weight":60},{"criterion":"price","weight":40}],
             "pilotLengthWeeks":12,"location":"Salford","questionsCloseOn":null,"requiredAccreditations":[]}""";

    @BeforeEach
    void stubApi() {
        BoardStubs.json("/api/v1/me", ME);
    }

    @Test
    void aRefusedChallengeShowsEveryProblemAtOnceBesideItsFieldInPlainEnglishAndKeepsWhatWasTyped() {
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/challenges")).willReturn(problem(400,
                """
                        {"title":"Validation failed","status":400,
                         "detail":"title: size must be between 5 and 200; weightings[0].weight: must be greater than or equal to 1",
                         "errors":[{"field":"summary","rule":"required","message":"must not be blank"},
                                   {"field":"title","rule":"length","message":"size must be between 5 and 200"},
                                   {"field":"weightings[0].weight","rule":"minimum","message":"must be greater than or equal to 1"},
                                   {"field":"budgetMinPounds","rule":"minimum","message":"must be greater than or equal to 0"}]}""")));
        MultiValueMap<String, String> form = challengeForm();
        form.set("title", "Damp");
        form.set("summary", "");
        form.set("weight-technical", "0");
        form.set("weight-price", "60");
        form.set("budgetMinPounds", "about ten thousand");

        Document page = Jsoup.parse(submitAs(association(), "/challenges/new", form));

        assertThat(page.title()).startsWith("Error: ");
        List<String> summary = page.select("[data-testid=error-summary] li").eachText();
        assertThat(summary).containsExactly("Title must be between 5 and 200 characters", "Enter a summary",
                "The weightings must add up to 100; they add up to 60", "Technical weight must be 1 or more",
                "Lowest budget must be a whole number of pounds, like 25000");
        everySummaryLinkLeadsToItsFieldWithTheSameMessageBesideIt(page);
        assertThat(page.select("#weight-technical-error").text()).contains("Technical weight must be 1 or more");
        assertThat(page.select("label[for=weight-technical]").text()).isEqualTo("Technical");
        assertThat(page.select("label[for=weight-social-value]").text()).isEqualTo("Social value");
        assertThat(page.select("#weightings-error").text()).contains("add up to 100");
        plainEnglish(page);
        // nothing typed is lost
        assertThat(page.select("#title").val()).isEqualTo("Damp");
        assertThat(page.select("#budgetMinPounds").val()).isEqualTo("about ten thousand");
        assertThat(page.select("#weight-price").val()).isEqualTo("60");
        assertThat(page.select("#essentialRequirements").text()).isEqualTo("Works offline");
        assertThat(page.select("#closingDate").val()).isEqualTo("2030-01-31");
        assertThat(page.select("#category option[selected]").val()).isEqualTo("damp-and-mould");
    }

    @Test
    void aRefusedPublishLeavesTheDraftInTheFormSoSendingAgainChangesItInsteadOfCreatingAnother() {
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/challenges"))
            .willReturn(BoardStubs.json(CHALLENGE.formatted("draft", 1)).withStatus(201)));
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/challenges/ch-1/publish")).willReturn(problem(422, """
                {"title":"Unprocessable","status":422,"detail":"closingDate: must be after today to publish",
                 "errors":[{"field":"closingDate","rule":"future","message":"must be after today to publish"}]}""")));
        MultiValueMap<String, String> form = challengeForm();
        form.set("closingDate", "2020-01-01");

        Document page = Jsoup.parse(submitAs(association(), "/challenges/new", form));

        assertThat(page.select("[data-testid=saved-as-draft]")).hasSize(1);
        assertThat(page.select("#closingDate-error").text()).contains("Closing date must be after today to publish");
        assertThat(page.select("input[name=id]").val()).isEqualTo("ch-1");
        assertThat(page.select("input[name=version]").val()).isEqualTo("1");
        assertThat(page.select("form[data-testid=challenge-form]").attr("action")).isEqualTo("/challenges/ch-1/edit");
        assertThat(page.select("#title").val()).isEqualTo("Cut damp reports");
        everySummaryLinkLeadsToItsFieldWithTheSameMessageBesideIt(page);

        ApiStub.SERVER.stubFor(put(urlPathEqualTo("/api/v1/challenges/ch-1"))
            .willReturn(BoardStubs.json(CHALLENGE.formatted("draft", 2))));
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/challenges/ch-1/publish"))
            .willReturn(BoardStubs.json(CHALLENGE.formatted("published", 3))));
        form.set("closingDate", "2030-01-31");
        form.add("id", "ch-1");
        form.add("version", "1");
        web.mutateWith(association())
            .mutateWith(org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf())
            .post()
            .uri("/challenges/new")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData(form))
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .expectHeader()
            .valueEquals("Location", "/challenges/ch-1");
        ApiStub.SERVER.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/challenges")));
        ApiStub.SERVER
            .verify(putRequestedFor(urlPathEqualTo("/api/v1/challenges/ch-1")).withHeader("If-Match", equalTo("\"1\""))
                .withRequestBody(matchingJsonPath("$.closingDate", equalTo("2030-01-31"))));
    }

    @Test
    void aConflictSaysSomeoneChangedItKeepsTheChangesAndLetsThemSaveAgain() {
        BoardStubs.json("/api/v1/challenges/ch-1", CHALLENGE.formatted("draft", 7));
        ApiStub.SERVER.stubFor(put(urlPathEqualTo("/api/v1/challenges/ch-1")).willReturn(problem(412,
                """
                        {"title":"Precondition failed","status":412,
                         "detail":"If-Match: the resource was changed since you read it (now \\"7\\"); fetch it again",
                         "errors":[{"field":"If-Match","rule":"current-version","message":"the resource was changed since you read it (now \\"7\\"); fetch it again"}]}""")));
        MultiValueMap<String, String> form = challengeForm();
        form.set("title", "My better title");
        form.add("id", "ch-1");
        form.add("version", "5");

        Document page = Jsoup.parse(submitAs(association(), "/challenges/ch-1/edit", form));

        assertThat(page.select("[data-testid=error-summary]").text()).contains(
                "Someone changed this challenge while you were editing. Your changes are below; check them against"
                        + " the current version and save again.");
        assertThat(page.text()).doesNotContain("If-Match", "fetch it again");
        assertThat(page.select("#title").val()).isEqualTo("My better title");
        assertThat(page.select("input[name=version]").val()).as("the version to send next: the current one")
            .isEqualTo("7");
    }

    @Test
    void anIncompleteResponseIsNotSavedAndSaysEverythingMissingAtOnceKeepingWhatWasTyped() {
        BoardStubs.json("/api/v1/challenges/ch-1", CHALLENGE.formatted("published", 3));
        BoardStubs.json("/api/v1/challenges/ch-1/responses", "{\"items\":[]}");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("organisationId", "sup-1");
        form.add("evidence-E1", "Our sensors buffer a week of readings offline");
        form.add("evidence-N1", "An app in beta");
        form.add("pricePounds", "twelve thousand");
        form.add("availability", "From March");
        form.add("action", "submit");

        Document page = Jsoup.parse(submitAs(supplier(), "/challenges/ch-1/respond", form));

        assertThat(page.select("[data-testid=error-summary] li").eachText()).containsExactly(
                "Enter your evidence for “Tenants can read the data”", "Enter your approach",
                "Price must be a whole number of pounds, like 25000");
        everySummaryLinkLeadsToItsFieldWithTheSameMessageBesideIt(page);
        plainEnglish(page);
        assertThat(page.select("#evidence-E1").text()).isEqualTo("Our sensors buffer a week of readings offline");
        assertThat(page.select("#evidence-N1").text()).isEqualTo("An app in beta");
        assertThat(page.select("#pricePounds").val()).isEqualTo("twelve thousand");
        assertThat(page.select("#availability").val()).isEqualTo("From March");
        // an incomplete submit is not quietly kept as a draft
        ApiStub.SERVER.verify(0, postRequestedFor(urlPathMatching("/api/v1/.*responses.*")));
        ApiStub.SERVER.verify(0, putRequestedFor(urlPathMatching("/api/v1/responses/.*")));
    }

    @Test
    void aSubmitTheApiRefusesAfterSavingSaysTheDraftIsSavedAndKeepsTheTypedAnswers() {
        BoardStubs.json("/api/v1/challenges/ch-1", CHALLENGE.formatted("published", 3));
        BoardStubs.json("/api/v1/challenges/ch-1/responses", """
                {"items":[{"id":"r-1","challengeId":"ch-1","organisationId":"sup-1","status":"draft","version":2,
                           "approach":"Saved approach","pricePounds":12000,"availability":"From March",
                           "evidence":{"E1":"Saved E1","E2":"Saved E2"}}]}""");
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/challenges/ch-1/responses"))
            .willReturn(BoardStubs.json("{\"id\":\"r-1\",\"status\":\"draft\",\"version\":2}").withStatus(201)));
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/responses/r-1/submit")).willReturn(problem(422,
                """
                        {"title":"Unprocessable","status":422,"detail":"closingDate: responses were taken until 2026-11-30; the challenge is closed",
                         "errors":[{"field":"closingDate","rule":"before-closing","message":"responses were taken until 2026-11-30; the challenge is closed"}]}""")));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("organisationId", "sup-1");
        form.add("evidence-E1", "Typed E1");
        form.add("evidence-E2", "Typed E2");
        form.add("approach", "Typed approach");
        form.add("pricePounds", "£12,000");
        form.add("action", "submit");

        Document page = Jsoup.parse(submitAs(supplier(), "/challenges/ch-1/respond", form));

        assertThat(page.select("[data-testid=error-summary]").text())
            .contains("This challenge has closed: it no longer takes responses");
        assertThat(page.select("[data-testid=saved-as-draft]")).hasSize(1);
        assertThat(page.select("#evidence-E1").text()).isEqualTo("Typed E1");
        assertThat(page.select("#approach").text()).isEqualTo("Typed approach");
        assertThat(page.select("#pricePounds").val()).isEqualTo("£12,000");
        assertThat(page.select("input[name=responseId]").val()).isEqualTo("r-1");
        assertThat(page.select("input[name=version]").val()).isEqualTo("2");
        plainEnglish(page);
    }

    @Test
    void aRefusedQuestionOrAnswerKeepsWhatWasTypedAndSaysWhyBesideTheFieldOrAboveTheForm() {
        BoardStubs.json("/api/v1/challenges/ch-1", CHALLENGE.formatted("published", 3));
        BoardStubs.json("/api/v1/challenges/ch-1/questions", """
                {"challengeId":"ch-1","items":[{"id":"q-1","question":"Which phones?","answer":null,"mine":false}]}""");
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/challenges/ch-1/questions")).willReturn(problem(409,
                """
                        {"title":"Conflict","status":409,"detail":"questionsCloseOn: questions were taken until 2026-11-30; the window is closed",
                         "errors":[{"field":"questionsCloseOn","rule":"window-open","message":"questions were taken until 2026-11-30; the window is closed"}]}""")));
        MultiValueMap<String, String> ask = new LinkedMultiValueMap<>();
        ask.add("organisationId", "sup-1");
        ask.add("question", "Do the sensors need mains power?");

        Document asked = Jsoup.parse(submitAs(supplier(), "/challenges/ch-1/questions", ask));

        assertThat(asked.select("[data-testid=error-summary]").text()).contains("30 November 2026")
            .doesNotContain("2026-11-30");
        assertThat(asked.select("#question").text()).isEqualTo("Do the sensors need mains power?");
        assertThat(asked.select("#organisationId option[selected]").val()).isEqualTo("sup-1");
        assertThat(asked.title()).startsWith("Error: ");

        ApiStub.SERVER
            .stubFor(post(urlPathEqualTo("/api/v1/challenges/ch-1/questions/q-1/answer")).willReturn(problem(400, """
                    {"title":"Bad Request","status":400,"detail":"answer: size must be between 0 and 5000",
                     "errors":[{"field":"answer","rule":"Size","message":"size must be between 0 and 5000"}]}""")));
        MultiValueMap<String, String> answer = new LinkedMultiValueMap<>();
        answer.add("answer", "Android 12 and later, and iPhones from the 11");

        Document answered = Jsoup.parse(submitAs(association(), "/challenges/ch-1/questions/q-1/answer", answer));

        everySummaryLinkLeadsToItsFieldWithTheSameMessageBesideIt(answered);
        plainEnglish(answered);
        assertThat(answered.select("[data-testid=error-summary-link]").attr("href")).isEqualTo("#answer-q-1");
        assertThat(answered.select("#answer-q-1").text()).isEqualTo("Android 12 and later, and iPhones from the 11");
    }

    @Test
    void theBoardRoleFormNamesItsFieldsInItsOwnWords() {
        BoardStubs.framework();
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/board-roles")).willReturn(problem(400,
                """
                        {"title":"Validation failed","status":400,"detail":"hoursPerMonth: must be greater than or equal to 1",
                         "errors":[{"field":"hoursPerMonth","rule":"minimum","message":"must be greater than or equal to 1"},
                                   {"field":"timeCommitment","rule":"required","message":"must not be blank"},
                                   {"field":"skillGaps[0].level","rule":"known-level","message":"must be one of awareness, working"}]}""")));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("organisationId", "org-1");
        form.add("title", "Digital trustee");
        form.add("description", "We need one");
        form.add("gap-data-governance", "wizard");
        form.add("hoursPerMonth", "0");
        form.add("region", "north-west");
        form.add("closingDate", "2030-01-31");
        form.add("action", "save");

        Document page = Jsoup.parse(submitAs(association(), "/board-roles/new", form));

        assertThat(page.select("[data-testid=error-summary] li").eachText()).containsExactly(
                "Choose a level from the list for each skill this role needs", "Enter the time commitment",
                "Hours a month must be 1 or more");
        everySummaryLinkLeadsToItsFieldWithTheSameMessageBesideIt(page);
        plainEnglish(page);
        assertThat(page.select("#title").val()).isEqualTo("Digital trustee");
    }

    /**
     * Each summary entry links to an element on the page whose own error message says the
     * same.
     */
    public static void everySummaryLinkLeadsToItsFieldWithTheSameMessageBesideIt(Document page) {
        assertThat(page.select("[data-testid=error-summary]")).hasSize(1);
        assertThat(page.select("[data-testid=error-summary]").attr("role")).isEqualTo("alert");
        for (Element link : page.select("[data-testid=error-summary-link]")) {
            String id = link.attr("href").substring(1);
            assertThat(id).as("a link in %s", page.select("[data-testid=error-summary]").outerHtml()).isNotBlank();
            Element target = page.getElementById(id);
            assertThat(target).as("the field the summary links to (#%s)", id).isNotNull();
            // the field, or the group of fields it starts (a fieldset, a list of
            // pickers), shows the same message
            List<Element> marked = new ArrayList<>(
                    target.parents().stream().filter(parent -> parent.hasClass("field--error")).toList());
            assertThat(marked).as("the field #%s is marked as in error", id).isNotEmpty();
            assertThat(marked).as("the message beside #%s", id)
                .anySatisfy(field -> assertThat(field.select("[data-testid=field-error]").eachText())
                    .anySatisfy(text -> assertThat(text).contains(link.text())));
            if (page.getElementById(id + "-error") != null && target.is("input:not([type=radio]), textarea, select")) {
                // a message of the control's own is read out with it (beside its hint,
                // when it has one)
                assertThat(target.attr("aria-describedby").split(" ")).as("#%s names its message", id)
                    .contains(id + "-error")
                    .allSatisfy(described -> assertThat(page.getElementById(described))
                        .as("#%s describes #%s", described, id)
                        .isNotNull());
            }
        }
    }

    /** No JSON paths, regular expressions or API jargon in what people read. */
    public static void plainEnglish(Document page) {
        String shown = page.select("[data-testid=error-summary], [data-testid=field-error]").text();
        assertThat(shown).isNotBlank();
        assertThat(shown).doesNotContain("[0]", "^", "$", "\\S", "must be greater than or equal", "must match",
                "If-Match", "size must be", "must not be blank", "weightings[", "pricePounds", "hoursPerMonth",
                "skillGaps", "required-to", "before-closing");
    }

    private static MultiValueMap<String, String> challengeForm() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("organisationId", "org-1");
        form.add("title", "Cut damp reports");
        form.add("summary", "Sensors in homes");
        form.add("description", "Long");
        form.add("category", "damp-and-mould");
        form.add("region", "north-west");
        form.add("location", "Salford");
        form.add("essentialRequirements", "Works offline");
        form.add("weight-technical", "60");
        form.add("weight-price", "40");
        form.add("budgetMinPounds", "10000");
        form.add("budgetMaxPounds", "50000");
        form.add("pilotLengthWeeks", "12");
        form.add("closingDate", "2030-01-31");
        form.add("action", "publish");
        return form;
    }

    private static ResponseDefinitionBuilder problem(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json").withBody(body);
    }

    private OidcLoginMutator association() {
        return signedIn("u-1", "Amara Okafor", "association");
    }

    private OidcLoginMutator supplier() {
        return signedIn("u-1", "Amara Okafor", "supplier");
    }

}
