package sfa.backend.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/** A teacher in a real browser: makes a draft of a unit, edits a lesson, checks it and publishes it. */
class TeacherInTheBrowserTests extends BrowserTest {

    @Test
    void aTeacherEditsALessonInADraftChecksItAndPublishesTheNewVersion() {
        Page page = logIn("bs-teacher");
        page.navigate("http://localhost:" + port + "/units/hmi-design");
        page.locator("#edit-unit").click();
        page.locator("#new-draft").click();

        assertThat(page.locator("#editor")).isVisible();
        page.locator("#file option[value$='.ko.md']").first().waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        String lesson = page.locator("#file option[value$='.ko.md']").first().getAttribute("value");
        page.locator("#file").selectOption(lesson);
        String before = page.locator("#text").inputValue();
        page.locator("#text").fill("# 부산 2판: HMI 화면 다시 보기\n\n" + before);
        page.locator("#save").click();
        assertThat(page.locator("#problems")).containsText("저장했습니다");
        page.locator("#validate").click();
        assertThat(page.locator("#problems")).containsText("문제 없음");
        browser.screenshot("authoring");

        page.locator("#publish").click();
        assertThat(page.locator("#version-2 .status")).hasText("게시됨");
    }
}
