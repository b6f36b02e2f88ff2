package io.launchpad.web.candidate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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
import io.launchpad.web.board.BoardStubs;

/**
 * The candidate's pages: profile written and changed, matched roles with reasons,
 * applications and their outcome.
 */
class CandidatePagesTest extends WebPageTest {

    static final String PROFILE = """
            {"id":"c-1","identity":%s,"headline":"Digital director in social housing",
             "skills":[{"skill":"data-governance","level":"expert"}],
             "experience":[{"role":"Chief digital officer","sector":"housing","years":6}],
             "governanceExperience":"Audit committee","governanceYears":4,"livedExperience":null,
             "availability":"within-3-months","hoursPerMonth":10,"region":"north-west","remote":true,
             "visibility":"matching","version":3}""".formatted(BoardStubs.IDENTITY);

    @BeforeEach
    void stubApi() {
        BoardStubs.framework();
        BoardStubs.json("/api/v1/me", BoardStubs.ME_CANDIDATE);
    }

    @Test
    void aFirstProfileStartsFromTheSignInNameAndIsCreatedWithSkillsAndExperience() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/candidates/me")).willReturn(aResponse().withStatus(404)
            .withHeader("Content-Type", "application/problem+json")
            .withBody("{\"title\":\"Not found\",\"status\":404,\"detail\":\"Your candidate profile not found\"}")));
        Document form = Jsoup.parse(page("/candidate/profile"));
        assertThat(form.select("#name").val()).isEqualTo("Chidi Eze");
        assertThat(form.select("#email").val()).isEqualTo("chidi.eze@example.org");
        // privacy by default (issue 12): a new profile starts private, and its consent
        // unticked
        assertThat(form.select("#visibility-private").hasAttr("checked")).isTrue();
        assertThat(form.select("input[name=visibility][checked]")).hasSize(1);
        assertThat(form.select("#profileConsent")).hasSize(1);
        assertThat(form.select("#profileConsent").hasAttr("checked")).isFalse();
        assertThat(form.select("input[name=id]")).isEmpty();
        assertThat(form.select("[data-testid=nav-candidate-profile]")).hasSize(1);
        assertThat(form.select("[data-testid=nav-board-roles]")).hasSize(1);

        ApiStub.SERVER
            .stubFor(post(urlPathEqualTo("/api/v1/candidates")).willReturn(BoardStubs.json(PROFILE).withStatus(201)));
        MultiValueMap<String, String> fields = profileForm();
        web.mutateWith(candidate())
            .mutateWith(csrf())
            .post()
            .uri("/candidate/profile")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData(fields))
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .expectHeader()
            .valueEquals("Location", "/candidate/profile?saved=true");

        ApiStub.SERVER.verify(postRequestedFor(urlPathEqualTo("/api/v1/candidates"))
            .withRequestBody(matchingJsonPath("$.name", equalTo("Chidi Eze")))
            .withRequestBody(matchingJsonPath("$.skills.length()", equalTo("2")))
            .withRequestBody(matchingJsonPath("$.skills[1].skill", equalTo("data-governance")))
            .withRequestBody(matchingJsonPath("$.skills[1].level", equalTo("expert")))
            .withRequestBody(matchingJsonPath("$.experience.length()", equalTo("1")))
            .withRequestBody(matchingJsonPath("$.experience[0].years", equalTo("6")))
            .withRequestBody(matchingJsonPath("$.governanceYears", equalTo("4")))
            .withRequestBody(matchingJsonPath("$.livedExperienceConsent", equalTo("false")))
            .withRequestBody(matchingJsonPath("$.remote", equalTo("false")))
            .withRequestBody(matchingJsonPath("$.visibility", equalTo("matching")))
            .withRequestBody(matchingJsonPath("$.availability", equalTo("immediately"))));
    }

    @Test
    void anExistingProfileIsFilledInAndSavedWithTheVersionItWasReadAt() {
        BoardStubs.json("/api/v1/candidates/me", PROFILE);
        Document form = Jsoup.parse(page("/candidate/profile"));
        assertThat(form.select("#skill-data-governance option[selected]").val()).isEqualTo("expert");
        assertThat(form.select("#experience-0-role").val()).isEqualTo("Chief digital officer");
        assertThat(form.select("#experience-2-role")).hasSize(1); // two blank rows to add
                                                                  // more, no script
        assertThat(form.select("#phone").val()).isEqualTo("07700 900123");
        assertThat(form.select("#remote").hasAttr("checked")).isTrue();

        ApiStub.SERVER.stubFor(put(urlPathEqualTo("/api/v1/candidates/c-1")).willReturn(BoardStubs.json(PROFILE)));
        MultiValueMap<String, String> fields = profileForm();
        fields.add("id", "c-1");
        fields.add("version", "3");
        web.mutateWith(candidate())
            .mutateWith(csrf())
            .post()
            .uri("/candidate/profile")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData(fields))
            .exchange()
            .expectStatus()
            .is3xxRedirection();
        ApiStub.SERVER
            .verify(putRequestedFor(urlPathEqualTo("/api/v1/candidates/c-1")).withHeader("If-Match", equalTo("\"3\"")));
        assertThat(Jsoup.parse(page("/candidate/profile?saved=true")).select("[data-testid=profile-saved]")).hasSize(1);
    }

    @Test
    void aProfileTheApiRefusesNamesTheFieldsAndKeepsWhatWasTyped() {
        ApiStub.SERVER.stubFor(post(urlPathEqualTo("/api/v1/candidates")).willReturn(aResponse().withStatus(400)
            .withHeader("Content-Type", "application/problem+json")
            .withBody(
                    """
                            {"title":"Validation failed","status":400,"detail":"experience[0].sector: must not be blank; livedExperienceConsent: must be given",
                             "errors":[{"field":"experience[0].sector","rule":"required","message":"must not be blank"},
                                       {"field":"livedExperienceConsent","rule":"required","message":"must be given to store lived experience"}]}""")));
        MultiValueMap<String, String> fields = profileForm();
        fields.set("experience-0-sector", "");
        fields.add("livedExperience", "I grew up on an estate in Salford");

        Document page = Jsoup.parse(submit("/candidate/profile", fields));

        // beside the box it is about, in the form's words (issue 12)
        assertThat(page.select("[data-field=experience-0-sector]").text()).contains("Enter the sector of role 1");
        assertThat(page.select("#experience-0-sector").attr("aria-describedby")).isEqualTo("experience-0-sector-error");
        assertThat(page.select("[data-field=livedExperienceConsent]").text()).contains("Tick the box to agree");
        assertThat(page.select("[data-testid=error-summary] a").eachAttr("href"))
            .containsExactly("#experience-0-sector", "#livedExperienceConsent");
        assertThat(page.select("#livedExperience").text()).isEqualTo("I grew up on an estate in Salford");
        assertThat(page.select("#experience-0-role").val()).isEqualTo("Chief digital officer");
        assertThat(page.select("[data-testid=profile-saved]")).isEmpty();
    }

    @Test
    void matchedRolesShowTheirScoreAndWhy() {
        BoardStubs.json("/api/v1/candidates/me", PROFILE);
        BoardStubs.json("/api/v1/candidates/c-1/matches",
                """
                        {"candidateId":"c-1","engine":"skill-gap coverage","items":[{"rank":1,"score":91,"boardRoleId":"r-1",
                          "title":"Digital trustee","organisationId":"org-1","region":"north-west","remote":true,"hoursPerMonth":8,
                          "remuneration":"voluntary","closingDate":"2030-01-31",
                          "reasons":{"gapsCovered":[{"skill":"data-governance","label":"Data governance","requiredLevel":"practitioner","offeredLevel":"expert"}],
                            "gapsPartlyCovered":[],"gapsMissing":[],"governanceYears":4,"location":"same-region","hoursMet":true,
                            "explanations":["Covers every skill gap at the level needed"]}}]}""");

        Document page = Jsoup.parse(page("/candidate/matches"));

        assertThat(page.select("[data-testid=role-match] a").attr("href")).isEqualTo("/board-roles/r-1");
        assertThat(page.select("[data-testid=match-score]").text()).isEqualTo("91");
        assertThat(page.select("[data-testid=match-reasons]").text()).contains("Covers every skill gap")
            .contains("Data governance: Expert");
    }

    @Test
    void withoutAProfileTheMatchesPageAsksForOne() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/candidates/me")).willReturn(aResponse().withStatus(404)
            .withHeader("Content-Type", "application/problem+json")
            .withBody("{\"status\":404}")));
        Document page = Jsoup.parse(page("/candidate/matches"));
        assertThat(page.select("[data-testid=no-profile] a").attr("href")).isEqualTo("/candidate/profile");
    }

    @Test
    void applicationsShowTheirStatusAndFeedbackAndCanBeWithdrawn() {
        BoardStubs.json("/api/v1/me/applications", """
                {"items":[{"id":"a-1","boardRoleId":"r-1","roleTitle":"Digital trustee","status":"appointed",
                           "statement":"Six years on boards","feedback":"Welcome to the board","version":4},
                          {"id":"a-2","boardRoleId":"r-2","roleTitle":"Data trustee","status":"submitted",
                           "statement":"Data is my field","version":1}]}""");
        Document page = Jsoup.parse(page("/candidate/applications"));
        assertThat(page.select("[data-testid=own-application-status]").eachText()).containsExactly("Appointed",
                "Submitted");
        assertThat(page.select("[data-testid=own-application-feedback]").text()).isEqualTo("Welcome to the board");
        assertThat(page.select("[data-testid=withdraw]")).hasSize(1);

        ApiStub.SERVER
            .stubFor(post(urlPathEqualTo("/api/v1/applications/a-2/status")).willReturn(BoardStubs.json("{}")));
        web.mutateWith(candidate())
            .mutateWith(csrf())
            .post()
            .uri("/candidate/applications/a-2/withdraw")
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .expectHeader()
            .valueEquals("Location", "/candidate/applications");
        ApiStub.SERVER.verify(postRequestedFor(urlPathEqualTo("/api/v1/applications/a-2/status"))
            .withRequestBody(matchingJsonPath("$.status", equalTo("withdrawn")))
            .withHeader("If-Match", absent()));
    }

    private static MultiValueMap<String, String> profileForm() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("name", "Chidi Eze");
        form.add("email", "chidi.eze@example.org");
        form.add("headline", "Digital director in social housing");
        form.add("skill-data-governance", "expert");
        form.add("skill-strategic-thinking", "practitioner");
        form.add("skill-cyber-security", "");
        form.add("experience-0-role", "Chief digital officer");
        form.add("experience-0-sector", "housing");
        form.add("experience-0-years", "6");
        form.add("experience-1-role", "");
        form.add("governanceYears", "4");
        form.add("availability", "immediately");
        form.add("hoursPerMonth", "10");
        form.add("region", "north-west");
        form.add("visibility", "matching");
        return form;
    }

    private OidcLoginMutator candidate() {
        return signedIn("candidate-user", "Chidi Eze", "candidate");
    }

    private String page(String path) {
        return pageAs(candidate(), path);
    }

    private String submit(String path, MultiValueMap<String, String> form) {
        return submitAs(candidate(), path, form);
    }

}
