package io.launchpad.web.challenge;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** Bodies in the shape of the Launchpad API contract. */
final class ApiJson {

    private ApiJson() {
    }

    static ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    static ResponseDefinitionBuilder problem(int status, String title) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json").withBody("""
                {"type":"about:blank","title":"%s","status":%d,"detail":"from the stub"}
                """.formatted(title, status));
    }

    static String challenge(String id, String organisationId, String title) {
        return """
                {"id":"%s","organisationId":"%s","organisationName":"Northern Homes","title":"%s",
                 "summary":"Spot damp before tenants have to report it.",
                 "description":"We get 400 damp reports a month.\\nWe want to find it earlier.",
                 "categories":["damp-and-mould","iot-and-sensors"],"regions":["north-west","yorkshire-and-the-humber"],
                 "status":"published","budgetMinPounds":10000,"budgetMaxPounds":50000,"closingDate":"2026-12-31",
                 "createdAt":"2026-01-05T10:00:00Z","updatedAt":"2026-01-06T10:00:00Z",
                 "publishedAt":"2026-01-06T10:00:00Z","version":3}
                """.formatted(id, organisationId, title);
    }

    static String me(String subject, String organisationId) {
        return """
                {"subject":"%1$s","username":"%1$s","name":"Ada Owner","email":"ada@example.org","roles":["association"],
                 "memberships":[{"organisationId":"%2$s","organisationName":"Northern Homes","organisationType":"association"}]}
                """
            .formatted(subject, organisationId);
    }

}
