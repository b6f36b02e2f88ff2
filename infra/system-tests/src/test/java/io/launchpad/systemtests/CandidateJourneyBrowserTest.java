package io.launchpad.systemtests;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.launchpad.infra.stack.KeycloakServer;
import io.launchpad.infra.stack.LaunchpadStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import com.microsoft.playwright.options.AriaRole;
import java.util.HashMap;
import java.util.regex.Pattern;

/**
 * Issue 12's candidate journey in Debian's Chromium, every step of the candidate through
 * the web: a digital leader signs up, says they seek a board role, builds their board
 * profile (one refused save on the way: errors beside their fields, a summary linking to
 * them, nothing typed lost), finds the profile private and unconsented until they choose,
 * sees "roles for you", applies, hears of the association's decision on the web and by
 * email, downloads their data and erases their account, after which Keycloak no longer
 * knows them. The association's steps (posting the role, deciding) go through the API:
 * they are not this journey's subject. axe-core checks every page state at 320 px and
 * 1280 px.
 */
class CandidateJourneyBrowserTest {

    private static final String PASSWORD = "boardroom-compass-31";

    private static LaunchpadStack stack;

    private final BrowserPages pages = new BrowserPages();

    @BeforeAll
    static void start() {
        stack = Product.stack();
    }

