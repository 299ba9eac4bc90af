package sfa.backend.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's chromium driven by Playwright (never a downloaded browser), a 1366×768 window like a school PC,
 * collecting every console error the page prints.
 */
final class BrowserSession implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final Playwright playwright;
    private final Browser browser;
    final BrowserContext context;
    final Page page;
    final List<String> consoleErrors = new ArrayList<>();

    static boolean available() {
        return Files.isExecutable(CHROMIUM);
    }

    BrowserSession(String locale) {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox")));
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768).setLocale(locale));
        page = context.newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                consoleErrors.add(m.text() + " at " + m.location());
            }
        });
        page.onPageError(e -> consoleErrors.add("page error: " + e));
    }

    /** Saves a screenshot for the README tour into docs/screenshots. */
    void screenshot(String name) {
        Path dir = Path.of(System.getProperty("sfa.screenshots", "target/screenshots"));
        page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(false));
    }

    @Override
    public void close() {
        context.close();
        browser.close();
        playwright.close();
    }
}
