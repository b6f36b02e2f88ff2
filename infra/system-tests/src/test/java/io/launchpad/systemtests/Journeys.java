package io.launchpad.systemtests;

import io.launchpad.infra.stack.LaunchpadStack;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The steps the system suites share: register, post, publish, wait for a match. */
final class Journeys {

    private Journeys() {
    }

    /**
     * Registers an organisation and has the realm's admin verify it, as the programme
     * does before an organisation may publish (issue 10).
     */
    static String registerOrganisation(LaunchpadStack stack, ApiClient client, String name, String type) {
        ApiClient.Response response = client.post("/api/v1/organisations", Map.of("name", name, "type", type));
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(201);
        String id = response.body().get("id").asText();
        ApiClient.Response verified = ApiClient.signedIn(stack, "admin")
            .post("/api/v1/organisations/" + id + "/verification", null);
        assertThat(verified.status()).as(String.valueOf(verified.body())).isEqualTo(200);
        return id;
    }

    static String publishedSupplier(ApiClient supplier, String organisationId, String name, String capabilities) {
        ApiClient.Response created = supplier.post("/api/v1/suppliers",
                Map.of("organisationId", organisationId, "name", name, "summary",
                        name + " helps landlords act before problems grow", "capabilities", capabilities, "regions",
                        List.of("north-west", "remote"), "accreditations", List.of("cyber-essentials-plus"), "size",
                        "small"));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        String id = created.body().get("id").asText();
        assertThat(supplier.post("/api/v1/suppliers/" + id + "/publish", null).status()).isEqualTo(200);
        return id;
    }

    static String publishedChallenge(ApiClient association, String organisationId, String title, String summary,
            String description) {
        ApiClient.Response created = association.post("/api/v1/challenges",
                Map.of("organisationId", organisationId, "title", title, "summary", summary, "description", description,
                        "categories", List.of("damp-and-mould", "iot-and-sensors"), "regions", List.of("north-west"),
                        "closingDate", LocalDate.now().plusDays(30).toString()));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        String id = created.body().get("id").asText();
        ApiClient.Response published = association.post("/api/v1/challenges/" + id + "/publish", null);
        assertThat(published.status()).as(String.valueOf(published.body())).isEqualTo(200);
        return id;
    }

    /** Polls the matches until the index has caught up with the outbox. */
    static JsonNode awaitMatches(ApiClient owner, String challengeId, Predicate<JsonNode> done) {
        return await().alias("matches catching up")
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(300))
            .until(() -> {
                ApiClient.Response response = owner.get("/api/v1/challenges/" + challengeId + "/matches");
                return response.status() == 200 ? response.body().get("items") : null;
            }, items -> items != null && done.test(items));
    }

    static boolean containsSupplier(JsonNode items, String supplierId) {
        for (JsonNode item : items) {
            if (supplierId.equals(item.get("supplierId").asText())) {
                return true;
            }
        }
        return false;
    }

}
