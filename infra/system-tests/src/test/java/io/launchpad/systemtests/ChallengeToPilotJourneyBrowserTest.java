package io.launchpad.systemtests;

import com.microsoft.playwright.Page;
import io.launchpad.infra.stack.LaunchpadStack;
import io.launchpad.infra.stack.Postgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 4 in Debian's Chromium, no script needed on any page: an association posts a
 * challenge → a supplier hears of it (it matches the supplier's profile), asks a question
 * and responds → the challenge closes at its date with nobody acting → the association
 * scores and awards → pilot milestones and outcomes are recorded and the pilot completed.
 * axe-core checks every page on the way.
 */
class ChallengeToPilotJourneyBrowserTest {

    private static LaunchpadStack stack;

    private final BrowserPages pages = new BrowserPages();

    @BeforeAll
    static void start() {
        stack = Product.stack();
    }

    @Test
    void aChallengeBecomesAPilotWithRecordedOutcomesThroughTheWebPages() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String web = stack.web().baseUrl();
        ApiClient amara = ApiClient.signedIn(stack, "amara.okafor");
        ApiClient sofia = ApiClient.signedIn(stack, "sofia.marin");
        String associationId = Journeys.registerOrganisation(stack, amara, "Riverside Homes " + run, "association");
        String supplierOrganisation = Journeys.registerOrganisation(stack, sofia, "Damp Signal " + run, "supplier");
        String profile = Journeys.publishedSupplier(sofia, supplierOrganisation, "Damp Signal " + run,
                "Damp and mould sensors in every home; humidity monitoring; condensation alerts for landlords");
        // the supplier's profile must be in the index before the challenge is published,
        // to be matched at once
        String probe = Journeys.publishedChallenge(amara, associationId, "Probe damp sensing " + run,
                "Damp and mould sensing", "Humidity monitoring with damp and mould sensors");
        Journeys.awaitMatches(amara, probe, items -> Journeys.containsSupplier(items, profile));

        // 1. the association posts the challenge; weightings that do not add up are
        // refused on the form
        Page association = pages.signIn("amara.okafor");
        association.navigate(web + "/challenges/new");
        pages.check(association, "post a challenge");
        String title = "Find damp before tenants do " + run;
        association.locator("#organisationId").selectOption(associationId);
        association.locator("#title").fill(title);
        association.locator("#summary").fill("Early warning of damp and mould in our homes");
        association.locator("#description").fill("Damp and mould sensors with humidity monitoring in 2,000 homes");
        association.locator("#category").selectOption("damp-and-mould");
        association.locator("#region").selectOption("north-west");
        association.locator("#essentialRequirements").fill("Works without broadband in every home");
        association.locator("#niceToHaveRequirements").fill("Experience with social landlords");
        association.locator("#weight-technical").fill("50");
        association.locator("#weight-social-value").fill("20");
        association.locator("#weight-price").fill("20");
        association.locator("#pilotLengthWeeks").fill("12");
        association.locator("#location").fill("Salford");
        association.locator("#questionsCloseOn").fill(LocalDate.now().plusDays(5).toString());
        association.locator("#closingDate").fill(LocalDate.now().plusDays(10).toString());
        association.getByTestId("publish-challenge").click();
        // said beside the weightings and in the error summary, everything typed kept
        // (issue 12)
        assertThat(association.getByTestId("error-summary")).containsText("The weightings must add up to 100");
        assertThat(association.locator("#weightings-error")).containsText("add up to 90");
        assertThat(association.locator("#title")).hasValue(title);
        pages.check(association, "challenge form with an error");
        association.locator("#weight-price").fill("30");
        association.getByTestId("publish-challenge").click();
        association.waitForURL(url -> url.matches(".*/challenges/[0-9a-f-]{36}$"));
        String challenge = association.url().substring(association.url().lastIndexOf('/') + 1);
        assertThat(association.getByTestId("challenge-status")).hasText("Open");
        pages.check(association, "challenge page (association)");

        // 2. the supplier hears of it: it matches the supplier's profile
        Page supplier = pages.signIn("sofia.marin");
        BrowserPages.reloadUntil(supplier, web + "/notifications", "notification", "New challenge: " + title);
        pages.check(supplier, "notifications");

        // 3. the supplier asks privately; the association answers for everyone
        supplier.navigate(web + "/challenges/" + challenge + "/questions");
        supplier.getByTestId("question-text").fill("Do the sensors need mains power?");
        supplier.getByTestId("ask-question").click();
        assertThat(supplier.getByTestId("question")).containsText("your question");
        pages.check(supplier, "questions (supplier)");
        association.navigate(web + "/challenges/" + challenge + "/questions");
        association.getByTestId("answer-text").first().fill("No: battery powered, five-year life");
        association.getByTestId("publish-answer").first().click();
        assertThat(association.getByTestId("answer")).containsText("battery powered");
        pages.check(association, "questions (association)");

        // 4. the supplier responds with evidence against each requirement
        supplier.navigate(web + "/challenges/" + challenge + "/respond");
        pages.check(supplier, "respond form");
        supplier.locator("#evidence-E1").fill("LoRaWAN sensors: no broadband needed, 3,000 homes at Onward");
        supplier.locator("#evidence-N1").fill("Three housing associations since 2022");
        supplier.locator("#approach").fill("Install, alert the repairs team within a day, review monthly");
        supplier.locator("#pricePounds").fill("42000");
        supplier.locator("#availability").fill("From next month");
        supplier.getByTestId("submit-response").click();
        assertThat(supplier.getByTestId("response-status")).containsText("Submitted");

        // 5. the closing date passes; the API closes the challenge with nobody acting
        closeToday(challenge);
        awaitStatus(amara, challenge, "closed");

        // 6. the association scores and awards; the award opens the pilot
        association.navigate(web + "/challenges/" + challenge + "/evaluate");
        pages.check(association, "evaluate");
        association.locator("select[name='score-technical']").first().selectOption("8");
        association.locator("select[name='score-social-value']").first().selectOption("7");
        association.locator("select[name='score-price']").first().selectOption("6");
        association.getByTestId("save-scores").first().click();
        assertThat(association.getByTestId("weighted-total").first()).hasText("72.0");
        association.getByTestId("award").first().click();
        // an award cannot be undone: a page says what it does and asks again
        assertThat(association.getByTestId("confirm-heading")).containsText("Award");
        pages.check(association, "confirm award");
        association.getByTestId("confirm-button").click();
        association.waitForURL(url -> url.contains("/pilots/"));
        assertThat(association.getByTestId("pilot-status")).hasText("Under way");
        String pilotUrl = association.url();
        pages.check(association, "pilot (active)");

        // 7. milestones and outcomes are recorded by both parties; the association
        // completes the pilot
        association.locator("#milestone-title").fill("Sensors installed in 200 homes");
        association.locator("#milestone-due").fill(LocalDate.now().plusDays(14).toString());
        association.getByTestId("add-milestone").click();
        association.locator("#measure").fill("Damp and mould reports");
        association.locator("#unit").fill("damp reports per 1,000 homes");
        association.locator("#baseline").fill("14");
        association.locator("#target").fill("7");
        association.getByTestId("add-outcome").click();

        supplier.navigate(web + "/pilots");
        pages.check(supplier, "pilots list");
        supplier.navigate(pilotUrl);
        supplier.getByTestId("milestone").first().locator("select").selectOption("done");
        supplier.getByTestId("update-milestone").first().click();
        assertThat(supplier.getByTestId("milestone-status").first()).hasText("Done");
        supplier.locator("input[name='actual']").first().fill("6");
        supplier.getByTestId("record-actual").first().click();
        assertThat(supplier.getByTestId("outcome-actual").first()).hasText("6");
        pages.check(supplier, "pilot (supplier)");

        association.navigate(pilotUrl);
        association.locator("#finalReport").fill("Reports fell from 14 to 6 per 1,000 homes in twelve weeks");
        association.getByTestId("complete-pilot").click();
        assertThat(association.getByTestId("pilot-status")).hasText("Completed");
        assertThat(association.getByTestId("pilot-outcome")).containsText("met");
        pages.check(association, "pilot (completed)");

        // the completed pilot is public evidence on the supplier's profile
        ApiClient.Response evidence = new ApiClient(stack.apiUrl(), null)
            .get("/api/v1/suppliers/" + profile + "/pilots");
        assertThat(evidence.status()).isEqualTo(200);
        assertThat(evidence.body().get("items").toString()).contains("damp reports per 1,000 homes");

        // programme figures for an admin, drawn without script
        Page admin = pages.signIn("admin");
        admin.navigate(web + "/admin/programme");
        assertThat(admin.getByTestId("chart-stages")).containsText("Awarded");
        pages.check(admin, "programme figures");

        pages.assertNoAccessibilityProblems("challenge-to-pilot journey");
    }

    /**
     * Moves the closing date into the past, as the calendar would; closing itself is the
     * API's scheduler.
     */
    private static void closeToday(String challenge) throws SQLException {
        try (var connection = DriverManager.getConnection(stack.postgres().jdbcUrl(), Postgres.USER, Postgres.PASSWORD);
                var statement = connection.prepareStatement("""
                        update challenge set closing_date = current_date - 1, questions_close_on = current_date - 2
                        where id = ?::uuid""")) {
            statement.setString(1, challenge);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    private static void awaitStatus(ApiClient client, String challenge, String status) {
        await().alias("challenge " + challenge + " becoming " + status)
            .atMost(Duration.ofSeconds(150))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> {
                ApiClient.Response response = client.get("/api/v1/challenges/" + challenge);
                return response.body() == null ? null : response.body().get("status").asText();
            }, status::equals);
    }

}
