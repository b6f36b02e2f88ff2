package io.launchpad.systemtests;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitUntilState;
import io.launchpad.infra.stack.LaunchpadStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import java.util.regex.Pattern;

/**
 * Issue 12's front door, Keycloak's half, in Debian's Chromium: a visitor finds "Create
 * an account" on the Launchpad sign-in page, gets mistakes explained beside their fields
 * with what they typed kept, registers, confirms their address from the email (read on
 * the dev mailbox page, as a person trying the product would), chooses a password and
 * arrives signed in on the web app; then forgets their password, resets it from the
 * emailed link and signs in with the new one. axe-core checks every Keycloak page on the
 * way at 320 px and 1280 px wide, and at 320 px nothing scrolls sideways. Signed in, they
 * change their password on the same themed pages (an application-initiated action, never
 * Keycloak's account console).
 */
class SignUpJourneyBrowserTest {

    private static final Page.WaitForURLOptions ARRIVED = new Page.WaitForURLOptions()
        .setWaitUntil(WaitUntilState.COMMIT);

    private static final String PASSWORD = "harbour-lights-42";

    private static final String NEW_PASSWORD = "tidal-mooring-77";

    private static LaunchpadStack stack;

    private final BrowserPages pages = new BrowserPages();

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
        Page page = pages.newVisitor();
        page.navigate(stack.web().baseUrl() + "/");
        page.getByTestId("sign-in").click();
        page.waitForURL(url -> url.startsWith(keycloak));
        assertThat(page.locator("h1")).hasText("Sign in to Launchpad");
        assertThat(page.locator("header.site-header .brand")).hasText("Launchpad");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("#kc-forgot-password")).hasText("Forgot your password?");
        pages.checkAtBothWidths(page, "sign in");

        // 2. a wrong password is explained beside the field it is about, and in the
        // summary
        page.locator("#username").fill("nobody-" + run);
        page.locator("#password").fill("not-her-password");
        page.locator("#kc-login").click();
        assertThat(page.getByTestId("error-summary"))
            .containsText("Enter a correct username or email address and password");
        assertThat(page).hasTitle(Pattern.compile("^Error: "));
        assertThat(page.locator("#username")).hasValue("nobody-" + run);
        pages.checkAtBothWidths(page, "sign in with an error");

        // 3. create an account; mistakes are explained beside their fields, nothing typed
        // is lost
        page.locator("#kc-register").click();
        assertThat(page.locator("h1")).hasText("Create an account");
        pages.checkAtBothWidths(page, "create an account");
        page.locator("#username").fill(username);
        page.locator("#email").fill("ada." + run + "-example.org");
        page.locator("#firstName").fill("Ada");
        page.locator("#kc-register").click();
        assertThat(page).hasTitle(Pattern.compile("^Error: Create an account"));
        Locator emailField = page.locator(".field--error")
            .filter(new Locator.FilterOptions().setHas(page.locator("#email")));
        assertThat(emailField.locator(".error-message")).containsText("Enter an email address in the correct format");
        Locator lastNameField = page.locator(".field--error")
            .filter(new Locator.FilterOptions().setHas(page.locator("#lastName")));
        assertThat(lastNameField.locator(".error-message")).containsText("Enter your last name");
        assertThat(page.locator(".field--error")).hasCount(2);
        assertThat(page.locator("#lastName")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#lastName")).hasAttribute("aria-describedby", "lastName-error");
        assertThat(page.getByTestId("error-summary").locator("a[href='#email']")).isVisible();
        assertThat(page.getByTestId("error-summary").locator("a[href='#lastName']")).hasText("Enter your last name");
        assertThat(page.locator("#username")).hasValue(username);
        assertThat(page.locator("#email")).hasValue("ada." + run + "-example.org");
        assertThat(page.locator("#firstName")).hasValue("Ada");
        pages.checkAtBothWidths(page, "create an account with errors");

        page.locator("#email").fill(email);
        page.locator("#lastName").fill("Lovelace");
        page.locator("#kc-register").click();
        assertThat(page.locator("h1")).hasText("Check your email");
        assertThat(page.getByTestId("verify-email-instruction")).containsText(email);
        pages.checkAtBothWidths(page, "check your email");

        // 4. the confirmation email, read on the dev mailbox page, leads on to choosing a
        // password (set only
        // once the address is proven, as Keycloak recommends); passwords that differ are
        // refused
        String verifyLink = pages.linkFromMailbox(page.context(), email, "Confirm your email address",
                "login-actions/action-token");
        // Launchpad's email theme: a greeting by name, what happened, what to do next, a
        // sign-off
        assertThat(pages.lastMailText()).contains("Hello Ada,")
            .contains("confirm the address by opening this link")
            .contains("The Launchpad team");
        page.navigate(verifyLink);
        pages.proceedIfKeycloakAsks(page, "email confirmed");
        assertThat(page.locator("h1")).hasText("Set your password");
        pages.checkAtBothWidths(page, "set your password");
        page.locator("#password-new").fill(PASSWORD);
        page.locator("#password-confirm").fill(PASSWORD + "x");
        page.locator("#kc-update-password").click();
        Locator confirmField = page.locator(".field--error")
            .filter(new Locator.FilterOptions().setHas(page.locator("#password-confirm")));
        assertThat(confirmField.locator(".error-message")).containsText("Enter the same password twice");
        assertThat(page.getByTestId("error-summary").locator("a[href='#password-confirm']"))
            .hasText("Enter the same password twice");
        pages.checkAtBothWidths(page, "set your password with an error");
        page.locator("#password-new").fill(PASSWORD);
        page.locator("#password-confirm").fill(PASSWORD);
        page.locator("#kc-update-password").click();
        // arriving is enough, as in BrowserPages.signUp: the page's load event has been
        // seen
        // to stall here (its stylesheet request never reached the web, whose event loops
        // were idle)
        page.waitForURL(url -> url.startsWith(stack.web().baseUrl()), ARRIVED);
        assertThat(page.getByTestId("signed-in-user")).containsText("Ada");
        page.context().close();

        // 5. forgot password: the form says what is missing, then a reset link sets a new
        // password
        Page forgetful = pages.newVisitor();
        forgetful.navigate(stack.web().baseUrl() + "/");
        forgetful.getByTestId("sign-in").click();
        forgetful.waitForURL(url -> url.startsWith(keycloak));
        forgetful.locator("#kc-forgot-password").click();
        assertThat(forgetful.locator("h1")).hasText("Reset your password");
        pages.checkAtBothWidths(forgetful, "reset your password");
        forgetful.locator("#kc-reset-password").click();
        assertThat(forgetful.locator(".field--error .error-message")).containsText("Enter your username");
        pages.checkAtBothWidths(forgetful, "reset your password with an error");
        forgetful.locator("#username").fill(email);
        forgetful.locator("#kc-reset-password").click();
        assertThat(forgetful.getByTestId("kc-message")).containsText("we have sent an email");
        pages.checkAtBothWidths(forgetful, "sign in after asking for a reset link");

        String resetLink = pages.linkFromMailbox(forgetful.context(), email, "Reset your Launchpad password",
                "login-actions/action-token");
        assertThat(pages.lastMailText()).contains("Hello Ada,").contains("choose a new password by opening this link");
        forgetful.navigate(resetLink);
        pages.proceedIfKeycloakAsks(forgetful, "reset link");
        assertThat(forgetful.locator("h1")).hasText("Set your password");
        pages.checkAtBothWidths(forgetful, "set a new password");
        forgetful.locator("#password-new").fill(NEW_PASSWORD);
        forgetful.locator("#password-confirm").fill(NEW_PASSWORD);
        forgetful.locator("#kc-update-password").click();
        forgetful.waitForURL(url -> url.startsWith(stack.web().baseUrl()));
        assertThat(forgetful.getByTestId("signed-in-user")).containsText("Ada");
        forgetful.context().close();

        // 6. the new password works from a fresh browser; the old one no longer does
        Page later = pages.newVisitor();
        later.navigate(stack.web().baseUrl() + "/");
        later.getByTestId("sign-in").click();
        later.waitForURL(url -> url.startsWith(keycloak));
        later.locator("#username").fill(email);
        later.locator("#password").fill(PASSWORD);
        later.locator("#kc-login").click();
        assertThat(later.getByTestId("error-summary")).isVisible();
        later.locator("#password").fill(NEW_PASSWORD);
        later.locator("#kc-login").click();
        later.waitForURL(url -> url.startsWith(stack.web().baseUrl()), ARRIVED);
        assertThat(later.getByTestId("signed-in-user")).containsText("Ada");

        // 7. a signed-in person changes their password on Keycloak's themed page, not its
        // account console
        later.navigate(stack.web().baseUrl() + "/account/password");
        later.waitForURL(url -> url.startsWith(keycloak));
        assertThat(later.locator("h1")).hasText("Set your password");
        pages.checkAtBothWidths(later, "change your password");
        later.locator("#password-new").fill(PASSWORD);
        later.locator("#password-confirm").fill(PASSWORD);
        later.locator("#kc-update-password").click();
        later.waitForURL(url -> url.startsWith(stack.web().baseUrl()));
        assertThat(later.getByTestId("signed-in-user")).containsText("Ada");
        later.context().close();

        pages.assertNoAccessibilityProblems("sign-up and password reset journey");
    }

}
