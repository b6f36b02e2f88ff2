package io.launchpad.systemtests;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.launchpad.infra.stack.LaunchpadStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

/**
 * Issue 12's association journey in Debian's Chromium, every step of the association's
 * person on the web pages, no script on any of them: a visitor signs up, says they work
 * for a housing association, registers it (which asks for verification) and prepares a
 * draft that may not be published yet; the admin verifies it on the web queue; the
 * association finishes the challenge (one failed submit: errors beside the fields and in
 * the summary, everything typed kept) and publishes it; a supplier (through the API: not
 * this journey's subject) asks a question and responds; the association sees the question
 * on its home and notifications, answers it, closes the challenge early, evaluates with
 * each requirement beside the supplier's evidence, price and availability, awards,
 * records the pilot's milestones and outcomes and completes it; the pilot and its outcome
 * then show on the supplier's public page to a signed-out visitor. axe-core checks every
 * page state at 320 px and 1280 px.
 */
class AssociationJourneyBrowserTest {

    private static LaunchpadStack stack;

    private final BrowserPages pages = new BrowserPages();

    @BeforeAll
    static void start() {
        stack = Product.stack();
    }

    @Test
    void anAssociationSignsUpIsVerifiedPostsClosesEarlyAwardsAndRecordsAPilotThroughTheWebPages() throws Exception {
        long started = System.nanoTime();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String web = stack.web().baseUrl();
        String email = "grace." + run + "@example.org";
        String organisation = "Harbourside Homes " + run;

        // 1. a visitor signs up and says they work for a housing association
        Page association = pages.signUp("grace-" + run, email, "Grace", "Hopper", "quay-lanterns-" + run);
        association.waitForURL(url -> url.endsWith("/onboarding"));
        assertThat(association.locator("h1")).hasText("What describes you?");
        pages.checkAtBothWidths(association, "what describes you");
        association.getByTestId("choose-role").click();
        assertThat(association.getByTestId("error-summary")).containsText("Choose what describes you");
        pages.checkAtBothWidths(association, "what describes you with an error");
        association.getByTestId("role-association").check();
        association.getByTestId("choose-role").click();

        // 2. registers the association, which puts it in the admin's verification queue
        association.waitForURL(url -> url.endsWith("/onboarding/organisation"));
        assertThat(association.locator("h1")).hasText("Your organisation");
        pages.checkAtBothWidths(association, "your organisation");
        association.getByTestId("register-organisation").click();
        assertThat(association.locator("#name-error")).containsText("Enter your organisation");
        assertThat(association.getByTestId("error-summary").locator("a[href='#name']")).isVisible();
        pages.checkAtBothWidths(association, "your organisation with an error");
        association.getByTestId("organisation-name").fill(organisation);
        association.getByTestId("register-organisation").click();
        association.waitForURL(url -> url.endsWith("/organisations/verification"));
        assertThat(association.getByTestId("organisation-status")).containsText(organisation);
        assertThat(association.getByTestId("waiting")).containsText("Waiting for an admin to verify it");
        pages.checkAtBothWidths(association, "verification status (waiting)");
        association.getByTestId("go-home").click();
        association.waitForURL(url -> url.endsWith("/association"));
        assertThat(association.getByTestId("not-verified")).isVisible();
        pages.checkAtBothWidths(association, "association home (not verified)");

        // 3. before verification a draft can be prepared, but publishing it is refused in
        // plain words
        String title = "Spot damp before tenants do " + run;
        association.locator("#main")
            .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Post a challenge"))
            .click();
        association.waitForURL(url -> url.endsWith("/challenges/new"));
        pages.checkAtBothWidths(association, "post a challenge");
        // everything a challenge needs, so the one thing refused is that nobody has
        // verified the association yet
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("#title", title);
        typed.put("#summary", "Early warning of damp and mould in our homes");
        typed.put("#description", "Damp and mould sensors with humidity monitoring in 2,000 homes");
        typed.put("#essentialRequirements", "Works without broadband in every home");
        typed.put("#niceToHaveRequirements", "Experience with social landlords");
        typed.put("#weight-technical", "50");
        typed.put("#weight-social-value", "20");
        typed.put("#weight-price", "30");
        typed.put("#pilotLengthWeeks", "12");
        typed.put("#location", "Hull");
        typed.put("#questionsCloseOn", LocalDate.now().plusDays(5).toString());
        typed.put("#closingDate", LocalDate.now().plusDays(10).toString());
        typed.forEach((field, value) -> association.locator(field).fill(value));
        association.locator("#category").selectOption("damp-and-mould");
        association.locator("#region").selectOption("yorkshire-and-the-humber");
        association.getByTestId("save-challenge").click();
        association.waitForURL(url -> url.matches(".*/challenges/[0-9a-f-]{36}$"));
        String challenge = association.url().substring(association.url().lastIndexOf('/') + 1);
        assertThat(association.getByTestId("challenge-status")).hasText("Draft");
        pages.checkAtBothWidths(association, "challenge page (draft)");
        association.getByTestId("publish-draft").click();
        assertThat(association.getByTestId("error-summary"))
            .containsText("Your organisation has not been verified yet, so this cannot be published");
        assertThat(association.getByTestId("verification-link")).hasAttribute("href", "/organisations/verification");
        typed.forEach((field, value) -> assertThat(association.locator(field)).hasValue(value));
        pages.checkAtBothWidths(association, "draft refused before verification");

        // 4. the demo admin verifies the association on the web queue
        Page admin = pages.signIn("admin");
        admin.navigate(web + "/admin/verification");
        Locator waiting = admin.getByTestId("waiting-organisation")
            .filter(new Locator.FilterOptions().setHasText(organisation));
        assertThat(waiting).hasCount(1);
        pages.checkAtBothWidths(admin, "verification queue");
        waiting.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Verify")).click();
        admin.waitForURL(url -> url.endsWith("/admin/verification"));
        assertThat(
                admin.getByTestId("waiting-organisation").filter(new Locator.FilterOptions().setHasText(organisation)))
            .hasCount(0);
        admin.context().close();

        association.navigate(web + "/organisations/verification");
        assertThat(association.getByTestId("verified")).containsText("Verified");
        pages.checkAtBothWidths(association, "verification status (verified)");

        // 5. the association finishes its draft: one failed submit keeps everything
        // typed, errors beside the fields
        association.navigate(web + "/association");
        assertThat(association.getByTestId("draft")).containsText(title);
        pages.checkAtBothWidths(association, "association home (a draft)");
        association.getByTestId("draft").getByRole(AriaRole.LINK).click();
        association.waitForURL(url -> url.endsWith("/challenges/" + challenge + "/edit"));
        // weightings that do not add up and a pilot length in words: both said, nothing
        // typed lost
        typed.put("#weight-price", "20");
        typed.put("#pilotLengthWeeks", "twelve");
        typed.put("#location", "Hull and East Riding");
        association.locator("#weight-price").fill("20");
        association.locator("#pilotLengthWeeks").fill("twelve");
        association.locator("#location").fill("Hull and East Riding");
        association.getByTestId("publish-challenge").click();
        assertThat(association.getByTestId("error-summary")).containsText("The weightings must add up to 100");
        assertThat(association.getByTestId("error-summary"))
            .containsText("Pilot length must be a whole number of weeks");
        assertThat(association.locator("#weightings-error")).containsText("add up to 90");
        assertThat(association.locator("#pilotLengthWeeks-error")).containsText("whole number of weeks");
        assertThat(association.locator("#pilotLengthWeeks")).hasAttribute("aria-describedby", "pilotLengthWeeks-error");
        typed.forEach((field, value) -> assertThat(association.locator(field)).hasValue(value));
        assertThat(association.locator("#category")).hasValue("damp-and-mould");
        assertThat(association.locator("#region")).hasValue("yorkshire-and-the-humber");
        pages.checkAtBothWidths(association, "challenge form with errors");
        association.locator("#weight-price").fill("30");
        association.locator("#pilotLengthWeeks").fill("12");
        association.getByTestId("publish-challenge").click();
        association.waitForURL(url -> url.endsWith("/challenges/" + challenge));
        assertThat(association.getByTestId("challenge-status")).hasText("Open");
        pages.checkAtBothWidths(association, "challenge page (open)");

        // 6. a supplier (set up through the API: not this journey's subject) asks a
        // question and responds
        ApiClient sofia = ApiClient.signedIn(stack, "sofia.marin");
        String supplierName = "Damp Signal " + run;
        String supplierOrganisation = Journeys.registerOrganisation(stack, sofia, supplierName, "supplier");
        String profile = Journeys.publishedSupplier(sofia, supplierOrganisation, supplierName,
                "Damp and mould sensors in every home; humidity monitoring; condensation alerts for landlords");
        ApiClient.Response asked = sofia.post("/api/v1/challenges/" + challenge + "/questions",
                Map.of("organisationId", supplierOrganisation, "question", "Do the sensors need mains power?"));
        assertThat(asked.status()).as(String.valueOf(asked.body())).isEqualTo(201);
        JsonRequirements requirements = JsonRequirements.of(sofia.get("/api/v1/challenges/" + challenge));
        ApiClient.Response drafted = sofia.post("/api/v1/challenges/" + challenge + "/responses",
                Map.of("organisationId", supplierOrganisation, "approach",
                        "Install, alert the repairs team within a day, review monthly", "pricePounds", 42000,
                        "availability", "From next month", "evidence",
                        Map.of(requirements.essential(), "LoRaWAN sensors: no broadband needed, 3,000 homes at Onward",
                                requirements.niceToHave(), "Three housing associations since 2022")));
        assertThat(drafted.status()).as(String.valueOf(drafted.body())).isEqualTo(201);
        ApiClient.Response submitted = sofia.post("/api/v1/responses/" + drafted.body().get("id").asText() + "/submit",
                null);
        assertThat(submitted.status()).as(String.valueOf(submitted.body())).isEqualTo(200);

        // 7. the association sees the question on its home and in its notifications, and
        // answers it
        BrowserPages.reloadUntil(association, web + "/association", "question-waiting", title);
        assertThat(association.getByTestId("question-waiting")).containsText("1 question");
        pages.checkAtBothWidths(association, "association home (a question waiting)");
        BrowserPages.reloadUntil(association, web + "/notifications", "notification",
                "A supplier asked a question about " + title);
        pages.checkAtBothWidths(association, "notifications (association)");
        association.navigate(web + "/association");
        association.getByTestId("question-waiting").getByRole(AriaRole.LINK).click();
        association.waitForURL(url -> url.endsWith("/challenges/" + challenge + "/questions"));
        assertThat(association.getByTestId("question")).containsText("Do the sensors need mains power?");
        pages.checkAtBothWidths(association, "questions (to answer)");
        association.getByTestId("answer-text").first().fill("No: battery powered, five-year life");
        association.getByTestId("publish-answer").first().click();
        assertThat(association.getByTestId("answer")).containsText("battery powered");
        pages.checkAtBothWidths(association, "questions (answered)");

        // 8. closes the challenge early, after a page that says what that means
        association.navigate(web + "/challenges/" + challenge);
        association.getByTestId("close-early").click();
        assertThat(association.getByTestId("confirm-heading")).hasText("Close ‘" + title + "’ now?");
        assertThat(association.getByTestId("confirm-consequences")).containsText("stops taking responses");
        pages.checkAtBothWidths(association, "confirm closing early");
        association.getByTestId("confirm-button").click();
        association.waitForURL(url -> url.endsWith("/challenges/" + challenge));
        assertThat(association.getByTestId("challenge-status")).hasText("Closed");
        pages.checkAtBothWidths(association, "challenge page (closed early)");

        // 9. evaluates: each requirement beside the supplier's evidence, price and
        // availability
        association.getByTestId("evaluate-link").click();
        association.waitForURL(url -> url.endsWith("/challenges/" + challenge + "/evaluate"));
        Locator response = association.getByTestId("response-item")
            .filter(new Locator.FilterOptions().setHasText(supplierName));
        assertThat(response).hasCount(1);
        assertThat(response.getByTestId("response-price")).hasText("£42,000");
        assertThat(response.getByTestId("response-availability")).hasText("From next month");
        assertThat(response.getByTestId("evidence-requirement").first())
            .containsText("Works without broadband in every home");
        assertThat(response.getByTestId("evidence-given").first())
            .hasText("LoRaWAN sensors: no broadband needed, 3,000 homes at Onward");
        assertThat(response.getByTestId("evidence-requirement").nth(1))
            .containsText("Experience with social landlords");
        assertThat(response.getByTestId("evidence-given").nth(1)).hasText("Three housing associations since 2022");
        assertThat(response.getByTestId("evidence-given").first()).isVisible();
        pages.checkAtBothWidths(association, "evaluate");
        response.locator("select[name='score-technical']").selectOption("8");
        response.locator("select[name='score-social-value']").selectOption("7");
        response.locator("select[name='score-price']").selectOption("6");
        response.getByTestId("save-scores").click();
        assertThat(association.getByTestId("response-item")
            .filter(new Locator.FilterOptions().setHasText(supplierName))
            .getByTestId("weighted-total")).hasText("72.0");
        // the saved scores stay in their boxes, so saving again does not reset them
        Locator scored = association.getByTestId("response-item")
            .filter(new Locator.FilterOptions().setHasText(supplierName));
        assertThat(scored.locator("select[name='score-technical']")).hasValue("8");
        assertThat(scored.locator("select[name='score-price']")).hasValue("6");
        pages.checkAtBothWidths(association, "evaluate (scored)");

        // no award is offered too, after its own confirmation page; the association
        // thinks again
        association.locator("#reason").fill("None met the essential requirement");
        association.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record no award")).click();
        assertThat(association.getByTestId("confirm-heading")).hasText("Record no award for ‘" + title + "’?");
        pages.checkAtBothWidths(association, "confirm no award");
        association.getByTestId("confirm-cancel").click();
        association.waitForURL(url -> url.endsWith("/challenges/" + challenge + "/evaluate"));

        // 10. awards, after a page that says it cannot be undone; the award opens the
        // pilot
        association.getByTestId("response-item")
            .filter(new Locator.FilterOptions().setHasText(supplierName))
            .getByTestId("award")
            .click();
        assertThat(association.getByTestId("confirm-heading"))
            .hasText("Award ‘" + title + "’ to " + supplierName + "?");
        pages.checkAtBothWidths(association, "confirm award");
        association.getByTestId("confirm-button").click();
        association.waitForURL(url -> url.contains("/pilots/"));
        String pilotUrl = association.url();
        assertThat(association.getByTestId("pilot-status")).hasText("Under way");
        pages.checkAtBothWidths(association, "pilot (under way)");

        // 11. the association records milestones and outcomes and completes the pilot
        association.locator("#milestone-title").fill("Sensors installed in 200 homes");
        association.locator("#milestone-due").fill(LocalDate.now().plusDays(14).toString());
        association.getByTestId("add-milestone").click();
        assertThat(association.getByTestId("milestone")).containsText("Sensors installed in 200 homes");
        association.getByTestId("milestone").first().locator("select").selectOption("done");
        association.getByTestId("update-milestone").first().click();
        assertThat(association.getByTestId("milestone-status").first()).hasText("Done");
        association.locator("#measure").fill("Damp and mould reports");
        association.locator("#unit").fill("damp reports per 1,000 homes");
        association.locator("#baseline").fill("14");
        association.locator("#target").fill("7");
        association.getByTestId("add-outcome").click();
        assertThat(association.getByTestId("outcome")).containsText("damp reports per 1,000 homes");
        association.locator("input[name='actual']").first().fill("6");
        association.getByTestId("record-actual").first().click();
        assertThat(association.getByTestId("outcome-actual").first()).hasText("6");
        pages.checkAtBothWidths(association, "pilot (recorded)");
        association.locator("#finalReport").fill("Reports fell from 14 to 6 per 1,000 homes in twelve weeks");
        association.getByTestId("complete-pilot").click();
        assertThat(association.getByTestId("pilot-status")).hasText("Completed");
        assertThat(association.getByTestId("pilot-outcome")).containsText("met");
        pages.checkAtBothWidths(association, "pilot (completed)");

        // 11b. what the association learned, and residents' own words; a refusal keeps
        // what was typed
        association.locator("#lesson").fill("Agree the alert thresholds with the repairs team first");
        association.locator("#verdict").check();
        association.getByTestId("add-lesson").click();
        assertThat(association.getByTestId("lesson-verdict")).hasText("Would do it again");
        association.locator("#text").fill("The bedroom wall is dry for the first winter in years");
        association.getByTestId("add-resident-feedback").click();
        assertThat(association.getByTestId("error-summary"))
            .containsText("Confirm that the residents agreed to share this");
        assertThat(association.locator("#text")).hasValue("The bedroom wall is dry for the first winter in years");
        pages.checkAtBothWidths(association, "pilot (residents' feedback refused)");
        association.locator("#residentsConsented").check();
        association.getByTestId("add-resident-feedback").click();
        assertThat(association.getByTestId("resident-feedback")).containsText("The bedroom wall is dry");

        // 11c. the pilot is a case in the public library, found by its words
        association.getByTestId("library-link").locator("a").click();
        assertThat(association.getByTestId("case-title")).hasText(title);
        assertThat(association.getByTestId("case-resident")).containsText("The bedroom wall is dry");
        assertThat(association.getByTestId("case-lesson")).containsText("Would do it again");
        pages.checkAtBothWidths(association, "pilot library case");
        association.navigate(web + "/library?q=" + URLEncoder.encode(title, StandardCharsets.UTF_8));
        assertThat(association.getByTestId("library-case")).hasCount(1);
        pages.checkAtBothWidths(association, "pilot library search");
        association.navigate(web + "/pilots");
        pages.checkAtBothWidths(association, "pilots list");

        // 12. a signed-out visitor reads the completed pilot and its outcome on the
        // supplier's public page
        Page visitor = pages.newVisitor();
        BrowserPages.reloadUntil(visitor, web + "/suppliers/" + profile, "completed-pilot",
                "Reports fell from 14 to 6");
        assertThat(visitor.getByTestId("sign-in")).isVisible();
        Locator pilot = visitor.getByTestId("completed-pilot")
            .filter(new Locator.FilterOptions().setHasText("Reports fell from 14 to 6"));
        assertThat(pilot.getByTestId("pilot-outcomes")).containsText("damp reports per 1,000 homes");
        assertThat(pilot.getByTestId("pilot-outcomes")).containsText("6");
        pages.checkAtBothWidths(visitor, "supplier's public page (signed out)");

        // the emails the association's person received on the way, as the dev mailbox
        // lists them
        visitor.navigate(stack.mailbox().baseUrl() + "/");
        List<String> emails = visitor.getByTestId("mailbox-item")
            .filter(new Locator.FilterOptions().setHasText(email))
            .allInnerTexts();
        System.out.printf("emails to %s: %d%n%s%n", email, emails.size(), String.join("\n", emails));
        assertThat(emails).anyMatch(text -> text.contains("Confirm your email address"))
            .anyMatch(text -> text.contains("A supplier asked a question about"))
            .anyMatch(text -> text.contains("A supplier submitted a response to"));
        System.out.printf("association journey took %d s%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());

        pages.assertNoAccessibilityProblems("association journey");
    }

    /**
     * The challenge's first essential and first nice-to-have requirement ids, as the API
     * numbers them.
     */
    private record JsonRequirements(String essential, String niceToHave) {

        static JsonRequirements of(ApiClient.Response challenge) {
            assertThat(challenge.status()).isEqualTo(200);
            String essential = null;
            String niceToHave = null;
            for (var requirement : challenge.body().get("requirements")) {
                if (requirement.get("essential").asBoolean() && essential == null) {
                    essential = requirement.get("id").asText();
                }
                else if (!requirement.get("essential").asBoolean() && niceToHave == null) {
                    niceToHave = requirement.get("id").asText();
                }
            }
            assertThat(essential).isNotNull();
            assertThat(niceToHave).isNotNull();
            return new JsonRequirements(essential, niceToHave);
        }
    }

}
