package io.launchpad.systemtests;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import io.launchpad.infra.stack.LaunchpadStack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the browser journeys share: people signed in through Keycloak's own login page, pages
 * reloaded until the index has caught up, and axe-core run on every page visited. One instance per
 * journey, so its accessibility report covers that journey alone.
 */
final class BrowserPages {

    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private final LaunchpadStack stack = Product.stack();
    private final Browser browser = Chromium.browser();
    private final List<String> accessibilityProblems = new ArrayList<>();
    private int pagesChecked;

    /** A fresh browser context (no shared cookies), signed in with the realm's test password. */
    Page signIn(String username) {
        // axe runs its script through the DevTools protocol; the pages themselves forbid script (CSP)
        Page page = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true).setAcceptDownloads(true))
                .newPage();
        page.setDefaultNavigationTimeout(90_000);
        page.navigate(stack.web().baseUrl() + "/");
        page.getByTestId("sign-in").click();
        page.waitForURL(url -> url.startsWith(stack.keycloak().baseUrl()));
        page.locator("#username").fill(username);
        page.locator("#password").fill("launchpad");
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(stack.web().baseUrl()));
        return page;
    }

    /** Runs axe-core (WCAG 2.1 A and AA) on the page and keeps what it finds for one report at the end. */
    void check(Page page, String name) {
        AxeResults results = new AxeBuilder(page).withTags(WCAG).analyze();
        // an axe run that checked nothing would pass silently: make sure it looked at the page
        assertThat(results.getPasses()).as("axe-core checks on " + name).isNotEmpty();
        pagesChecked++;
        System.out.printf("axe-core on %s: %d rules passed, %d violated%n", name, results.getPasses().size(),
                results.getViolations().size());
        for (Rule violation : results.getViolations()) {
            accessibilityProblems.add(name + ": " + violation.getId() + " – " + violation.getHelp() + " at "
                    + violation.getNodes().stream().map(node -> String.valueOf(node.getTarget()))
                    .collect(Collectors.joining(", ")));
        }
    }

    /** The report at the end of a journey: every violation axe-core found on the way, none allowed. */
    void assertNoAccessibilityProblems(String journey) {
        System.out.printf("axe-core checked %d pages of the %s; %d violations%n", pagesChecked, journey,
                accessibilityProblems.size());
        assertThat(accessibilityProblems).as(String.join("\n", accessibilityProblems)).isEmpty();
    }

    /** Reloads the page until an element with the test id shows the text: matches and notifications come asynchronously. */
    static void reloadUntil(Page page, String url, String testId, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            page.navigate(url);
            if (page.getByTestId(testId).allTextContents().stream().anyMatch(t -> t.contains(text))) {
                return;
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError(url + " never showed '" + text + "'");
    }
}
