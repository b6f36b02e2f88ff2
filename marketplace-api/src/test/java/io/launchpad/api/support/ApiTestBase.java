package io.launchpad.api.support;

import io.launchpad.infra.stack.SharedComponents;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.launchpad.api.contract.ContractValidation;
import java.util.HashMap;
import org.springframework.context.annotation.Import;

/**
 * The whole API on a random port over the real PostgreSQL and Elasticsearch node, with
 * tokens from {@link TestTokens}. Every API test class extends this, so they share one
 * Spring context and one set of components.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
// every request and response of every API suite is checked against docs/openapi.json
@Import(ContractValidation.class)
@Tag("real")
public abstract class ApiTestBase {

    @Autowired
    protected WebTestClient api;

    @Autowired
    protected DatabaseClient db;

    @DynamicPropertySource
    static void realComponents(DynamicPropertyRegistry registry) {
        var postgres = SharedComponents.postgres();
        var elasticsearch = SharedComponents.elasticsearch();
        registry.add("spring.r2dbc.url", postgres::r2dbcUrl);
        registry.add("spring.r2dbc.username", postgres::username);
        registry.add("spring.r2dbc.password", postgres::password);
        registry.add("spring.flyway.url", postgres::jdbcUrl);
        registry.add("spring.flyway.user", postgres::username);
        registry.add("spring.flyway.password", postgres::password);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens::jwksUri);
        // erasure deletes the Keycloak account through the stand-in Keycloak's admin API
        // (issue 12)
        registry.add("launchpad.identity.account-admin.base-url", TestTokens::keycloakBaseUrl);
        registry.add("launchpad.identity.account-admin.client-secret", () -> TestTokens.ACCOUNT_ADMIN_SECRET);
        registry.add("launchpad.matching.elasticsearch-url", elasticsearch::httpUrl);
        registry.add("launchpad.matching.indexer.poll-interval", () -> "200ms");
        registry.add("launchpad.matching.indexer.max-backoff", () -> "2s");
        // a poison outbox row is parked within seconds (1 s, then 2 s between refusals)
        registry.add("launchpad.matching.indexer.max-attempts", () -> "3");
        // webhooks call a WireMock partner on this machine, and retry within the test's
        // patience
        registry.add("launchpad.webhooks.allow-local-addresses", () -> "true");
        registry.add("launchpad.webhooks.first-retry", () -> "300ms");
        registry.add("launchpad.webhooks.max-retry", () -> "1s");
        registry.add("launchpad.webhooks.send-interval", () -> "200ms");
        registry.add("launchpad.webhooks.fan-out-interval", () -> "200ms");
        // notification email goes to a real SMTP server (GreenMail)
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMail::port);
    }

    /**
     * A new person with the role, acting for a new organisation of the matching type,
     * verified by an admin so it may publish (issue 10); {@link #unverifiedActor} when a
     * test needs one that is not.
     */
    protected Actor actor(String role) {
        Actor actor = unverifiedActor(role);
        verify(actor.organisationId());
        return actor;
    }

    protected Actor unverifiedActor(String role) {
        TestTokens.TestUser user = TestTokens.user(role);
        String type = role.equals("supplier") ? "supplier" : "association";
        Map<?, ?> organisation = api.post()
            .uri("/api/v1/organisations")
            .header("Authorization", user.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("name", "Org " + UUID.randomUUID(), "type", type))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        return new Actor(user, UUID.fromString((String) organisation.get("id")));
    }

    /**
     * An admin verifies the organisation, as the programme does before it lets an
     * organisation publish.
     */
    protected void verify(UUID organisationId) {
        api.post()
            .uri("/api/v1/organisations/{id}/verification", organisationId)
            // a fresh token each time: tokens live ten minutes, the suite runs longer
            .header("Authorization", TestTokens.user("admin").bearer())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.verified")
            .isEqualTo(true);
    }

    /**
     * Makes {@code person} a member the way people join: {@code member} invites them,
     * they accept. The person's token must carry the organisation type's role.
     */
    protected Actor joinThroughInvitation(Actor member, TestTokens.TestUser person) {
        Map<?, ?> invitation = api.post()
            .uri("/api/v1/organisations/{id}/invitations", member.organisationId())
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("subject", person.subject()))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        api.post()
            .uri("/api/v1/me/invitations/{id}/acceptance", invitation.get("id"))
            .header("Authorization", person.bearer())
            .exchange()
            .expectStatus()
            .isOk();
        return new Actor(person, member.organisationId());
    }

    /** The actor's call with its bearer token (and a JSON body when there is one). */
    protected WebTestClient.ResponseSpec post(String uri, Actor actor, Object body) {
        var spec = api.post().uri(uri).header("Authorization", actor.bearer());
        return body == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    protected WebTestClient.ResponseSpec put(String uri, Actor actor, Object body) {
        return api.put()
            .uri(uri)
            .header("Authorization", actor.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange();
    }

    protected WebTestClient.ResponseSpec get(String uri, Actor actor) {
        return api.get().uri(uri).header("Authorization", actor.bearer()).exchange();
    }

    protected WebTestClient.ResponseSpec delete(String uri, Actor actor) {
        return api.delete().uri(uri).header("Authorization", actor.bearer()).exchange();
    }

    protected static Map<String, Object> challengeBody(UUID organisationId, String title) {
        return new HashMap<>(Map.of("organisationId", organisationId.toString(), "title", title, "summary",
                "A short summary of " + title, "description", "Longer description of " + title, "categories",
                List.of("repairs-and-maintenance"), "regions", List.of("north-east"), "budgetMinPounds", 10_000,
                "budgetMaxPounds", 50_000, "closingDate", LocalDate.now().plusDays(30).toString()));
    }

    protected static Map<String, Object> supplierBody(UUID organisationId, String name, String capabilities) {
        return new HashMap<>(Map.of("organisationId", organisationId.toString(), "name", name, "summary",
                "Summary of " + name, "capabilities", capabilities, "regions", List.of("north-east", "remote"),
                "accreditations", List.of("cyber-essentials"), "size", "small"));
    }

    protected long count(String table) {
        return db.sql("select count(*) as n from " + table).map(row -> row.get("n", Long.class)).one().block();
    }

    public record Actor(TestTokens.TestUser user, UUID organisationId) {
        public String bearer() {
            return user.bearer();
        }
    }

}
