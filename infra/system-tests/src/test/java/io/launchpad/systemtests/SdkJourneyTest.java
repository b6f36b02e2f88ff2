package io.launchpad.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.launchpad.infra.stack.LaunchpadStack;
import io.launchpad.infra.stack.ProjectPaths;
import io.launchpad.sdk.ApiClient;
import io.launchpad.sdk.ApiException;
import io.launchpad.sdk.api.ChallengeControllerApi;
import io.launchpad.sdk.api.NotificationControllerApi;
import io.launchpad.sdk.model.ChallengeView;
import io.launchpad.sdk.model.PageChallengeView;
import io.launchpad.sdk.model.SavedSearch;
import io.launchpad.sdk.model.SavedSearchFields;

/**
 * Issue 14, item 5: the clients generated from docs/openapi.json work against the running
 * API, signed in with a real Keycloak token: challenges page by page with cursors, a
 * write repeated with one Idempotency-Key answered once, and a refusal read as
 * problem+json. Java here; TypeScript through node.
 */
class SdkJourneyTest {

    private static LaunchpadStack stack;

    /**
     * An association of this run's own with three published challenges: the lists page
     * within it.
     */
    private static String organisation;

    @BeforeAll
    static void start() {
        stack = Product.stack();
        String run = UUID.randomUUID().toString().substring(0, 8);
        io.launchpad.systemtests.ApiClient ben = io.launchpad.systemtests.ApiClient.signedIn(stack, "ben.hughes");
        organisation = Journeys.registerOrganisation(stack, ben, "SDK Homes " + run, "association");
        for (int i = 1; i <= 3; i++) {
            Journeys.publishedChallenge(ben, organisation, "SDK challenge " + i + " " + run,
                    "A challenge for the client journeys", "Posted so the clients have pages to follow");
        }
    }

    @Test
    void theGeneratedJavaClientPagesWritesOnceAndReadsProblems() throws Exception {
        String token = stack.keycloak().passwordGrantToken("sofia.marin", "launchpad");
        ApiClient client = new ApiClient();
        client.updateBaseUri(stack.apiUrl());
        // writes with no success body are generated with "Accept:
        // application/problem+json" alone, which the
        // API refuses before acting (406; it answers writes in JSON): every call says it
        // takes JSON
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token)
            .setHeader("Accept", "application/json, application/problem+json"));
        ChallengeControllerApi challenges = new ChallengeControllerApi(client);

        PageChallengeView first = challenges.challengeList(null, UUID.fromString(organisation), null, null, null, 2,
                null, null);
        assertThat(first.getItems()).hasSize(2);
        assertThat(first.getNextCursor()).isNotBlank();
        PageChallengeView second = challenges.challengeList(null, UUID.fromString(organisation), null, null,
                first.getNextCursor(), 2, null, null);
        Set<UUID> seen = new HashSet<>();
        first.getItems().forEach(c -> seen.add(c.getId()));
        assertThat(second.getItems()).isNotEmpty().extracting(ChallengeView::getId).doesNotContainAnyElementsOf(seen);

        NotificationControllerApi notifications = new NotificationControllerApi(client);
        String key = "sdk-java-" + UUID.randomUUID();
        SavedSearchFields fields = new SavedSearchFields().query("retrofit sensors").frequency("weekly");
        SavedSearch saved = notifications.notificationSaveSearch(fields, key);
        SavedSearch again = notifications.notificationSaveSearch(fields, key);
        assertThat(again.getId()).as("the repeat is answered with the first outcome").isEqualTo(saved.getId());

        assertThatThrownBy(() -> challenges.challengeList(null, null, null, null, null, 500, null, null))
            .isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.getCode()).isEqualTo(400);
                assertThat(e.getResponseHeaders().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(e.getResponseBody()).contains("\"field\":\"limit\"");
            });
        notifications.notificationDeleteSearch(saved.getId());
    }

    @Test
    void theGeneratedTypeScriptClientRunsTheSameJourneyInNode() throws IOException, InterruptedException {
        Path journey = ProjectPaths.root().resolve("infra/sdks/target/typescript/typescript-journey/journey.js");
        assertThat(journey).as("compiled by ./mvnw (infra/sdks)").exists();
        ProcessBuilder node = new ProcessBuilder("node", journey.toString()).redirectErrorStream(true);
        node.environment().put("LAUNCHPAD_API_URL", stack.apiUrl());
        node.environment().put("LAUNCHPAD_ORGANISATION", organisation);
        node.environment().put("LAUNCHPAD_TOKEN", stack.keycloak().passwordGrantToken("sofia.marin", "launchpad"));
        Process process = node.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("node finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("ok: second page follows the cursor",
                "ok: a repeated write with the same Idempotency-Key", "ok: the problem+json names the field: limit",
                "journey complete");
        Files.writeString(ProjectPaths.root().resolve("infra/system-tests/target/sdk-typescript-journey.txt"), output);
    }

}
