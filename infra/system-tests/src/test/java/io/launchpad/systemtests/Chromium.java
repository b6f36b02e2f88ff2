package io.launchpad.systemtests;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright, launched once per test JVM for every browser
 * suite. Playwright's own browser download is not reachable here, hence the system
 * executable.
 */
final class Chromium {

    private static final Path EXECUTABLE = Path.of(System.getProperty("launchpad.chromium", "/usr/bin/chromium"));

    private static Browser browser;

    private Chromium() {
    }

    static synchronized Browser browser() {
        if (browser == null) {
            if (!Files.isExecutable(EXECUTABLE)) {
                throw new IllegalStateException(
                        "Chromium is needed at " + EXECUTABLE + ": apt-get install -y chromium");
            }
            Playwright playwright = Playwright
                .create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium()
                .launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
                    .setHeadless(true)
                    // without the networking flags Chromium keeps dialling Google on this
                    // closed network
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }, "chromium-close"));
        }
        return browser;
    }

}
