package io.launchpad.systemtests;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.launchpad.infra.stack.LaunchpadStack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitUntilState;

/**
 * What the browser journeys share: people signed in through Keycloak's own login page,
 * pages signed up through its registration pages, pages reloaded until the index has
 * caught up, and axe-core run on every page visited (at 320 px and 1280 px with
 * {@link #checkAtBothWidths}). One instance per journey, so its accessibility report
 * covers that journey alone.
 */
final class BrowserPages {

    /**
     * WCAG 2.2 AA as far as axe-core checks it: the 2.0 and 2.1 A/AA rules and the one
     * 2.2 adds (target size), in one run per page, as each run injects axe-core afresh.
     */
    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private final LaunchpadStack stack = Product.stack();

    private final Browser browser = Chromium.browser();

    private final List<String> accessibilityProblems = new ArrayList<>();

    private int pagesChecked;

    private String lastMailText;

    private boolean menuOpenedAt320;

    /**
     * A fresh browser context (no shared cookies), signed in with the realm's test
     * password.
     */
    Page signIn(String username) {
        // axe runs its script through the DevTools protocol; the pages themselves forbid
        // script (CSP)
        Page page = context(new Browser.NewContextOptions().setBypassCSP(true).setAcceptDownloads(true)).newPage();
        page.navigate(stack.web().baseUrl() + "/");
        page.getByTestId("sign-in").click();
        page.waitForURL(url -> url.startsWith(stack.keycloak().baseUrl()));
        page.locator("#username").fill(username);
        page.locator("#password").fill("launchpad");
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(stack.web().baseUrl()));
        return page;
    }

    /**
     * A browser of its own, as a new visitor; axe runs its script through DevTools, past
     * Keycloak's CSP.
     */
    Page newVisitor() {
        return context(new Browser.NewContextOptions().setBypassCSP(true).setViewportSize(1280, 800)).newPage();
    }

    /**
     * A context whose every page (the mailbox tab too) allows 90 s for an action and for
     * a navigation: on two shared cores, while the whole product and a browser run, the
     * first sign-in or token exchange of a run has taken longer than Playwright's 30 s
     * default (a click waits for the navigation it starts).
     */
    private BrowserContext context(Browser.NewContextOptions options) {
        BrowserContext context = browser.newContext(options);
        context.setDefaultTimeout(90_000);
        context.setDefaultNavigationTimeout(90_000);
        return context;
    }

    /**
     * axe-core at a phone's 320 px and a desktop's 1280 px; at 320 px the page must not
     * scroll sideways.
     */
    void checkAtBothWidths(Page page, String name) {
        page.setViewportSize(320, 640);
        Object overflow = page
            .evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as(name + " scrolls sideways at 320 px by").isLessThanOrEqualTo(0);
        check(page, name + " (320 px)");
        Locator menu = page.getByTestId("menu-toggle");
        if (menu.count() > 0) {
            // signed in, the header is one line on a phone: the links fold under "Menu"
            assertThat(page.locator("header.site-header").boundingBox().height).as(name + ": header height at 320 px")
                .isLessThan(80);
            if (!menuOpenedAt320) {
                menuOpenedAt320 = true;
                menu.click();
                PlaywrightAssertions.assertThat(page.getByTestId("nav-your-data")).isVisible();
                check(page, name + " (320 px, menu open)");
                menu.click();
            }
        }
        // for people reviewing the look: target/screenshots/*-320.png
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
            .setPath(Path.of("target/screenshots/" + name.replaceAll("[^a-z0-9]+", "-") + "-320.png")));
        page.setViewportSize(1280, 800);
        check(page, name + " (1280 px)");
        if (menu.count() > 0) {
            PlaywrightAssertions.assertThat(page.getByTestId("nav-your-data")).isVisible();
        }
    }

    /**
     * Opens the dev mailbox in another tab of the same browser, waits for the newest
     * email to the address with the subject, opens it and returns its link containing
     * {@code linkPart}.
     */
    String linkFromMailbox(BrowserContext context, String to, String subject, String linkPart)
            throws InterruptedException {
        Page mailbox = context.newPage();
        try {
            // Playwright objects belong to the thread that made them
            Locator row = await().alias("an email '" + subject + "' to " + to + " in the mailbox")
                .pollInSameThread()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    mailbox.navigate(stack.mailbox().baseUrl() + "/");
                    return mailbox.getByTestId("mailbox-item")
                        .filter(new Locator.FilterOptions().setHasText(to))
                        .filter(new Locator.FilterOptions().setHasText(subject))
                        .first();
                }, found -> found.count() > 0);
            checkAtBothWidths(mailbox, "dev mailbox");
            row.getByRole(AriaRole.LINK).click();
            PlaywrightAssertions.assertThat(mailbox.getByTestId("mail-to")).containsText(to);
            PlaywrightAssertions.assertThat(mailbox.getByTestId("mail-text")).isVisible();
            lastMailText = mailbox.getByTestId("mail-text").textContent();
            // no axe-core here: it waits forever for the email's own HTML, framed where
            // no script may run
            Locator link = mailbox.getByTestId("mail-links")
                .locator("a")
                .filter(new Locator.FilterOptions().setHasText(linkPart))
                .first();
            PlaywrightAssertions.assertThat(link).isVisible();
            return link.getAttribute("href");
        }
        finally {
            mailbox.close();
        }
    }

    /**
     * Keycloak asks to confirm when a link is opened where the sign-in did not start;
     * here it should not.
     */
    void proceedIfKeycloakAsks(Page page, String name) {
        page.waitForLoadState();
        if (page.url().startsWith(stack.keycloak().baseUrl()) && page.locator("#kc-proceed").count() > 0) {
            checkAtBothWidths(page, name + " (confirm)");
            page.locator("#kc-proceed").click();
        }
    }

    /**
     * A new person signs up through Keycloak's own pages (create an account, confirm the
     * address from the dev mailbox, choose a password) and arrives signed in on the web
     * app, every page checked at both widths. Returns their browser page.
     */
    Page signUp(String username, String email, String firstName, String lastName, String password)
            throws InterruptedException {
        Page page = newVisitor();
        page.navigate(stack.web().baseUrl() + "/");
        page.getByTestId("sign-in").click();
        page.waitForURL(url -> url.startsWith(stack.keycloak().baseUrl()));
        page.locator("#kc-register").click();
        page.locator("#username").fill(username);
        page.locator("#email").fill(email);
        page.locator("#firstName").fill(firstName);
        page.locator("#lastName").fill(lastName);
        page.locator("#kc-register").click();
        PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Check your email");
        page.navigate(
                linkFromMailbox(page.context(), email, "Confirm your email address", "login-actions/action-token"));
        proceedIfKeycloakAsks(page, "email confirmed");
        page.locator("#password-new").fill(password);
        page.locator("#password-confirm").fill(password);
        page.locator("#kc-update-password").click();
        // arriving is enough: on a loaded machine the page's own load event has been seen
        // to stall past 30 s
        page.waitForURL(url -> url.startsWith(stack.web().baseUrl()),
                new Page.WaitForURLOptions().setTimeout(90_000).setWaitUntil(WaitUntilState.COMMIT));
        return page;
    }

    /** The plain-text part of the email {@link #linkFromMailbox} last opened. */
    String lastMailText() {
        return lastMailText;
    }

    /**
     * Runs axe-core (WCAG 2.1 A and AA) on the page and keeps what it finds for one
     * report at the end.
     */
    void check(Page page, String name) {
        AxeResults results = new AxeBuilder(page).withTags(WCAG).analyze();
        // an axe run that checked nothing would pass silently: make sure it looked at the
        // page
        assertThat(results.getPasses()).as("axe-core checks on " + name).isNotEmpty();
        pagesChecked++;
        System.out.printf("axe-core on %s: %d rules passed, %d violated%n", name, results.getPasses().size(),
                results.getViolations().size());
        for (Rule violation : results.getViolations()) {
            accessibilityProblems.add(name + ": " + violation.getId() + " – " + violation.getHelp() + " at "
                    + violation.getNodes()
                        .stream()
                        .map(node -> String.valueOf(node.getTarget()))
                        .collect(Collectors.joining(", ")));
        }
    }

    /**
     * The report at the end of a journey: every violation axe-core found on the way, none
     * allowed.
     */
    void assertNoAccessibilityProblems(String journey) {
        System.out.printf("axe-core checked %d pages of the %s; %d violations%n", pagesChecked, journey,
                accessibilityProblems.size());
        assertThat(accessibilityProblems).as(String.join("\n", accessibilityProblems)).isEmpty();
    }

    /**
     * Reloads the page until an element with the test id shows the text: matches and
     * notifications come asynchronously.
     */
    static void reloadUntil(Page page, String url, String testId, String text) {
        // Playwright objects belong to the thread that made them
        await().alias(url + " showing '" + text + "'")
            .pollInSameThread()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> {
                page.navigate(url);
                return page.getByTestId(testId).allTextContents().stream().anyMatch(t -> t.contains(text));
            });
    }

}
