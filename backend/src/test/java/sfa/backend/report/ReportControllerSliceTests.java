package sfa.backend.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import sfa.backend.content.Content;
import sfa.backend.school.SchoolScope;
import sfa.backend.security.CallerResolver;
import sfa.backend.security.SecurityConfiguration;

/** The report endpoints alone (a web slice: no store, the report service replaced), fast. */
@WebMvcTest(ReportController.class)
@Import({SecurityConfiguration.class, CallerResolver.class, SchoolScope.class, sfa.backend.web.Texts.class})
class ReportControllerSliceTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CompletionReport report;

    @MockitoBean
    CompletionCharts charts;

    @MockitoBean
    Content content;

    static RequestPostProcessor user(String name, String role, String school) {
        return jwt().jwt(j -> j.subject(name).claim("preferred_username", name)
                .claim("realm_access", Map.of("roles", List.of(role))).claim("school", school));
    }

    static CompletionRow row(String student, String name, boolean done) {
        return new CompletionRow("gumi-electronic", "robot-control", "c1", "로봇제어 2-1", 2, "2026-2", student, name,
                "self-hold", 1, done ? 100 : 40, done ? 2 : 1, 2, done ? 90.0 : 20.0, done, done ? 1 : 0, 1, done,
                done ? Instant.parse("2026-11-20T03:00:00Z") : null, LocalDate.parse("2026-12-01"), 1, 1, null);
    }

    @org.junit.jupiter.api.BeforeEach
    void gumiExists() {
        given(content.school("gumi-electronic")).willReturn(java.util.Optional.of(
                new sfa.courseware.school.School("gumi-electronic", new sfa.courseware.Text("구미", "Gumi"),
                        new sfa.courseware.Text("", ""), new sfa.courseware.Text("", ""), List.of(), List.of())));
    }

    @Test
    void theCsvHasAByteOrderMarkAKoreanHeaderAndOneRowPerStudentAndUnit() throws Exception {
        given(report.rows("gumi-electronic")).willReturn(List.of(row("gm-1", "김민준", true),
                row("gm-2", "=HYPERLINK(\"http://x\")", false)));

        byte[] body = mvc.perform(get("/api/schools/gumi-electronic/reports/completion.csv")
                        .with(user("gm-teacher", "teacher", "gumi-electronic")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        String csv = new String(body, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF학교 school,");
        String[] lines = csv.substring(1).split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).contains("김민준", "로봇제어 2-1", ",Y,2026-11-20T03:00:00Z,2026-12-01");
        assertThat(lines[2]).as("a formula in a name is defused").contains(",\"'=HYPERLINK(\"\"http://x\"\")\",");
    }

    @Test
    void aStudentOrAnotherSchoolIsRefusedBeforeAnyReportIsMade() throws Exception {
        mvc.perform(get("/api/schools/gumi-electronic/reports/completion.csv")
                        .with(user("gm-1", "student", "gumi-electronic")))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("role"));
        mvc.perform(get("/api/schools/gumi-electronic/reports/completion")
                        .with(user("bs-teacher", "teacher", "busan-mechanical")))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("not-your-school"));
        org.mockito.Mockito.verifyNoInteractions(report);
    }
}