    @Test
    void aDigitalLeaderSignsUpBuildsAProfileAppliesHearsTheResultExportsAndErases() throws Exception {
        long started = System.nanoTime();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String web = stack.web().baseUrl();
        String username = "grace-" + run;
        String email = "grace." + run + "@example.org";

        // the association's open role, set up through the API (not this journey's
        // subject)
        ApiClient amara = ApiClient.signedIn(stack, "amara.okafor");
        String associationId = Journeys.registerOrganisation(stack, amara, "Harbour Homes " + run, "association");
        String title = "Digital and data trustee " + run;
        String roleId = openBoardRole(amara, associationId, title);

        // 1. sign up through Keycloak's pages, then say what describes them; no choice is
        // explained
        Page page = pages.signUp(username, email, "Grace", "Hopper", PASSWORD);
        page.waitForURL(url -> url.endsWith("/onboarding"));
        assertThat(page.locator("h1")).hasText("What describes you?");
        pages.checkAtBothWidths(page, "what describes you");
        page.getByTestId("choose-role").click();
        assertThat(page.locator("[data-field=role]")).containsText("Choose what describes you");
        assertThat(page.getByTestId("error-summary").locator("a[href='#role-association']")).isVisible();
        pages.checkAtBothWidths(page, "what describes you with an error");
        page.getByTestId("role-candidate").check();
        page.getByTestId("choose-role").click();
        // a new digital leader starts with their profile
        page.waitForURL(url -> url.endsWith("/candidate/profile"));
        assertThat(page.locator("h1")).hasText("Your board profile");

        // 2. privacy by default: private, nothing consented, until the person chooses
        assertThat(page.locator("#name")).hasValue("Grace Hopper");
        assertThat(page.locator("#email")).hasValue(email);
        assertThat(page.locator("#visibility-private")).isChecked();
        assertThat(page.locator("#visibility-matching")).not().isChecked();
        assertThat(page.locator("#visibility-public")).not().isChecked();
        assertThat(page.locator("#profileConsent")).not().isChecked();
        assertThat(page.locator("#livedExperienceConsent")).not().isChecked();
        pages.checkAtBothWidths(page, "new board profile");

        // 3. a save with mistakes: each explained beside its field and linked from the
        // summary; nothing lost
        String headline = "Chief digital officer who has steered two housing groups through change " + run;
        page.locator("#phone").fill("ring me at work");
        page.locator("#headline").fill("");
        page.locator("#skill-data-governance").selectOption("expert");
        page.locator("#skill-information-security").selectOption("practitioner");
        page.locator("#skill-strategic-thinking").selectOption("practitioner");
        page.locator("#experience-0-role").fill("Chief digital officer");
        page.locator("#experience-0-sector").fill("social housing");
        page.locator("#experience-0-years").fill("7");
        page.locator("#experience-1-role").fill("Head of data");
        page.locator("#experience-1-sector").fill("local government");
        page.locator("#experience-1-years").fill("5");
        page.locator("#governanceExperience").fill("Audit and risk committee of a community land trust");
        page.locator("#governanceYears").fill("3");
        page.locator("#livedExperience").fill("Grew up in a council home in Salford");
        page.locator("#availability").selectOption("within-3-months");
        page.locator("#hoursPerMonth").fill("10");
        page.locator("#region").selectOption("north-west");
        page.locator("#remote").check();
        page.locator("#visibility-matching").check();
        page.locator("#profileConsent").check();
        page.getByTestId("save-profile").click();
        page.waitForLoadState();
        assertThat(page).hasTitle(Pattern.compile("^Error: "));
        assertThat(page.locator("[data-field=phone]"))
            .containsText("Enter a phone number using only numbers, spaces, +, ( ) and -");
        assertThat(page.locator("[data-field=headline]")).containsText("Enter a headline");
        Locator summary = page.getByTestId("error-summary");
        assertThat(summary.locator("a[href='#phone']"))
            .hasText("Enter a phone number using only numbers, spaces, +, ( ) and -");
        assertThat(summary.locator("a[href='#headline']")).hasText("Enter a headline");
        assertThat(page.locator("#phone")).hasAttribute("aria-describedby", "phone-error");
        assertThat(page.locator("#headline")).hasAttribute("aria-describedby", "headline-error");
        // every value typed is still there
        assertThat(page.locator("#name")).hasValue("Grace Hopper");
        assertThat(page.locator("#email")).hasValue(email);
        assertThat(page.locator("#phone")).hasValue("ring me at work");
        assertThat(page.locator("#skill-data-governance")).hasValue("expert");
        assertThat(page.locator("#skill-information-security")).hasValue("practitioner");
        assertThat(page.locator("#skill-strategic-thinking")).hasValue("practitioner");
        assertThat(page.locator("#experience-0-role")).hasValue("Chief digital officer");
        assertThat(page.locator("#experience-0-sector")).hasValue("social housing");
        assertThat(page.locator("#experience-0-years")).hasValue("7");
        assertThat(page.locator("#experience-1-role")).hasValue("Head of data");
        assertThat(page.locator("#experience-1-sector")).hasValue("local government");
        assertThat(page.locator("#experience-1-years")).hasValue("5");
        assertThat(page.locator("#governanceExperience"))
            .hasValue("Audit and risk committee of a community land trust");
        assertThat(page.locator("#governanceYears")).hasValue("3");
        assertThat(page.locator("#livedExperience")).hasValue("Grew up in a council home in Salford");
        assertThat(page.locator("#availability")).hasValue("within-3-months");
        assertThat(page.locator("#hoursPerMonth")).hasValue("10");
        assertThat(page.locator("#region")).hasValue("north-west");
        assertThat(page.locator("#remote")).isChecked();
        assertThat(page.locator("#visibility-matching")).isChecked();
        assertThat(page.locator("#profileConsent")).isChecked();
        pages.checkAtBothWidths(page, "board profile with errors");

        // lived experience needs its own consent (the API's rule, checked once the fields
        // are well formed):
        // the page says so beside the box, and the rest is still kept
        page.locator("#phone").fill("0161 496 0" + (100 + Math.abs(run.hashCode() % 800)));
        page.locator("#headline").fill(headline);
        page.getByTestId("save-profile").click();
        page.waitForLoadState();
        assertThat(page.locator("[data-field=livedExperienceConsent]")).containsText("Tick the box to agree");
        assertThat(page.getByTestId("error-summary").locator("a[href='#livedExperienceConsent']")).isVisible();
        assertThat(page.locator("#livedExperienceConsent")).hasAttribute("aria-describedby",
                "livedExperienceConsent-error");
        assertThat(page.locator("#headline")).hasValue(headline);
        assertThat(page.locator("#livedExperience")).hasValue("Grew up in a council home in Salford");
        assertThat(page.locator("#experience-1-role")).hasValue("Head of data");
        assertThat(page.locator("#visibility-matching")).isChecked();
        assertThat(page.locator("#profileConsent")).isChecked();
        pages.checkAtBothWidths(page, "board profile with a consent missing");
        page.locator("#livedExperienceConsent").check();
        page.getByTestId("save-profile").click();
        page.waitForURL(url -> url.contains("/candidate/profile?saved"));
        assertThat(page.getByTestId("profile-saved")).isVisible();
        assertThat(page.locator("#headline")).hasValue(headline);
        assertThat(page.locator("#visibility-matching")).isChecked();
        pages.checkAtBothWidths(page, "board profile saved");

        // 4. roles for you, on the candidate's home; the association's role among them
        BrowserPages.reloadUntil(page, web + "/candidate", "role-for-you", title);
        assertThat(page.locator("h1")).hasText("Your board search");
        assertThat(page.locator("#roles-heading")).hasText("Roles for you");
        assertThat(page.getByTestId("no-applications")).isVisible();
        pages.checkAtBothWidths(page, "candidate home (roles for you)");

        // 5. apply: an empty statement is explained, then the application goes
        page.getByTestId("role-for-you")
            .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(title))
            .click();
        page.waitForURL(url -> url.endsWith("/board-roles/" + roleId));
        assertThat(page.locator("h1")).hasText(title);
        pages.checkAtBothWidths(page, "board role (candidate)");
        page.getByTestId("apply").click();
        page.waitForLoadState();
        assertThat(page).hasTitle(Pattern.compile("^Error: "));
        assertThat(page.locator("[data-field=statement]"))
            .containsText("Enter why you want this role and what you bring to the board");
        assertThat(page.getByTestId("error-summary").locator("a[href='#statement']"))
            .hasText("Enter why you want this role and what you bring to the board");
        pages.checkAtBothWidths(page, "board role with an empty statement");
        String statement = "I have led data governance in two housing groups and chaired an audit committee " + run;
        page.locator("#statement").fill(statement);
        page.getByTestId("apply").click();
        page.waitForURL(url -> url.endsWith("/candidate/applications"));
        assertThat(page.getByTestId("own-application-status").first()).hasText("Submitted");
        pages.checkAtBothWidths(page, "your applications (submitted)");

