package sfa.backend.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import sfa.backend.content.Content;
import sfa.backend.curriculum.Assignments;
import sfa.backend.learning.Enrollment;
import sfa.backend.school.SchoolClass;
import sfa.backend.school.SchoolClasses;
import sfa.courseware.Lesson;
import sfa.courseware.Unit;

/** A school administrator in a real browser: the school's completion with its charts, and its CSV for Excel. */
class AdministratorInTheBrowserTests extends BrowserTest {

    static final String JEONBUK = "jeonbuk-mechanical";

    @Autowired
    SchoolClasses classes;

    @Autowired
    Assignments assignments;

    @Autowired
    Content content;

    @Autowired
    MongoTemplate mongo;

    /** A class of four with two units; three completed the PLC unit over three weeks, one the sensor unit. */
    void aClassThatHasBeenLearningForThreeWeeks() {
        if (classes.find(JEONBUK, "jb-charts").isPresent()) {
            return;
        }
        classes.add(new SchoolClass("jb-charts", JEONBUK, "robot-automation", 2, "로봇 2-1", "2026-2",
                List.of("jb-chart1", "jb-chart2", "jb-chart3", "jb-chart4"), "jb-teacher"));
        for (String unit : List.of("plc-scan-cycle", "sensor-types")) {
            assignments.assign(JEONBUK, "jb-charts", unit, LocalDate.now().plusDays(7), "jb-teacher");
        }
        completed("jb-chart1", "plc-scan-cycle", 14);
        completed("jb-chart2", "plc-scan-cycle", 7);
        completed("jb-chart1", "sensor-types", 7);
        completed("jb-chart3", "plc-scan-cycle", 0);
    }

    /** The student's enrollment as the platform leaves it once every lesson, the quiz and the labs are done. */
    void completed(String student, String unitId, int daysAgo) {
        Unit unit = content.unit(unitId).orElseThrow();
        Instant at = Instant.now().minus(Duration.ofDays(daysAgo));
        mongo.save(new Enrollment(JEONBUK + "|" + student + "|" + unitId, JEONBUK, student, student, unitId, 1,
                at.minus(Duration.ofDays(3)), at, unit.lessons().stream().map(Lesson::id).toList(), 1, 100.0, true,
                List.of(), 1, unit.labs().stream().map(l -> l.lab()).distinct().toList(), at, List.of()));
    }

    @Test
    void anAdministratorSeesTheCompletionChartsWithTheirFiguresAndDownloadsTheCsv() throws Exception {
        aClassThatHasBeenLearningForThreeWeeks();
        Page page = logIn("jb-admin");
        page.locator("#nav-reports").click();
        assertThat(page.locator("h1")).containsText("이수 현황");

        for (String chart : List.of("over-time", "per-unit", "per-track")) {
            assertThat(page.locator("#" + chart + " .plot")).hasAttribute("data-drawn", "true");
            assertThat(page.locator("#" + chart + " canvas")).isVisible();
        }
        assertThat(page.locator("#over-time .plot")).hasAttribute("aria-labelledby", "over-time-caption");
        assertThat(page.locator("#over-time-caption")).hasText("주별 이수와 이수 누계");
        assertThat(page.locator("#over-time-summary")).containsText("3주 동안 단원 4개를 이수했습니다");
        assertThat(page.locator("#over-time .u-legend")).containsText("이수 누계");
        browser.screenshot("admin-completion");

        assertThat(page.locator("#per-unit-table")).not().isVisible();
        page.locator("#per-unit summary").click();
        assertThat(page.locator("#unit-plc-scan-cycle")).containsText("75.0% (3/4)");
        assertThat(page.locator("#unit-sensor-types")).containsText("25.0% (1/4)");
        page.locator("#per-track summary").click();
        assertThat(page.locator("#track-control")).containsText("장비제어");
        assertThat(page.locator("#track-control")).containsText("75.0% (3/4)");
        assertThat(page.locator("#track-ai")).containsText("대상 없음");
        page.locator("#over-time summary").click();
        assertThat(page.locator("#over-time-table tbody tr")).hasCount(3);
        assertThat(page.locator("#over-time-table tbody tr").last()).containsText("4");

        Download download = page.waitForDownload(() -> page.locator("#csv").click());

        byte[] csv = Files.readAllBytes(download.path());
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("학교 school,학과 department,반 class");
        assertThat(download.suggestedFilename()).startsWith("completion-jeonbuk-mechanical-").endsWith(".csv");

        page.navigate("http://localhost:" + port + "/reports?lang=en");
        assertThat(page.locator("#per-unit-caption")).hasText("Completion per unit");
        assertThat(page.locator("#per-unit .plot")).hasAttribute("data-drawn", "true");
        assertThat(page.locator("#per-unit .u-legend")).containsText("completion (%)");
    }

    @Test
    void theProgrammeAdministratorComparesTheSchoolsInChartsWithTablesOfTheirFigures() {
        aClassThatHasBeenLearningForThreeWeeks();
        Page page = logIn("program-admin");
        page.locator("#nav-reports").click();
        assertThat(page.locator("h1")).containsText("사업 전체 이수 현황");

        for (String chart : List.of("programme-over-time", "programme-tracks")) {
            assertThat(page.locator("#" + chart + " .plot")).hasAttribute("data-drawn", "true");
            assertThat(page.locator("#" + chart + " canvas")).isVisible();
        }
        assertThat(page.locator("#programme-tracks .u-legend")).containsText("국립전북기계공업고등학교");
        page.locator("#programme-tracks summary").click();
        assertThat(page.locator("#programme-tracks-table thead")).containsText("국립전북기계공업고등학교");
        assertThat(page.locator("#programme-tracks-table #track-control")).containsText("75.0% (3/4)");
    }
}
