package io.launchpad.systemtests;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.launchpad.infra.stack.LaunchpadStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import com.microsoft.playwright.Locator;
import org.assertj.core.api.Assertions;

/**
 * Issue 5 in Debian's Chromium, no script on any page: an association posts a board role
 * → a candidate writes a profile visible to matching, finds the role among their matches
 * and applies → the association reviews matches and applications blind (none of the
 * candidate's identifying values anywhere on the page), moves the candidate to interview
 * (now named), appoints → the candidate sees the outcome, downloads their data, reads the
 * audit log and erases their account. axe-core checks every page on the way.
 */
class BoardJourneyBrowserTest {

    private static LaunchpadStack stack;

    private final BrowserPages pages = new BrowserPages();

    @BeforeAll
    static void start() {
        stack = Product.stack();
    }

    @Test
    void aCandidateIsShortlistedBlindAppointedAndKeepsControlOfTheirData() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String web = stack.web().baseUrl();
        ApiClient amara = ApiClient.signedIn(stack, "amara.okafor");
        String associationName = "Riverside Homes " + run;
        String associationId = Journeys.registerOrganisation(stack, amara, associationName, "association");

        // 1. the association posts a board role; a closing date in the past is refused
        // beside its field
        Page association = pages.signIn("amara.okafor");
        assertThat(association.getByTestId("nav-board-roles")).isVisible();
        association.navigate(web + "/board-roles/new");
        pages.check(association, "post a board role");
        String title = "Digital and data trustee " + run;
        association.locator("#organisationId").selectOption(associationId);
        association.locator("#title").fill(title);
        association.locator("#description").fill("Our board steers a digital transformation and needs data leadership");
        association.locator("#matrix-strategic-thinking").selectOption("practitioner");
        association.locator("#matrix-commercial-management").selectOption("working");
        association.locator("#gap-data-governance").selectOption("practitioner");
        association.locator("#gap-information-security").selectOption("working");
        association.locator("#timeCommitment").fill("Six board meetings a year and the audit committee");
        association.locator("#hoursPerMonth").fill("8");
        association.locator("#remuneration-voluntary").check();
        association.locator("#region").selectOption("north-west");
        association.locator("#remote").check();
        association.locator("#closingDate").fill(LocalDate.now().minusDays(1).toString());
        association.locator("#diversityAims").fill("We want to hear from tenants and people under 35");
        association.getByTestId("publish-board-role").click();
        assertThat(association.locator("[data-field=closingDate]"))
            .containsText("Closing date must be today or in the future");
        assertThat(association.getByTestId("error-summary").getByRole(AriaRole.LINK)).hasAttribute("href",
                "#closingDate");
        pages.check(association, "board role form with an error");
        association.locator("#closingDate").fill(LocalDate.now().plusDays(30).toString());
        association.getByTestId("publish-board-role").click();
        association.waitForURL(url -> url.matches(".*/board-roles/[0-9a-f-]{36}$"));
        String role = association.url().substring(association.url().lastIndexOf('/') + 1);
        assertThat(association.getByTestId("role-status")).hasText("Open");
        pages.check(association, "board role (association)");
        association.navigate(web + "/board-roles");
        // other journeys sharing the product post roles for the same demo association:
        // find this one by its title
        assertThat(association.getByTestId("own-role").filter(new Locator.FilterOptions().setHasText(title)))
            .hasCount(1);
        pages.check(association, "board roles list");

