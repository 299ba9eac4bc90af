package sfa.backend.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sfa.backend.keycloak.KeycloakTestServer;

/**
 * The platform on a random port with a real Keycloak, and Debian's chromium: every test logs in through
 * Keycloak's own login page; no page may log a console error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sfa.data-dir=memory")
abstract class BrowserTest {

    @LocalServerPort
    int port;

    BrowserSession browser;

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) throws java.io.IOException {
        registry.add("sfa.security.issuer-uri", () -> KeycloakTestServer.get().issuerUri().toString());
        int port = sfa.backend.TestPorts.free();
        registry.add("sfa.opcua.enabled", () -> "true");
        registry.add("sfa.opcua.port", () -> port);
        registry.add("sfa.opcua.bind", () -> "127.0.0.1");
    }

    static {
        // CI machines can be several times slower than a school PC (Keycloak took 34 s to start on one, 5 s here):
        // an assertion waits up to 15 s for what a user would see, instead of Playwright's 5 s
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    }

    @BeforeEach
    void openBrowser() {
        Assumptions.assumeTrue(BrowserSession.available(), "Debian's chromium is not installed (bin/test installs it)");
        browser = new BrowserSession("ko-KR");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            assertThat(browser.consoleErrors).as("console errors").isEmpty();
            browser.close();
        }
    }

    Page logIn(String username) {
        return logIn(browser, username);
    }

    Page logIn(BrowserSession session, String username) {
        Page page = session.page;
        page.navigate("http://localhost:" + port + "/");
        page.locator("#username").fill(username);
        page.locator("#password").fill("demo1234");
        page.locator("#kc-login").click();
        page.waitForURL("http://localhost:" + port + "/**");
        return page;
    }

    /** Replaces the program in the workbench's editor as a student would: click into it, select all, type. */
    static void typeProgram(Page page, String program) {
        page.locator("#workbench .CodeMirror").click();
        page.keyboard().press("Control+A");
        page.keyboard().insertText(program);
    }
}
