package sfa.backend.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A student in a real browser: logs in through the real Keycloak login page, finds their units in Korean,
 * reads a lesson and takes a quiz; the page never logs a console error.
 */
class StudentInTheBrowserTests extends BrowserTest {

    @Test
    void aStudentLogsInThroughKeycloakAndSeesTheirUnitsInKorean() {
        Page page = logIn("gm-student1");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("내 학습"))).isVisible();
        assertThat(page.locator("#units")).containsText("자기유지 회로");
        browser.screenshot("student-home");

        page.locator("#language").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My learning"))).isVisible();
        assertThat(page.locator("#units")).containsText("Self-holding circuits");
    }

    @Test
    void aStudentReadsALessonAndTakesTheQuizWithFeedbackForEachItem() {
        Page page = logIn("gm-student2");
        page.locator("#units a[href$='/units/self-hold']").click();
        assertThat(page).hasURL(Pattern.compile(".*/units/self-hold$"));

        page.locator("#lessons a").first().click();
        page.waitForURL("**/units/self-hold/lessons/**"); // and its load event: htmx has bound the buttons
        assertThat(page.locator("article.lesson h1")).isVisible();
        browser.screenshot("lesson");
        page.getByText("다 읽었습니다").click();
        assertThat(page.locator("#read")).containsText("✓ 읽음");

        page.getByText("단원으로", new Page.GetByTextOptions().setExact(false)).click();
        page.waitForURL("**/units/self-hold");
        assertThat(page.locator("#lessons")).containsText("✓ 읽음");
        page.locator("#item-q1 input[value=b]").check();
        page.locator("#item-q3 input[value=true]").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("제출하기")).click();

        assertThat(page.locator("#feedback-q1")).containsText("정답");
        assertThat(page.locator("#feedback-q2")).containsText("오답");
        page.locator("#quiz-result").scrollIntoViewIfNeeded();
        browser.screenshot("quiz-feedback");
    }

    @Test
    void aStudentRunsTheirProgramOnTheConveyorPressesStartOnThePanelAndGradesIt() throws Exception {
        Page page = logIn("gm-student2");
        page.navigate("http://localhost:" + port + "/units/self-hold/labs/conveyor-self-hold");
        assertThat(page.locator("#io-MOTOR")).isVisible();

        typeProgram(page, "PROGRAM Main\nVAR\n    MOTOR AT %QX0.0 : BOOL;\nEND_VAR\nMOTR := TRUE;\nEND_PROGRAM\n");
        assertThat(page.locator("#diagnostics li.error").first()).containsText("5:1");
        assertThat(page.locator("#diagnostics li.error").first()).containsText("MOTR");
        // the misspelt name is underlined in the editor itself
        assertThat(page.locator(".CodeMirror-lint-mark-error").first()).hasText("MOTR");
        // the lab's I/O names are offered while a name is typed
        page.keyboard().press("Control+End");
        page.keyboard().type("MO");
        assertThat(page.locator(".CodeMirror-hints")).containsText("MOTOR");
        page.keyboard().press("Escape");

        String solution = java.nio.file.Files.readString(java.nio.file.Path.of("..", "courseware", "solutions",
                "conveyor-self-hold.st"));
        typeProgram(page, solution);
        assertThat(page.locator("#diagnostics li.done")).isVisible();
        page.locator("#run").click();
        assertThat(page.locator("#device-START")).isVisible();

        page.locator("#device-START").dispatchEvent("pointerdown");
        assertThat(page.locator("#io-START")).hasClass(Pattern.compile(".*\\bon\\b.*"));
        assertThat(page.locator("#io-MOTOR")).hasClass(Pattern.compile(".*\\bon\\b.*"));
        assertThat(page.locator("#plant-MOTOR")).hasClass(Pattern.compile(".*\\brunning\\b.*"));
        assertThat(page.locator("#plant-LAMP_RUN")).hasClass(Pattern.compile(".*\\bon\\b.*"));
        // online values beside the variables, as a PLC programming device shows them
        assertThat(page.locator(".online[data-variable=MOTOR]").first()).hasText("TRUE");
        page.locator("#device-START").dispatchEvent("pointerup");
        browser.screenshot("workbench");

        page.locator("#grade").click();
        assertThat(page.locator("#verdict li.passed").first()).isVisible();
        assertThat(page.locator("#verdict li.failed")).hasCount(0);
        assertThat(page.locator("#timing canvas").first()).isVisible();
        assertThat(page.locator("#timing")).hasAttribute("data-signals", Pattern.compile(".*\\bMOTOR\\b.*"));

        page.reload();
        // the running session is found again after a reload
        assertThat(page.locator("#device-START")).isVisible();
        assertThat(page.locator("#io-MOTOR")).hasClass(Pattern.compile(".*\\bon\\b.*"));

        // forcing STOP to 0 (pressed, as it is NC) stops the motor; the board marks the forced input
        page.locator("#forcing summary").click();
        page.locator("#force-STOP").selectOption("0");
        assertThat(page.locator("#io-STOP")).hasClass(Pattern.compile(".*\\bforced\\b.*"));
        assertThat(page.locator("#io-MOTOR")).not().hasClass(Pattern.compile(".*\\bon\\b.*"));
        page.locator("#force-STOP").selectOption("");
        assertThat(page.locator("#io-STOP")).not().hasClass(Pattern.compile(".*\\bforced\\b.*"));

        // the E-stop latches with one press and is released by the next, as the real mushroom button
        page.locator("#device-START").dispatchEvent("pointerdown");
        assertThat(page.locator("#io-MOTOR")).hasClass(Pattern.compile(".*\\bon\\b.*"));
        page.locator("#device-START").dispatchEvent("pointerup");
        page.locator("#device-ESTOP").click();
        assertThat(page.locator("#device-ESTOP")).hasAttribute("aria-pressed", "true");
        assertThat(page.locator("#io-ESTOP_OK")).not().hasClass(Pattern.compile(".*\\bon\\b.*"));
        assertThat(page.locator("#io-MOTOR")).not().hasClass(Pattern.compile(".*\\bon\\b.*"));
        page.locator("#device-ESTOP").click();
        assertThat(page.locator("#io-ESTOP_OK")).hasClass(Pattern.compile(".*\\bon\\b.*"));
        assertThat(page.locator("#device-ESTOP")).hasAttribute("aria-pressed", "false");
    }

    @Test
    void aWrongProgramsGradeMarksTheFailingMomentOnTheTimingDiagram() throws Exception {
        Page page = logIn("gm-student1");
        page.navigate("http://localhost:" + port + "/units/self-hold/labs/conveyor-self-hold");
        String solution = java.nio.file.Files.readString(java.nio.file.Path.of("..", "courseware", "solutions",
                "conveyor-self-hold.st"));
        typeProgram(page, solution.replace("MOTOR := (START OR MOTOR) AND STOP AND ESTOP_OK;",
                "MOTOR := START AND STOP AND ESTOP_OK;"));

        page.locator("#grade").click();

        assertThat(page.locator("#verdict li.failed").first()).isVisible();
        assertThat(page.locator("#timing")).hasAttribute("data-failures", Pattern.compile(".+"));
        String failed = page.locator("#verdict li.failed").first().getAttribute("data-objective");
        page.locator("#verdict li.failed").first().click();
        // the diagram zooms to the failing moment of the objective clicked
        assertThat(page.locator("#timing")).hasAttribute("data-focus", failed);
        browser.screenshot("grade-timing");

        page.reload();
        assertThat(page.locator("#attempts tbody tr")).hasCount(1);
        assertThat(page.locator("#attempts tbody tr").first()).containsText("미통과");
    }

    @Test
    void aStudentOpensASessionForTheirOwnOpcUaClientAndSeesItsEndpointAndLogin() {
        Page page = logIn("gm-student1");
        page.navigate("http://localhost:" + port + "/units/self-hold/labs/conveyor-self-hold");

        page.locator("#opcua-open").click();

        assertThat(page.locator("#opcua-endpoint")).containsText("opc.tcp://localhost:");
        assertThat(page.locator("#opcua-user")).not().isEmpty();
        assertThat(page.locator("#opcua-password")).not().isEmpty();
        assertThat(page.locator("#opcua-node")).containsText("Labs/");
    }

    @Test
    void theSortingStationIsDrawnToScaleAndItsPartsMoveAlongTheBeltPastTheSensors() throws Exception {
        Page page = logIn("gm-student1");
        page.navigate("http://localhost:" + port + "/units/conveyor-sorting/labs/sorting-metal");
        // drawn before anything runs, from the lab's own geometry
        assertThat(page.locator("#plant-CONVEYOR")).isVisible();
        assertThat(page.locator("#plant-METAL")).isAttached();
        assertThat(page.locator("#plant-AT_PUSHER")).isAttached();

        typeProgram(page, java.nio.file.Files.readString(java.nio.file.Path.of("..", "courseware", "solutions", "sorting-metal.st")));
        assertThat(page.locator("#diagnostics li.done")).isVisible();
        page.locator("#run").click();
        assertThat(page.locator("#device-START")).isVisible();
        page.locator("#device-START").dispatchEvent("pointerdown");
        assertThat(page.locator("#io-CONVEYOR")).hasClass(Pattern.compile(".*\\bon\\b.*"));
        page.locator("#device-START").dispatchEvent("pointerup");

        var part = page.locator("#plant .part[data-part]").first();
        assertThat(part).isVisible();
        String x = part.getAttribute("x");
        assertThat(part).not().hasAttribute("x", x);
        assertThat(page.locator("#plant-CONVEYOR")).hasClass(Pattern.compile(".*\\brunning\\b.*"));
        // the first part is metal: it reaches the pusher at 1.4 m about 6.5 s after START and is pushed into bin A
        assertThat(page.locator("#plant")).containsText("BIN_A: 1",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
        browser.screenshot("workbench-sorting");
    }

    @Test
    void aLessonShowsItsFormulaTypesetAndItsDiagram() {
        Page page = logIn("gm-student1");
        page.navigate("http://localhost:" + port + "/units/analog-4-20ma/lessons/scaling");
        assertThat(page.locator("article.lesson .math .katex-display").first()).isVisible();

        page.navigate("http://localhost:" + port + "/units/pnp-npn-wiring/lessons/pnp-npn");
        var diagram = page.locator("article.lesson img").first();
        diagram.scrollIntoViewIfNeeded();
        page.waitForFunction("img => img.complete && img.naturalWidth > 0", diagram.elementHandle());
        org.assertj.core.api.Assertions.assertThat(diagram.getAttribute("alt")).contains("PNP");
        browser.screenshot("lesson-diagram");
    }
}