        // 2. the candidate writes a profile visible to matching; name and email come from
        // their sign-in
        Page candidate = pages.signIn("chidi.eze");
        candidate.navigate(web + "/candidate/profile");
        pages.check(candidate, "candidate profile form");
        String phone = "07700 900" + (100 + Math.abs(run.hashCode() % 800));
        String photo = "https://photos.example.org/chidi-" + run + ".jpg";
        String birthday = "1984-03-07";
        candidate.locator("#phone").fill(phone);
        candidate.locator("#photoUrl").fill(photo);
        candidate.locator("#dateOfBirth").fill(birthday);
        candidate.locator("#headline").fill("Digital director with a decade in social housing");
        candidate.locator("#skill-data-governance").selectOption("expert");
        candidate.locator("#skill-information-security").selectOption("practitioner");
        candidate.locator("#skill-strategic-thinking").selectOption("practitioner");
        candidate.locator("#experience-0-role").fill("Chief digital officer");
        candidate.locator("#experience-0-sector").fill("social housing");
        candidate.locator("#experience-0-years").fill("6");
        candidate.locator("#governanceExperience").fill("Audit and risk committee of a housing charity");
        candidate.locator("#governanceYears").fill("4");
        candidate.locator("#livedExperience").fill("Grew up in a housing association home");
        candidate.locator("#availability").selectOption("immediately");
        candidate.locator("#hoursPerMonth").fill("10");
        candidate.locator("#region").selectOption("north-west");
        candidate.locator("#remote").check();
        // privacy by default (issue 12): private and unconsented until the candidate says
        // otherwise
        assertThat(candidate.locator("#visibility-private")).isChecked();
        assertThat(candidate.locator("#profileConsent")).not().isChecked();
        candidate.locator("#visibility-matching").check();
        candidate.locator("#profileConsent").check();
        candidate.getByTestId("save-profile").click();
        // lived experience needs the consent box: the API refuses, the page says so
        // beside the box
        assertThat(candidate.locator("[data-field=livedExperienceConsent]")).isVisible();
        pages.check(candidate, "candidate profile with an error");
        candidate.locator("#livedExperienceConsent").check();
        candidate.getByTestId("save-profile").click();
        candidate.waitForLoadState();
        assertThat(candidate.getByTestId("form-error").allTextContents()).as("the profile was refused").isEmpty();
        assertThat(candidate.getByTestId("profile-saved")).isVisible();
        pages.check(candidate, "candidate profile saved");

        // the candidate's real identifying values, as the API holds them
        ApiClient chidi = ApiClient.signedIn(stack, "chidi.eze");
        JsonNode identity = chidi.get("/api/v1/candidates/me").body().get("identity");
        List<String> identifying = new ArrayList<>();
        for (String field : List.of("name", "email", "phone", "photoUrl", "dateOfBirth")) {
            assertThat(identity.hasNonNull(field)).as(field + " of " + identity).isTrue();
            identifying.add(identity.get(field).asText());
        }
        // each part of the name on its own too; parts shorter than five letters could
        // turn up by chance in a token
        for (String part : identity.get("name").asText().split(" ")) {
            if (part.length() >= 5) {
                identifying.add(part);
            }
        }
        assertThat(identifying).contains("Chidi Eze", "chidi.eze@example.org", phone, photo, birthday);

        // 3. the role is among the candidate's matches, with reasons; the candidate
        // applies
        BrowserPages.reloadUntil(candidate, web + "/candidate/matches", "role-match", title);
        assertThat(candidate.getByTestId("role-match")
            .filter(new Locator.FilterOptions().setHasText(title))
            .getByTestId("match-reasons")).containsText("Data governance");
        pages.check(candidate, "roles matched to the candidate");
        candidate.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
        candidate.waitForURL(url -> url.endsWith("/board-roles/" + role));
        pages.check(candidate, "board role (candidate)");
        String statement = "I have led data governance in housing for six years " + run;
        candidate.locator("#statement").fill(statement);
        candidate.getByTestId("apply").click();
        candidate.waitForURL(url -> url.endsWith("/candidate/applications"));
        assertThat(candidate.getByTestId("own-application-status").first()).hasText("Submitted");
        pages.check(candidate, "candidate's applications");

        // 4. the association sees the candidate among its matches, and the application,
        // blind
        BrowserPages.reloadUntil(association, web + "/board-roles/" + role + "/matches", "candidate-match",
                "Digital director with a decade in social housing");
        assertNoIdentifyingValue(association, identifying, "matches");
        pages.check(association, "matched candidates (blind)");
        association.navigate(web + "/board-roles/" + role + "/applications");
        assertThat(association.getByTestId("application-statement")).containsText(statement);
        assertThat(association.getByTestId("applicant-heading")).hasText("Applicant 1");
        assertThat(association.getByTestId("applicant-identity")).hasCount(0);
        assertNoIdentifyingValue(association, identifying, "applications before interview");
        pages.check(association, "applications (blind)");

