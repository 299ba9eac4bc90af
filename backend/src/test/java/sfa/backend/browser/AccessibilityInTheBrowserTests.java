package sfa.backend.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every main screen checked with Deque's axe-core rules for WCAG 2.1 A and AA (labels, names, contrast, landmarks,
 * language) in the real browser, as each role sees it, in Korean and in English.
 */
class AccessibilityInTheBrowserTests extends BrowserTest {

    private final List<String> problems = new ArrayList<>();

    private void check(Page page, String path) {
        page.navigate("http://localhost:" + port + path);
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        List<Rule> violations = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze().getViolations();
        for (Rule r : violations) {
            problems.add(path + ": " + r.getId() + " (" + r.getImpact() + ") " + r.getHelp() + " — "
                    + r.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList());
        }
    }

    @Test
    void aStudentsScreensPassTheAutomatedAccessibilityRules() {
        Page page = logIn("gm-student1");
        check(page, "/");
        check(page, "/units/self-hold");
        check(page, "/units/self-hold/lessons/contacts");
        check(page, "/units/self-hold/labs/conveyor-self-hold");
        check(page, "/units/conveyor-sorting/labs/sorting-metal");
        check(page, "/units/pnp-npn-wiring/labs/wiring-sensors");
        check(page, "/units/self-hold/labs/conveyor-self-hold?lang=en");
        assertThat(problems).isEmpty();
    }

    @Test
    void aTeachersAndAnAdministratorsScreensPassTheAutomatedAccessibilityRules() {
        Page page = logIn("gm-teacher");
        check(page, "/classes");
        check(page, "/authoring/self-hold");
        check(page, "/reports");
        try (BrowserSession admin = new BrowserSession("ko-KR")) {
            Page adminPage = logIn(admin, "program-admin");
            check(adminPage, "/reports");
            check(adminPage, "/reports?lang=en");
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theProgramEditorIndentsWithTabAndIsLeftWithEscapeThenTab() {
        Page page = logIn("gm-student2");
        page.navigate("http://localhost:" + port + "/units/self-hold/labs/conveyor-self-hold");
        page.locator("#workbench .CodeMirror").click();
        page.keyboard().press("Tab");
        assertThat(page.evaluate("document.activeElement.closest('.CodeMirror') !== null")).as("Tab indents").isEqualTo(true);

        page.keyboard().press("Escape");
        page.keyboard().press("Tab");
        page.keyboard().press("Tab");
        assertThat(page.evaluate("document.activeElement.closest('.CodeMirror') === null")).as("the keyboard left the editor")
                .isEqualTo(true);
    }
}
