package sfa.backend.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** A school administrator in a real browser: the school's completion, and its CSV for Excel. */
class AdministratorInTheBrowserTests extends BrowserTest {

    @Test
    void anAdministratorOpensTheCompletionPageAndDownloadsTheCsv() throws Exception {
        Page page = logIn("jb-admin");
        page.locator("#nav-reports").click();
        assertThat(page.locator("h1")).containsText("이수 현황");
        browser.screenshot("admin-completion");

        Download download = page.waitForDownload(() -> page.locator("#csv").click());

        byte[] csv = Files.readAllBytes(download.path());
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("학교 school,학과 department,반 class");
        assertThat(download.suggestedFilename()).startsWith("completion-jeonbuk-mechanical-").endsWith(".csv");
    }
}