        // 6. the association invites to interview, then appoints (API; its own journey
        // covers its pages)
        String applicationId = onlyApplication(amara, roleId);
        decide(amara, applicationId, "interview", null);
        String feedback = "Welcome to the board of Harbour Homes " + run;
        decide(amara, applicationId, "appointed", feedback);

        // the result on the web: applications page and home
        page.navigate(web + "/candidate/applications");
        assertThat(page.getByTestId("own-application-status").first()).hasText("Appointed");
        assertThat(page.getByTestId("own-application-feedback").first()).hasText(feedback);
        pages.checkAtBothWidths(page, "your applications (appointed)");
        page.navigate(web + "/candidate");
        assertThat(page.getByTestId("applications-appointed")).hasText("Appointed (1)");
        pages.checkAtBothWidths(page, "candidate home (appointed)");

        // and by email, read in the dev mailbox; its link leads to the applications page
        String interviewLink = pages.linkFromMailbox(page.context(), email,
                "Your application for " + title + ": invited to interview", "/candidate/applications");
        assertThat(interviewLink).endsWith("/candidate/applications");
        String appointedLink = pages.linkFromMailbox(page.context(), email,
                "Your application for " + title + ": appointed", "/candidate/applications");
        page.navigate(appointedLink);
        assertThat(page.getByTestId("own-application-status").first()).hasText("Appointed");

        // 7. their data: consent as they chose it, and a download holding profile and
        // application
        page.navigate(web + "/account/data");
        assertThat(page.locator("h1")).hasText("Your data");
        assertThat(page.locator("[data-purpose=candidate-profile] [data-testid=consent-state]")).hasText("given");
        pages.checkAtBothWidths(page, "your data");
        Download download = page.waitForDownload(() -> page.getByTestId("download-export").click());
        assertThat(download.suggestedFilename()).isEqualTo("launchpad-export.json");
        JsonNode export = JsonMapper.builder().build().readTree(Files.readString(download.path()));
        assertThat(export.get("person").get("email").asText()).isEqualTo(email);
        assertThat(export.get("person").get("username").asText()).isEqualTo(username);
        JsonNode profile = export.get("candidateProfile");
        assertThat(profile.toString()).contains(headline)
            .contains("Grew up in a council home in Salford")
            .contains("data-governance");
        assertThat(export.get("applications").toString()).contains(statement).contains("appointed").contains(feedback);

