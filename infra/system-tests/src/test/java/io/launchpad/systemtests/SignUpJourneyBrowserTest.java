package io.launchpad.systemtests;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.launchpad.infra.stack.LaunchpadStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12's front door, Keycloak's half, in Debian's Chromium: a visitor finds "Create an account" on
 * the Launchpad sign-in page, gets mistakes explained beside their fields with what they typed kept,
 * registers, confirms their address from the email (read on the dev mailbox page, as a person trying
 * the product would), chooses a password and arrives signed in on the web app; then forgets their password, resets it
 * from the emailed link and signs in with the new one. axe-core checks every Keycloak page on the way
 * at 320 px and 1280 px wide, and at 320 px nothing scrolls sideways.
 */
class SignUpJourneyBrowserTest {

    private static final String PASSWORD = "harbour-lights-42";
    private static final String NEW_PASSWORD = "tidal-mooring-77";

    private static LaunchpadStack stack;

    private final BrowserPages pages = new BrowserPages();
    private final List<String> wcag22Problems = new ArrayList<>();

    @BeforeAll
    static void start() {
        stack = Product.stack();
    }

    @Test
    void aVisitorSignsUpConfirmsTheirEmailAndLaterResetsTheirPassword() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String username = "ada-" + run;
        String email = "ada." + run + "@example.org";
        String keycloak = stack.keycloak().baseUrl();

