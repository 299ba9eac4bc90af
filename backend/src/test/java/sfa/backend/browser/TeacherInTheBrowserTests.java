package sfa.backend.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/** A teacher in a real browser: makes a draft of a unit, edits its quiz and a lesson, checks it and publishes it. */
class TeacherInTheBrowserTests extends BrowserTest {

    @Test
    void aTeacherEditsAQuizItemInTheFormAndALessonWithItsLivePreviewChecksAndPublishesAndAStudentGetsTheChange() {
        Page page = logIn("bs-teacher");
        page.navigate("http://localhost:" + port + "/units/hmi-design");
        page.locator("#edit-unit").click();
        // the button works once the page's module has run, which is before the load event waitForURL waits for
        page.waitForURL("**/authoring/hmi-design");
        page.locator("#new-draft").click();

        assertThat(page.locator("#editor")).isVisible();
        var firstItem = page.locator("#quiz-item-1");
        assertThat(firstItem).isVisible();
        firstItem.getByLabel("문제 (한국어)").fill("부산 2판: 좋은 HMI 화면의 첫째 조건은 무엇입니까?");
        page.locator("#quiz-save").click();
        assertThat(page.locator("#problems")).containsText("저장했습니다");
        assertThat(page.locator("#problems")).containsText("문제 없음");

        page.locator("#file option[value$='.ko.md']").first().waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        String lesson = page.locator("#file option[value$='.ko.md']").first().getAttribute("value");
        page.locator("#file").selectOption(lesson);
        assertThat(page.locator("#lesson-preview h1").first()).isVisible();
        String before = page.locator("#text").inputValue();
        page.locator("#text").fill("# 부산 2판: HMI 화면 다시 보기\n\n<script>alert(1)</script>\n\n" + before);
        assertThat(page.locator("#lesson-preview h1").first()).hasText("부산 2판: HMI 화면 다시 보기");
        assertThat(page.locator("#lesson-preview")).containsText("<script>alert(1)</script>");
        page.locator("#save").click();
        assertThat(page.locator("#problems")).containsText("저장했습니다");
        page.locator("#validate").click();
        assertThat(page.locator("#problems")).containsText("문제 없음");
        firstItem.scrollIntoViewIfNeeded();
        browser.screenshot("authoring");

        page.locator("#publish").click();
        assertThat(page.locator("#version-2 .status")).hasText("게시됨");

        try (BrowserSession student = new BrowserSession("ko-KR")) {
            Page unit = logIn(student, "bs-student2");
            unit.navigate("http://localhost:" + port + "/units/hmi-design");
            assertThat(unit.locator("#quiz fieldset").first()).containsText("부산 2판: 좋은 HMI 화면의 첫째 조건은 무엇입니까?");
            org.assertj.core.api.Assertions.assertThat(student.consoleErrors).isEmpty();
        }
    }

    @Test
    void aTeacherMakesAClassAddsAStudentAndAssignsAUnitWhichTheStudentThenSees() {
        Page page = logIn("gm-teacher");
        page.locator("#nav-classes").click();
        page.locator("#new-class input[name=name]").fill("제어 2-1");
        page.locator("#new-class select[name=department]").selectOption("electronic-system-control");
        page.locator("#new-class button[type=submit]").click();

        var card = page.locator("article[id='class-제어 2-1']");
        card.locator("input[name=username]").fill("gm-student2");
        card.locator("form[action$='/students'] button").click();
        assertThat(page.locator("article[id='class-제어 2-1'] .students")).containsText("gm-student2");
        page.locator("article[id='class-제어 2-1'] select[name=unit]").selectOption("timers-counters");
        page.locator("article[id='class-제어 2-1'] input[name=due]").fill(java.time.LocalDate.now().plusDays(10).toString());
        page.locator("article[id='class-제어 2-1'] form[action$='/assignments'] button").click();
        assertThat(page.locator("article[id='class-제어 2-1'] .assigned")).containsText("timers-counters");
        browser.screenshot("teacher-classes");

        try (BrowserSession student = new BrowserSession("ko-KR")) {
            Page home = logIn(student, "gm-student2");
            assertThat(home.locator("#assignments")).containsText("타이머");
            assertThat(home.locator("#assignments")).containsText("제어 2-1");
            org.assertj.core.api.Assertions.assertThat(student.consoleErrors).isEmpty();
        }
    }

    @Test
    void aTeacherReplaysAStudentsGradedLabRunOnItsTimingDiagram() throws Exception {
        try (BrowserSession student = new BrowserSession("ko-KR")) {
            Page page = logIn(student, "jb-student1");
            page.navigate("http://localhost:" + port + "/units/self-hold/labs/conveyor-self-hold");
            typeProgram(page, java.nio.file.Files.readString(java.nio.file.Path.of("..", "courseware",
                    "solutions", "wrong", "conveyor-self-hold", "no-self-hold.st")));
            page.locator("#grade").click();
            assertThat(page.locator("#verdict li.failed").first()).isVisible();
        }

        Page page = logIn("jb-teacher");
        page.navigate("http://localhost:" + port + "/students/jb-student1/units/self-hold");
        assertThat(page.locator("#lab-attempts tbody tr")).hasCount(1);
        page.locator("a.replay").first().click();

        // the attempt in the workbench, read-only: the program as submitted, the verdict, the timing diagram
        assertThat(page.locator("#replay .CodeMirror")).containsText("MOTOR");
        assertThat(page.locator("#verdict li.failed").first()).isVisible();
        assertThat(page.locator("#timing canvas").first()).isVisible();
        assertThat(page.locator("#timing")).hasAttribute("data-signals", java.util.regex.Pattern.compile(".*\\bMOTOR\\b.*"));
        page.locator("#verdict li.failed").first().click();
        assertThat(page.locator("#timing")).hasAttribute("data-focus", java.util.regex.Pattern.compile(".+"));
        // and the graded run played again on the plant
        page.locator("#replay-run").click();
        assertThat(page.locator("#time")).not().hasText("0.0 s");
        browser.screenshot("teacher-replay");
    }
}