        // 5. moving to interview reveals who applied; then the association appoints with
        // feedback
        association.locator("textarea[name=feedback]").fill("We would like to meet you");
        association.getByTestId("decide-interview").click();
        assertThat(association.getByTestId("application-status")).hasText("Invited to interview");
        assertThat(association.getByTestId("applicant-name")).hasText("Chidi Eze");
        assertThat(association.getByTestId("applicant-email")).hasText("chidi.eze@example.org");
        pages.check(association, "applications (interview, identity revealed)");
        association.locator("textarea[name=feedback]").fill("Welcome to the board " + run);
        association.getByTestId("decide-appointed").click();
        assertThat(association.getByTestId("application-status")).hasText("Appointed");
        pages.check(association, "applications (appointed)");

        // 6. the candidate sees the outcome and the feedback
        candidate.navigate(web + "/candidate/applications");
        assertThat(candidate.getByTestId("own-application-status").first()).hasText("Appointed");
        assertThat(candidate.getByTestId("own-application-feedback").first()).hasText("Welcome to the board " + run);
        pages.check(candidate, "candidate's applications (appointed)");

        // 7. data rights: download everything, change a consent, read who looked
        candidate.navigate(web + "/account/data");
        pages.check(candidate, "your data");
        Download download = candidate.waitForDownload(() -> candidate.getByTestId("download-export").click());
        assertThat(download.suggestedFilename()).isEqualTo("launchpad-export.json");
        JsonNode export = JsonMapper.builder().build().readTree(Files.readString(download.path()));
        assertThat(export.get("person").get("email").asText()).isEqualTo("chidi.eze@example.org");
        assertThat(export.get("applications").toString()).contains("appointed").contains(title);
        assertThat(export.get("consents").toString()).contains("candidate-profile");
        candidate.getByTestId("consent-email-updates").click();
        assertThat(candidate.locator("[data-purpose=email-updates] [data-testid=consent-state]")).hasText("given");
        pages.check(candidate, "your data (consent given)");
        candidate.getByTestId("audit-link").click();
        assertThat(candidate.getByTestId("audit-log")).containsText(associationName + " (association)");
        assertThat(candidate.getByTestId("audit-log")).containsText("Decided on");
        assertThat(candidate.getByTestId("audit-log")).containsText("Viewed");
        pages.check(candidate, "audit log");

        // 8. erasure, after a confirmation step
        candidate.navigate(web + "/account/data");
        candidate.getByTestId("erase-link").click();
        pages.check(candidate, "erase: confirm");
        candidate.locator("#confirm").check();
        candidate.getByTestId("erase-account").click();
        // the data, the Keycloak account and the web session all go (issue 12)
        assertThat(candidate.getByTestId("erased")).containsText("signed out");
        assertThat(candidate.getByTestId("sign-in-account-deleted")).isVisible();
        assertThat(candidate.getByTestId("sign-in")).isVisible();
        pages.check(candidate, "erased");
        assertThat(chidi.get("/api/v1/candidates/me").status()).isEqualTo(404);
        Assertions.assertThatThrownBy(() -> stack.keycloak().passwordGrantToken("chidi.eze", "launchpad"))
            .as("signing in as the erased person")
            .isInstanceOf(RuntimeException.class);
        candidate.navigate(web + "/account/data");
        assertThat(candidate.locator("h1")).not().hasText("Your data");

        pages.assertNoAccessibilityProblems("board journey");
    }

    /**
     * The whole page, markup included, holds none of the candidate's identifying values.
     */
    private static void assertNoIdentifyingValue(Page page, List<String> identifying, String name) {
        String html = page.content();
        for (String value : identifying) {
            assertThat(html).as("the " + name + " page shows '" + value + "'").doesNotContain(value);
        }
    }

}
