package io.launchpad.systemtests;

import io.launchpad.infra.stack.LaunchpadStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.List;
import java.util.Map;

/**
 * The API driven with tokens the real Keycloak issues to the realm's demo users: an
 * association posts and publishes a challenge, a supplier publishes its profile, the
 * association sees it matched.
 */
class KeycloakEndToEndTest {

    private static LaunchpadStack stack;

    @BeforeAll
    static void startProduct() {
        stack = Product.stack();
    }

    private static ApiClient as(String username) {
        return ApiClient.signedIn(stack, username);
    }

    @Test
    void createPublishAndMatchWithRealKeycloakTokens() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ApiClient amara = as("amara.okafor");
        ApiClient sofia = as("sofia.marin");
        ApiClient tom = as("tom.reid");

        JsonNode me = amara.get("/api/v1/me").body();
        assertThat(me.get("subject").asText()).isEqualTo("7b3f1c52-0d7e-4a8e-9a41-1a2b3c4d5e01");
        assertThat(me.get("roles").toString()).contains("association");

        String riverside = Journeys.registerOrganisation(stack, amara, "Riverside Housing " + run, "association");
        String sensorly = Journeys.registerOrganisation(stack, sofia, "Sensorly " + run, "supplier");
        String fixflow = Journeys.registerOrganisation(stack, tom, "FixFlow " + run, "supplier");

        String sensors = Journeys.publishedSupplier(sofia, sensorly, "Sensorly " + run,
                "Wireless humidity sensors that warn of condensation and black mould before tenants report it");
        String repairs = Journeys.publishedSupplier(tom, fixflow, "FixFlow " + run,
                "Mobile repair reporting with photos and appointment booking");

        String challenge = Journeys.publishedChallenge(amara, riverside, "Cut damp and mould reports " + run,
                "Find damp and mould early, before tenants have to report it",
                "Pilot humidity sensing in 200 homes to spot condensation early");

        // a supplier may not post a challenge, nor see an association's matches
        assertThat(sofia
            .post("/api/v1/challenges",
                    Map.of("organisationId", riverside, "title", "Not mine", "summary", "x", "categories", List.of()))
            .status()).isEqualTo(403);
        assertThat(tom.get("/api/v1/challenges/" + challenge + "/matches").status()).isEqualTo(403);

        JsonNode items = Journeys.awaitMatches(amara, challenge,
                found -> Journeys.containsSupplier(found, sensors) && Journeys.containsSupplier(found, repairs));
        assertThat(items.get(0).get("supplierId").asText()).isEqualTo(sensors);
        assertThat(items.get(0).get("highlights").toString()).contains("\"marked\":true");
        assertThat(items.get(0).get("score").asInt()).isGreaterThan(items.get(1).get("score").asInt() - 1);

        // a token from another issuer or none at all is refused
        assertThat(new ApiClient(stack.apiUrl(), null).get("/api/v1/me").status()).isEqualTo(401);
    }

}
