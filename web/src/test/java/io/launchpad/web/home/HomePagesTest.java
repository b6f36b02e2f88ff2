package io.launchpad.web.home;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.launchpad.web.ApiStub;
import io.launchpad.web.WebPageTest;

/** Issue 12: a home for each role, with what needs the person's attention. */
class HomePagesTest extends WebPageTest {

    @Test
    void anAssociationSeesDraftsQuestionsResponsesMilestonesAndApplicationsWaiting() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/me")).willReturn(
                json("""
                        {"subject":"ada","roles":["association"],"memberships":[
                          {"organisationId":"org-1","organisationName":"Northern Homes","organisationType":"association"}]}""")));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/organisations/org-1/verification"))
            .willReturn(json("{\"organisationId\":\"org-1\",\"verified\":false}")));
        challenges("draft", "{\"id\":\"ch-d\",\"title\":\"Draft idea\"}");
        challenges("published",
                "{\"id\":\"ch-p\",\"title\":\"Cut damp reports\"},{\"id\":\"ch-q\",\"title\":\"Quiet one\"}");
        challenges("closed", "{\"id\":\"ch-c\",\"title\":\"Repairs by phone\"}");
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/challenges/ch-p/questions")).willReturn(json("""
                {"items":[{"id":"q1","status":"awaiting-answer"},{"id":"q2","status":"awaiting-answer"},
                          {"id":"q3","status":"answered"}]}""")));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/challenges/ch-q/questions"))
            .willReturn(json("{\"items\":[{\"id\":\"q4\",\"status\":\"answered\"}]}")));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/challenges/ch-c/responses")).willReturn(json("""
                {"items":[{"id":"r1","status":"submitted"},{"id":"r2","status":"draft"}]}""")));
        ApiStub.SERVER
            .stubFor(get(urlPathEqualTo("/api/v1/board-roles")).withQueryParam("organisationId", equalTo("org-1"))
                .willReturn(json("""
                        {"items":[{"id":"br-d","title":"Finance trustee","status":"draft"},
                                  {"id":"br-o","title":"Digital trustee","status":"open"}]}""")));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/board-roles/br-o/applications")).willReturn(json("""
                {"items":[{"id":"a1","status":"submitted"},{"id":"a2","status":"declined"}]}""")));
        LocalDate today = LocalDate.now();
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/pilots")).willReturn(json("""
                {"items":[{"id":"p1","title":"Damp sensors","status":"active","associationOrganisationId":"org-1",
                  "milestones":[{"id":"m1","title":"Install","dueOn":"%s","status":"planned"},
                                {"id":"m2","title":"Report","dueOn":"%s","status":"planned"},
                                {"id":"m3","title":"Kick-off","dueOn":"%s","status":"done"}]},
                 {"id":"p2","title":"Someone else's","status":"active","associationOrganisationId":"org-9",
                  "milestones":[{"id":"m4","title":"Theirs","dueOn":"%s","status":"planned"}]}]}"""
            .formatted(today.minusDays(2), today.plusDays(60), today.minusDays(10), today))));

        Document page = Jsoup.parse(pageAs(signedIn("ada", "Ada", "association"), "/association"));

        assertThat(page.select("[data-testid=not-verified] a").attr("href")).isEqualTo("/organisations/verification");
        assertThat(page.select("[data-testid=count-draft]").text()).isEqualTo("1");
        assertThat(page.select("[data-testid=count-published]").text()).isEqualTo("2");
        assertThat(page.select("[data-testid=draft] a").attr("href")).isEqualTo("/challenges/ch-d/edit");
        assertThat(page.select("[data-testid=question-waiting]").eachText())
            .containsExactly("Cut damp reports: 2 questions");
        assertThat(page.select("[data-testid=response-waiting]").eachText())
            .containsExactly("Repairs by phone: 1 response");
        assertThat(page.select("[data-testid=response-waiting] a").attr("href")).isEqualTo("/challenges/ch-c/evaluate");
        assertThat(page.select("[data-testid=draft-roles]").text()).isEqualTo("Finance trustee");
        assertThat(page.select("[data-testid=application-waiting]").eachText())
            .containsExactly("Digital trustee: 1 new application");
        assertThat(page.select("[data-testid=milestone-due]").eachText())
            .as("own pilots only, not done, within two weeks")
            .hasSize(1)
            .allMatch(text -> text.startsWith("Damp sensors: Install, overdue since"));
    }

    @Test
    void anAssociationMemberWithoutAnAssociationIsSentToRegisterOne() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/me"))
            .willReturn(json("{\"subject\":\"ada\",\"roles\":[\"association\"],\"memberships\":[]}")));
        web.mutateWith(signedIn("ada", "Ada", "association"))
            .get()
            .uri("/association")
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .expectHeader()
            .location("/onboarding/organisation");
    }

    @Test
    void aCandidateSeesRolesForThemAndApplicationsByStatus() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/candidates/me")).willReturn(json("{\"id\":\"cand-1\"}")));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/candidates/cand-1/matches")).willReturn(json("""
                {"items":[{"rank":1,"score":81,"boardRoleId":"br-1","title":"Digital trustee"},
                          {"rank":2,"score":64,"boardRoleId":"br-2","title":"Data lead"},
                          {"rank":3,"score":60,"boardRoleId":"br-3","title":"Chair"},
                          {"rank":4,"score":40,"boardRoleId":"br-4","title":"Fourth"}]}""")));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/me/applications")).willReturn(json("""
                {"items":[{"id":"a1","boardRoleId":"br-9","roleTitle":"Old role","status":"declined"},
                          {"id":"a2","boardRoleId":"br-8","roleTitle":"Tech trustee","status":"shortlisted"}]}""")));

        Document page = Jsoup.parse(pageAs(signedIn("chidi", "Chidi", "candidate"), "/candidate"));

        assertThat(page.select("[data-testid=role-for-you]").eachText()).containsExactly("Digital trustee (81 / 100)",
                "Data lead (64 / 100)", "Chair (60 / 100)");
        assertThat(page.select("[data-testid=your-applications] h3").eachText()).containsExactly("Shortlisted (1)",
                "Not taken forward (1)");
    }

    @Test
    void aNewCandidateIsSentToWriteTheirProfile() {
        stubNoProfile();
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/me/applications")).willReturn(json("{\"items\":[]}")));

        web.mutateWith(signedIn("chidi", "Chidi", "candidate"))
            .get()
            .uri("/candidate")
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .expectHeader()
            .location("/candidate/profile");
    }

    @Test
    void aCandidateWhoErasedTheirProfileStillSeesTheirApplicationsAndIsAskedToWriteOne() {
        stubNoProfile();
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/me/applications")).willReturn(json("""
                {"items":[{"id":"a1","boardRoleId":"br-9","roleTitle":"Old role","status":"withdrawn"}]}""")));

        Document page = Jsoup.parse(pageAs(signedIn("chidi", "Chidi", "candidate"), "/candidate"));

        assertThat(page.select("[data-testid=write-profile] a").attr("href")).isEqualTo("/candidate/profile");
        assertThat(page.select("[data-testid=your-applications] h3").eachText())
            .containsExactly("Withdrawn by you (1)");
    }

    private static void stubNoProfile() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/candidates/me")).willReturn(aResponse().withStatus(404)
            .withHeader("Content-Type", "application/problem+json")
            .withBody("{\"title\":\"Not found\",\"status\":404}")));
    }

    @Test
    void theAdminHomeShowsTheQueueTheIndexesAndTheProgramme() {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/admin/verification-queue")).willReturn(json("""
                {"items":[{"id":"o1","name":"A","type":"association","members":1},
                          {"id":"o2","name":"B","type":"supplier","members":1}]}""")));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/admin/index-consistency")).willReturn(json("""
                {"consistent":false,"indexes":[],"differences":[{"alias":"x"}],"parkedOutboxRows":0}""")));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/admin/programme")).willReturn(json("""
                {"challengesByStage":{"published":4,"draft":1},"responsesPerChallenge":[],"meanResponsesPerChallenge":0,
                 "timeToAward":{"awarded":2},"pilotsByOutcome":{"active":1}}""")));

        Document page = Jsoup.parse(pageAs(signedIn("ari", "Ari", "admin"), "/admin"));

        assertThat(page.select("[data-testid=verification-count]").text()).isEqualTo("2");
        assertThat(page.select("[data-testid=index-health-summary]").text()).isEqualTo("needs attention");
        assertThat(page.select("[data-testid=programme-summary]").text())
            .isEqualTo("4 open challenges, 2 awarded, 1 pilots running");
    }

    @Test
    void theAdminHomeStillRendersWhenAFigureIsUnavailable() {
        ApiStub.SERVER
            .stubFor(get(urlPathEqualTo("/api/v1/admin/verification-queue")).willReturn(json("{\"items\":[]}")));
        ApiStub.SERVER
            .stubFor(get(urlPathEqualTo("/api/v1/admin/index-consistency")).willReturn(aResponse().withStatus(503)));
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/admin/programme")).willReturn(aResponse().withStatus(503)));

        Document page = Jsoup.parse(pageAs(signedIn("ari", "Ari", "admin"), "/admin"));

        assertThat(page.select("[data-testid=verification-count]").text()).isEqualTo("0");
        assertThat(page.select("[data-testid=index-health-summary]")).isEmpty();
        assertThat(page.select("[data-testid=admin-programme]")).hasSize(1);
    }

    private static void challenges(String status, String items) {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo("/api/v1/challenges")).withQueryParam("status", equalTo(status))
            .willReturn(json("{\"items\":[" + items + "]}")));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

}
