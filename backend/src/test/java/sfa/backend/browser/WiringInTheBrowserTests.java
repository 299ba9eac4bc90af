package sfa.backend.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A student wires the sensors lab in a real browser by dragging wires between terminals: a short blows the fuse and
 * the shorted net is highlighted, undo takes it back, the model wiring lights both inputs and grades as passed.
 */
class WiringInTheBrowserTests extends BrowserTest {

    private static final Pattern ON = Pattern.compile(".*\\bon\\b.*");

    private static void drag(Page page, String from, String to) {
        page.locator("#wiring .terminal[data-terminal='" + from + "']")
                .dragTo(page.locator("#wiring .terminal[data-terminal='" + to + "']"));
    }

    @Test
    void aStudentWiresTheSensorsByDraggingSeesAShortBlowTheFuseUndoesItAndPasses() throws Exception {
        Page page = logIn("gm-student1");
        page.navigate("http://localhost:" + port + "/units/pnp-npn-wiring/labs/wiring-sensors");
        assertThat(page.locator("#wiring .terminal[data-terminal='PSU.+24V']")).isVisible();

        // a short: +24 V straight to 0 V through the input module's common
        drag(page, "IN.COM", "PSU.0V");
        drag(page, "IN.COM", "PSU.+24V");
        assertThat(page.locator("#fuse-PSU")).hasClass(Pattern.compile(".*\\bblown\\b.*"));
        assertThat(page.locator("#wiring-problems li[data-code=FUSE_BLOWN]")).containsText("퓨즈");
        assertThat(page.locator("#wiring .terminal.faulty[data-terminal='PSU.+24V']")).isVisible();
        browser.screenshot("wiring-short");

        page.locator("#wiring-undo").click();
        assertThat(page.locator("#fuse-PSU")).not().hasClass(Pattern.compile(".*\\bblown\\b.*"));
        assertThat(page.locator("#wiring .wire[data-wire]")).hasCount(1);

        // the model answer: S1 (PNP) straight to X0, S2 (NPN) through the interposing relay to X1
        drag(page, "PSU.+24V", "S1.BN");
        drag(page, "PSU.0V", "S1.BU");
        drag(page, "S1.BK", "IN.X0");
        drag(page, "PSU.+24V", "S2.BN");
        drag(page, "PSU.0V", "S2.BU");
        drag(page, "PSU.+24V", "K1.A1");
        drag(page, "K1.A2", "S2.BK");
        drag(page, "PSU.+24V", "K1.11");
        drag(page, "K1.14", "IN.X1");
        assertThat(page.locator("#wiring .wire[data-wire]")).hasCount(10);

        page.locator("#target-S1").check();
        assertThat(page.locator("#io-X0")).hasClass(ON);
        assertThat(page.locator("#io-X1")).not().hasClass(ON);
        page.locator("#target-S2").check();
        assertThat(page.locator("#io-X1")).hasClass(ON);
        assertThat(page.locator("#wiring-problems li")).hasCount(0);
        browser.screenshot("wiring");

        page.locator("#grade").click();
        assertThat(page.locator("#verdict li.passed")).hasCount(3);
        assertThat(page.locator("#verdict li.failed")).hasCount(0);

        page.reload();
        // the wiring survives a reload
        assertThat(page.locator("#wiring .wire[data-wire]")).hasCount(10);
    }
}