        // 8. erasure, after a confirmation page that refuses an unticked box
        assertThat(keycloakUsers(username)).as("Keycloak knows " + username + " before erasure").isEqualTo(1);
        page.getByTestId("erase-link").click();
        assertThat(page.locator("h1")).hasText("Erase your data");
        pages.checkAtBothWidths(page, "erase: confirm");
        page.getByTestId("erase-account").click();
        assertThat(page.locator("[data-field=confirm]")).containsText("Tick the box to confirm");
        assertThat(page.getByTestId("error-summary").locator("a[href='#confirm']")).isVisible();
        pages.checkAtBothWidths(page, "erase: confirm with an error");
        page.locator("#confirm").check();
        page.getByTestId("erase-account").click();
        assertThat(page.getByTestId("erased")).containsText("signed out");
        assertThat(page.getByTestId("sign-in-account-deleted")).isVisible();
        assertThat(page.getByTestId("sign-in")).isVisible();
        pages.checkAtBothWidths(page, "account erased");
        page.navigate(web + "/account/data");
        assertThat(page.locator("h1")).not().hasText("Your data");
        page.context().close();

        // 9. the Keycloak account is gone: the same username and password fail on
        // Keycloak's own page
        Page later = pages.newVisitor();
        later.navigate(web + "/");
        later.getByTestId("sign-in").click();
        later.waitForURL(url -> url.startsWith(stack.keycloak().baseUrl()));
        later.locator("#username").fill(username);
        later.locator("#password").fill(PASSWORD);
        later.locator("#kc-login").click();
        assertThat(later.getByTestId("error-summary"))
            .containsText("Enter a correct username or email address and password");
        assertThat(later.url()).as("still on Keycloak's page").startsWith(stack.keycloak().baseUrl());
        pages.checkAtBothWidths(later, "sign in as the erased person");
        later.context().close();
        assertThat(keycloakUsers(username)).as("Keycloak users named " + username + " after erasure").isZero();

        pages.assertNoAccessibilityProblems("candidate journey");
        System.out.printf("candidate journey took %d s%n", (System.nanoTime() - started) / 1_000_000_000L);
    }

    private static String openBoardRole(ApiClient association, String organisationId, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("organisationId", organisationId);
        body.put("title", title);
        body.put("description",
                "Our board steers a digital transformation of tenant services and needs data leadership");
        body.put("skillsMatrix", List.of(Map.of("skill", "strategic-thinking", "level", "practitioner")));
        body.put("skillGaps", List.of(Map.of("skill", "data-governance", "level", "practitioner"),
                Map.of("skill", "information-security", "level", "working")));
        body.put("timeCommitment", "Six board meetings a year and the audit committee");
        body.put("hoursPerMonth", 8);
        body.put("remuneration", "voluntary");
        body.put("region", "north-west");
        body.put("remote", true);
        body.put("closingDate", LocalDate.now().plusDays(30).toString());
        body.put("diversityAims", "We welcome applicants with lived experience of social housing");
        ApiClient.Response created = association.post("/api/v1/board-roles", body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        String id = created.body().get("id").asText();
        ApiClient.Response published = association.post("/api/v1/board-roles/" + id + "/publish", null);
        assertThat(published.status()).as(String.valueOf(published.body())).isEqualTo(200);
        return id;
    }

    private static String onlyApplication(ApiClient association, String roleId) {
        ApiClient.Response applications = association.get("/api/v1/board-roles/" + roleId + "/applications");
        assertThat(applications.status()).as(String.valueOf(applications.body())).isEqualTo(200);
        JsonNode items = applications.body().get("items");
        assertThat(items.size()).isEqualTo(1);
        return items.get(0).get("id").asText();
    }

    private static void decide(ApiClient association, String applicationId, String status, String feedback) {
        Map<String, Object> body = new HashMap<>();
        body.put("status", status);
        if (feedback != null) {
            body.put("feedback", feedback);
        }
        ApiClient.Response decided = association.post("/api/v1/applications/" + applicationId + "/status", body);
        assertThat(decided.status()).as(String.valueOf(decided.body())).isEqualTo(200);
    }

    /**
     * Users of that exact username in the realm, asked through Keycloak's admin API as
     * the dev stack's admin.
     */
    private static int keycloakUsers(String username) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String keycloak = stack.keycloak().baseUrl();
        String form = "grant_type=password&client_id=admin-cli&username=admin&password=admin";
        HttpResponse<String> token = http
            .send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        String accessToken = JsonMapper.builder().build().readTree(token.body()).get("access_token").asText();
        HttpResponse<String> users = http.send(HttpRequest
            .newBuilder(URI.create(keycloak + "/admin/realms/" + KeycloakServer.REALM + "/users?exact=true&username="
                    + URLEncoder.encode(username, StandardCharsets.UTF_8)))
            .header("Authorization", "Bearer " + accessToken)
            .GET()
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(users.statusCode()).as(users.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(users.body()).size();
    }

}