        // 1. sign-in, in the site's look, offers both ways out
        Page page = newVisitor();
        page.navigate(stack.web().baseUrl() + "/");
        page.getByTestId("sign-in").click();
        page.waitForURL(url -> url.startsWith(keycloak));
        assertThat(page.locator("h1")).hasText("Sign in to Launchpad");
        assertThat(page.locator("header.site-header .brand")).hasText("Launchpad");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("#kc-forgot-password")).hasText("Forgot your password?");
        checkAtBothWidths(page, "sign in");

        // 2. a wrong password is explained beside the field it is about, and in the summary
        page.locator("#username").fill("nobody-" + run);
        page.locator("#password").fill("not-her-password");
        page.locator("#kc-login").click();
        assertThat(page.getByTestId("error-summary")).containsText("Enter a correct username or email address and password");
        assertThat(page).hasTitle(java.util.regex.Pattern.compile("^Error: "));
        assertThat(page.locator("#username")).hasValue("nobody-" + run);
        checkAtBothWidths(page, "sign in with an error");

        // 3. create an account; mistakes are explained beside their fields, nothing typed is lost
        page.locator("#kc-register").click();
        assertThat(page.locator("h1")).hasText("Create an account");
        checkAtBothWidths(page, "create an account");
        page.locator("#username").fill(username);
        page.locator("#email").fill("ada." + run + "-example.org");
        page.locator("#firstName").fill("Ada");
        page.locator("#kc-register").click();
        assertThat(page).hasTitle(java.util.regex.Pattern.compile("^Error: Create an account"));
        Locator emailField = page.locator(".field--error").filter(new Locator.FilterOptions().setHas(page.locator("#email")));
        assertThat(emailField.locator(".error-message")).containsText("Enter an email address in the correct format");
        Locator lastNameField = page.locator(".field--error").filter(new Locator.FilterOptions().setHas(page.locator("#lastName")));
        assertThat(lastNameField.locator(".error-message")).containsText("Enter your last name");
        assertThat(page.locator(".field--error")).hasCount(2);
        assertThat(page.locator("#lastName")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#lastName")).hasAttribute("aria-describedby", "lastName-error");
        assertThat(page.getByTestId("error-summary").locator("a[href='#email']")).isVisible();
        assertThat(page.getByTestId("error-summary").locator("a[href='#lastName']")).hasText("Enter your last name");
        assertThat(page.locator("#username")).hasValue(username);
        assertThat(page.locator("#email")).hasValue("ada." + run + "-example.org");
        assertThat(page.locator("#firstName")).hasValue("Ada");
        checkAtBothWidths(page, "create an account with errors");

        page.locator("#email").fill(email);
        page.locator("#lastName").fill("Lovelace");
        page.locator("#kc-register").click();
        assertThat(page.locator("h1")).hasText("Check your email");
        assertThat(page.getByTestId("verify-email-instruction")).containsText(email);
        checkAtBothWidths(page, "check your email");

        // 4. the confirmation email, read on the dev mailbox page, leads on to choosing a password (set only
        //    once the address is proven, as Keycloak recommends); passwords that differ are refused
        String verifyLink = linkFromMailbox(page.context(), email, "Verify email", "login-actions/action-token");
        page.navigate(verifyLink);
        proceedIfKeycloakAsks(page, "email confirmed");
        assertThat(page.locator("h1")).hasText("Set your password");
        checkAtBothWidths(page, "set your password");
        page.locator("#password-new").fill(PASSWORD);
        page.locator("#password-confirm").fill(PASSWORD + "x");
        page.locator("#kc-update-password").click();
        Locator confirmField = page.locator(".field--error").filter(new Locator.FilterOptions().setHas(page.locator("#password-confirm")));
        assertThat(confirmField.locator(".error-message")).containsText("Enter the same password twice");
        assertThat(page.getByTestId("error-summary").locator("a[href='#password-confirm']"))
                .hasText("Enter the same password twice");
        checkAtBothWidths(page, "set your password with an error");
        page.locator("#password-new").fill(PASSWORD);
        page.locator("#password-confirm").fill(PASSWORD);
        page.locator("#kc-update-password").click();
        page.waitForURL(url -> url.startsWith(stack.web().baseUrl()));
        assertThat(page.getByTestId("signed-in-user")).containsText("Ada");
        page.context().close();

        // 5. forgot password: the form says what is missing, then a reset link sets a new password
        Page forgetful = newVisitor();
        forgetful.navigate(stack.web().baseUrl() + "/");
        forgetful.getByTestId("sign-in").click();
        forgetful.waitForURL(url -> url.startsWith(keycloak));
        forgetful.locator("#kc-forgot-password").click();
        assertThat(forgetful.locator("h1")).hasText("Reset your password");
        checkAtBothWidths(forgetful, "reset your password");
        forgetful.locator("#kc-reset-password").click();
        assertThat(forgetful.locator(".field--error .error-message")).containsText("Enter your username");
        checkAtBothWidths(forgetful, "reset your password with an error");
        forgetful.locator("#username").fill(email);
        forgetful.locator("#kc-reset-password").click();
        assertThat(forgetful.getByTestId("kc-message")).containsText("we have sent an email");
        checkAtBothWidths(forgetful, "sign in after asking for a reset link");

        String resetLink = linkFromMailbox(forgetful.context(), email, "Reset password", "login-actions/action-token");
        forgetful.navigate(resetLink);
        proceedIfKeycloakAsks(forgetful, "reset link");
        assertThat(forgetful.locator("h1")).hasText("Set your password");
        checkAtBothWidths(forgetful, "set a new password");
        forgetful.locator("#password-new").fill(NEW_PASSWORD);
        forgetful.locator("#password-confirm").fill(NEW_PASSWORD);
        forgetful.locator("#kc-update-password").click();
        forgetful.waitForURL(url -> url.startsWith(stack.web().baseUrl()));
        assertThat(forgetful.getByTestId("signed-in-user")).containsText("Ada");
        forgetful.context().close();

        // 6. the new password works from a fresh browser; the old one no longer does
        Page later = newVisitor();
        later.navigate(stack.web().baseUrl() + "/");
        later.getByTestId("sign-in").click();
        later.waitForURL(url -> url.startsWith(keycloak));
        later.locator("#username").fill(email);
        later.locator("#password").fill(PASSWORD);
        later.locator("#kc-login").click();
        assertThat(later.getByTestId("error-summary")).isVisible();
        later.locator("#password").fill(NEW_PASSWORD);
        later.locator("#kc-login").click();
        later.waitForURL(url -> url.startsWith(stack.web().baseUrl()));
        assertThat(later.getByTestId("signed-in-user")).containsText("Ada");
        later.context().close();

        pages.assertNoAccessibilityProblems("sign-up and password reset journey");
        assertThat(wcag22Problems).as(String.join("\n", wcag22Problems)).isEmpty();
    }

    /** A browser of its own, as a new visitor; axe runs its script through DevTools, past Keycloak's CSP. */
    private static Page newVisitor() {
        Page page = Chromium.browser().newContext(new Browser.NewContextOptions().setBypassCSP(true)
                .setViewportSize(1280, 800)).newPage();
        page.setDefaultNavigationTimeout(90_000);
        return page;
    }

    /** axe-core at a phone's 320 px and a desktop's 1280 px; at 320 px the page must not scroll sideways. */
    private void checkAtBothWidths(Page page, String name) {
        page.setViewportSize(320, 640);
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as(name + " scrolls sideways at 320 px by").isLessThanOrEqualTo(0);
        pages.check(page, name + " (320 px)");
        checkWcag22(page, name + " (320 px)");
        // for people reviewing the look: target/screenshots/sign-up-*.png
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target/screenshots/sign-up-" + name.replaceAll("[^a-z0-9]+", "-") + "-320.png")));
        page.setViewportSize(1280, 800);
        pages.check(page, name + " (1280 px)");
        checkWcag22(page, name + " (1280 px)");
    }

    /** The WCAG 2.2 AA rules axe-core has (target size) on top of BrowserPages' 2.1 AA set. */
    private void checkWcag22(Page page, String name) {
        AxeResults results = new AxeBuilder(page).withTags(List.of("wcag22aa")).analyze();
        for (Rule violation : results.getViolations()) {
            wcag22Problems.add(name + ": " + violation.getId() + " – " + violation.getHelp());
        }
    }

    /**
     * Opens the dev mailbox in another tab of the same browser, waits for the newest email to the
     * address with the subject, opens it and returns its link containing {@code linkPart}.
     */
    private String linkFromMailbox(BrowserContext context, String to, String subject, String linkPart)
            throws InterruptedException {
        Page mailbox = context.newPage();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            Locator row = null;
            while (System.nanoTime() < deadline) {
                mailbox.navigate(stack.mailbox().baseUrl() + "/");
                row = mailbox.getByTestId("mailbox-item").filter(new Locator.FilterOptions().setHasText(to))
                        .filter(new Locator.FilterOptions().setHasText(subject)).first();
                if (row.count() > 0) {
                    break;
                }
                Thread.sleep(500);
            }
            assertThat(row == null ? 0 : row.count()).as("an email '" + subject + "' to " + to + " in the mailbox").isPositive();
            checkAtBothWidths(mailbox, "dev mailbox");
            row.getByRole(com.microsoft.playwright.options.AriaRole.LINK).click();
            assertThat(mailbox.getByTestId("mail-to")).containsText(to);
            assertThat(mailbox.getByTestId("mail-text")).isVisible();
            // no axe-core here: it waits forever for the email's own HTML, framed where no script may run
            Locator link = mailbox.getByTestId("mail-links").locator("a").filter(new Locator.FilterOptions()
                    .setHasText(linkPart)).first();
            assertThat(link).isVisible();
            return link.getAttribute("href");
        } finally {
            mailbox.close();
        }
    }

    /** Keycloak asks to confirm when a link is opened where the sign-in did not start; here it should not. */
    private void proceedIfKeycloakAsks(Page page, String name) {
        page.waitForLoadState();
        if (page.url().startsWith(stack.keycloak().baseUrl()) && page.locator("#kc-proceed").count() > 0) {
            checkAtBothWidths(page, name + " (confirm)");
            page.locator("#kc-proceed").click();
        }
    }
}
