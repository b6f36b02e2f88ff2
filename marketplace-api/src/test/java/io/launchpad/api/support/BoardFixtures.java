package io.launchpad.api.support;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Request bodies and shortcuts for board roles, candidates and applications (issue 5
 * tests).
 */
public final class BoardFixtures {

    private BoardFixtures() {
    }

    /**
     * A candidate's identifying values, unique per call so a search for them finds only
     * this person.
     */
    public record Identity(String name, String email, String phone, String photoUrl, String dateOfBirth) {

        public static Identity unique() {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            int digits = Math.abs(tag.hashCode() % 1_000_000);
            return new Identity("Zanele Whitfield " + tag, "zanele." + tag + "@example.net",
                    String.format("+44 7700 9%06d", digits), "https://photos.example/" + tag + ".jpg", "1979-03-14");
        }

        public List<String> values() {
            return List.of(name, email, phone, photoUrl);
        }
    }

    public static Map<String, Object> roleBody(UUID organisationId, List<Map<String, String>> gaps) {
        Map<String, Object> body = new HashMap<>();
        body.put("organisationId", organisationId.toString());
        body.put("title", "Board member with digital expertise");
        body.put("description", "Help our board steer digital transformation of tenant services.");
        body.put("skillsMatrix", List.of(skill("financial-management", "expert")));
        body.put("skillGaps", gaps);
        body.put("timeCommitment", "Six board meetings a year plus committee work");
        body.put("hoursPerMonth", 8);
        body.put("remuneration", "voluntary");
        body.put("region", "north-east");
        body.put("remote", true);
        body.put("closingDate", LocalDate.now().plusDays(30).toString());
        body.put("diversityAims", "We welcome applicants with lived experience of social housing.");
        return body;
    }

    public static Map<String, Object> candidateBody(Identity identity, String visibility,
            List<Map<String, String>> skills) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", identity.name());
        body.put("email", identity.email());
        body.put("phone", identity.phone());
        body.put("photoUrl", identity.photoUrl());
        body.put("dateOfBirth", identity.dateOfBirth());
        body.put("headline", "Chief data officer turned non-executive");
        body.put("skills", skills);
        body.put("experience", List.of(Map.of("role", "Chief data officer", "sector", "public sector", "years", 6)));
        body.put("governanceExperience", "Trustee of a community land trust");
        body.put("governanceYears", 4);
        body.put("availability", "immediately");
        body.put("hoursPerMonth", 10);
        body.put("region", "north-east");
        body.put("remote", true);
        body.put("visibility", visibility);
        return body;
    }

    public static Map<String, String> skill(String code, String level) {
        return Map.of("skill", code, "level", level);
    }

    /** Creates and opens a role; returns its id. */
    public static String openRole(WebTestClient api, String bearer, Map<String, Object> body) {
        String id = (String) api.post()
            .uri("/api/v1/board-roles")
            .header("Authorization", bearer)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
        api.post()
            .uri("/api/v1/board-roles/{id}/publish", id)
            .header("Authorization", bearer)
            .exchange()
            .expectStatus()
            .isOk();
        return id;
    }

    public static String createCandidate(WebTestClient api, String bearer, Map<String, Object> body) {
        return (String) api.post()
            .uri("/api/v1/candidates")
            .header("Authorization", bearer)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
    }

    /**
     * GETs {@code uri} until its body satisfies {@code done} and returns that body.
     * Matching reads indexes the outbox feeds, so a write shows up in matches a moment
     * after it commits.
     */
    public static String awaitBody(WebTestClient api, String bearer, String uri, Predicate<String> done) {
        return await().alias(uri + " answering as expected")
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> {
                var result = api.get()
                    .uri(uri)
                    .header("Authorization", bearer)
                    .exchange()
                    .expectBody(String.class)
                    .returnResult();
                return result.getStatus().value() == 200 ? result.getResponseBody() : null;
            }, body -> body != null && done.test(body));
    }

    public static String apply(WebTestClient api, String bearer, String roleId, String statement) {
        return (String) api.post()
            .uri("/api/v1/board-roles/{id}/applications", roleId)
            .header("Authorization", bearer)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("statement", statement))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
    }

}
