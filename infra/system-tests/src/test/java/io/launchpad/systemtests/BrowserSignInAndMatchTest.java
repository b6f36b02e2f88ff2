package io.launchpad.systemtests;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import io.launchpad.infra.stack.LaunchpadStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import com.microsoft.playwright.Locator;

/**
 * A person in Debian's Chromium: signs in on Keycloak's own login page (code flow with
 * PKCE), lands back on the web front end and sees suppliers matched to their
 * association's challenge.
 */
class BrowserSignInAndMatchTest {

    private static LaunchpadStack stack;

    private static Browser browser;

    @BeforeAll
    static void start() {
        stack = Product.stack();
        browser = Chromium.browser();
    }

    @Test
    void associationSignsInOnKeycloakAndSeesRankedSuppliersForItsChallenge() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ApiClient ben = ApiClient.signedIn(stack, "ben.hughes");
        ApiClient tom = ApiClient.signedIn(stack, "tom.reid");
        String northgate = Journeys.registerOrganisation(stack, ben, "Northgate Homes " + run, "association");
        String fixflow = Journeys.registerOrganisation(stack, tom, "FixFlow " + run, "supplier");
        String supplier = Journeys.publishedSupplier(tom, fixflow, "FixFlow " + run,
                "Tenants report repairs from a phone with photos; we triage repairs and book appointments");
        String challenge = Journeys.publishedChallenge(ben, northgate, "Let tenants report repairs from a phone " + run,
                "Tenants should report a repair in two minutes from a phone",
                "Mobile repairs reporting with photos and appointment booking");
        Journeys.awaitMatches(ben, challenge, items -> Journeys.containsSupplier(items, supplier));

        Page page = browser.newContext().newPage();
        // a shared 2-core machine can be slow to render Keycloak's first login page
        page.setDefaultNavigationTimeout(90_000);
        page.onRequestFailed(
                request -> System.out.println("request failed: " + request.url() + " " + request.failure()));
        page.onResponse(response -> System.out.println("response " + response.status() + " " + response.url()));
        // the list moved to /challenges when / became the landing page (issue 12)
        page.navigate(stack.web().baseUrl() + "/challenges");
        assertThat(page.getByTestId("challenge-list")).containsText("Let tenants report repairs from a phone " + run);

        page.getByTestId("sign-in").click();
        page.waitForURL(url -> url.startsWith(stack.keycloak().baseUrl()));
        assertThat(page.url()).contains("code_challenge=").contains("code_challenge_method=S256");
        page.locator("#username").fill("ben.hughes");
        page.locator("#password").fill("launchpad");
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(stack.web().baseUrl()));
        assertThat(page.getByTestId("signed-in-user")).containsText("Ben");

        page.navigate(stack.web().baseUrl() + "/challenges/" + challenge);
        assertThat(page.getByTestId("matches")).isVisible();
        // other suites' suppliers share this index, so the order is the API tests'
        // business: here the
        // supplier written for this challenge is listed with its score and highlighted
        // words
        var fixflowMatch = page.getByTestId("match-item")
            .filter(new Locator.FilterOptions().setHasText("FixFlow " + run));
        assertThat(fixflowMatch).hasCount(1);
        assertThat(fixflowMatch.getByTestId("match-score")).containsText("/ 100");
        assertThat(fixflowMatch.locator("mark").first()).isVisible();

        // the same page shows no matches to a signed-out visitor
        Page visitor = browser.newContext().newPage();
        visitor.navigate(stack.web().baseUrl() + "/challenges/" + challenge);
        assertThat(visitor.locator("h1")).containsText("Let tenants report repairs from a phone " + run);
        assertThat(visitor.getByTestId("matches")).hasCount(0);
    }

}
