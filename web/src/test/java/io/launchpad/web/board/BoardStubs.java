package io.launchpad.web.board;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.launchpad.web.ApiStub;

/**
 * API answers in the shapes of the board, candidate and privacy endpoints
 * ({@code docs/openapi.json}).
 */
public final class BoardStubs {

    public static final String ME_ASSOCIATION = """
            {"subject":"association-user","username":"amara","name":"Amara Okafor","email":"amara@example.org",
             "roles":["association"],
             "memberships":[{"organisationId":"org-1","organisationName":"Riverside Homes","organisationType":"association"}]}""";

    public static final String ME_CANDIDATE = """
            {"subject":"candidate-user","username":"chidi","name":"Chidi Eze","email":"chidi.eze@example.org",
             "roles":["candidate"],"memberships":[]}""";

    public static final String APPLICANT = """
            {"headline":"Digital director in social housing",
             "skills":[{"skill":"data-governance","level":"expert"},{"skill":"strategic-thinking","level":"practitioner"}],
             "experience":[{"role":"Chief digital officer","sector":"housing","years":6}],
             "governanceExperience":"Audit committee member","governanceYears":4,"availability":"immediately",
             "hoursPerMonth":10,"region":"north-west","remote":true}""";

    public static final String IDENTITY = """
            {"name":"Chidi Eze","email":"chidi.eze@example.org","phone":"07700 900123",
             "photoUrl":"https://photos.example.org/chidi.jpg","dateOfBirth":"1984-03-07"}""";

    private BoardStubs() {
    }

    public static ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    public static void json(String path, String body) {
        ApiStub.SERVER.stubFor(get(urlPathEqualTo(path)).willReturn(json(body)));
    }

    /** A part of the real framework: enough skills and all four levels. */
    public static void framework() {
        json("/api/v1/skills-framework",
                """
                        {"code":"ddat","name":"Government Digital and Data Profession Capability Framework",
                         "levels":[{"code":"awareness","label":"Awareness","rank":1,"description":"Knows about the skill."},
                                   {"code":"working","label":"Working","rank":2,"description":"Applies it with guidance."},
                                   {"code":"practitioner","label":"Practitioner","rank":3,"description":"Applies it independently."},
                                   {"code":"expert","label":"Expert","rank":4,"description":"Leads others."}],
                         "roleFamilies":[
                           {"code":"architecture","label":"Architecture","skills":[{"code":"strategic-thinking","label":"Strategic thinking"}]},
                           {"code":"data","label":"Data","skills":[{"code":"data-governance","label":"Data governance"},
                                                                  {"code":"data-ethics-and-privacy","label":"Data ethics and privacy"}]},
                           {"code":"cyber-security","label":"Cyber security","skills":[{"code":"cyber-security","label":"Cyber security"}]}]}""");
    }

    public static String role(String id, String title, String status) {
        return """
                {"id":"%s","organisationId":"org-1","organisationName":"Riverside Homes","title":"%s",
                 "description":"Our board needs a digital leader","skillsMatrix":[{"skill":"strategic-thinking","level":"practitioner"}],
                 "skillGaps":[{"skill":"data-governance","level":"expert"}],"timeCommitment":"Six meetings a year",
                 "hoursPerMonth":8,"remuneration":"voluntary","region":"north-west","remote":true,
                 "closingDate":"2030-01-31","diversityAims":"Tenants and under-35s","status":"%s",
                 "createdAt":"2026-11-01T10:00:00Z","updatedAt":"2026-11-01T10:00:00Z","version":4}"""
            .formatted(id, title, status);
    }

}
