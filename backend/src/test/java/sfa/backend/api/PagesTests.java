package sfa.backend.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The server-rendered pages with a browser login (the Playwright tests drive them in a real browser). */
class PagesTests extends ApiTest {

    static RequestPostProcessor browser(String username, String school) {
        return oidcLogin().idToken(t -> t.subject("id-" + username).claim("preferred_username", username)
                .claim("name", "김" + username).claim("school", school)
                .claim("realm_access", Map.of("roles", List.of("student"))));
    }

    @Test
    void theHomePageListsTheUnitsInKoreanAndSwitchesToEnglish() throws Exception {
        mvc.perform(get("/").with(browser("gm-page1", "gumi-electronic"))).andExpect(status().isOk())
                // the texts the pages' scripts show come from the bundle, in the page's language
                .andExpect(content().string(containsString("&quot;copied&quot;:&quot;복사했습니다&quot;")))
                .andExpect(content().string(containsString("자기유지 회로")))
                .andExpect(content().string(containsString("lang=\"ko\"")));
        mvc.perform(get("/").param("lang", "en").with(browser("gm-page1", "gumi-electronic"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Self-holding circuits")))
                .andExpect(content().string(containsString("My learning")));
    }

    @Test
    void aLessonIsRenderedFromMarkdownAndReadingItCountsInTheUnit() throws Exception {
        var me = browser("gm-page2", "gumi-electronic");
        mvc.perform(get("/units/self-hold/lessons/contacts").with(me)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>")))
                .andExpect(content().string(containsString("다 읽었습니다")));
        mvc.perform(post("/units/self-hold/lessons/contacts/read").with(me).with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(containsString("✓")));
        mvc.perform(get("/units/self-hold").with(me))
                .andExpect(content().string(containsString("✓ 읽음")));
    }

    @Test
    void aLessonsImageIsTheUnitsOwnSvgServedSoThatNothingInItRuns() throws Exception {
        var me = browser("gm-page6", "gumi-electronic");
        String page = mvc.perform(get("/units/pnp-npn-wiring/lessons/pnp-npn").with(me)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String src = page.replaceAll("(?s).*<img src=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        assertThat(src).isEqualTo("/units/pnp-npn-wiring/versions/1/images?path=lessons%2Fimg%2Fpnp-npn-load.svg");

        mvc.perform(get(java.net.URI.create(src)).with(me)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Type", containsString("image/svg+xml")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Security-Policy", containsString("sandbox")))
                .andExpect(content().string(containsString("<svg")));
        mvc.perform(get("/units/pnp-npn-wiring/versions/1/images").param("path", "unit.yaml").with(me))
                .andExpect(status().isNotFound());
        mvc.perform(get("/units/pnp-npn-wiring/versions/1/images").param("path", "lessons/img/none.svg").with(me))
                .andExpect(status().isNotFound());
    }

    @Test
    void aFormulaInALessonReachesThePageAsTexForKatex() throws Exception {
        mvc.perform(get("/units/analog-4-20ma/lessons/scaling").param("lang", "en").with(browser("gm-page7", "gumi-electronic")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<span class=\"math\" data-display=\"true\">\\text{value}")))
                .andExpect(content().string(containsString("katex.min.js")));
    }

    @Test
    void aQuizFormIsGradedAndAnsweredWithTheExplanationOfEachItem() throws Exception {
        var me = browser("gm-page3", "gumi-electronic");
        String page = mvc.perform(get("/units/self-hold").with(me)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("name=\"q1\"", "name=\"q6.press-start\"").doesNotContain("answer:");

        String feedback = mvc.perform(post("/units/self-hold/quiz").with(me).with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("q1=b&q2=a&q2=b&q3=true&q4=false&q5=100&q6.press-start=1&q6.motor-on=2&q6.release-start=3"
                                + "&q6.press-stop=4&q6.stays-off=5&q7.parallel=or&q7.series=and&q7.slash=not&q7.coil=assign"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(feedback).contains("feedback-q1", "정답", "통과했습니다");
    }

    @Test
    void rawHtmlInALessonIsShownAsTextNotRun() throws Exception {
        assertThat(new sfa.backend.web.Markdown().html("# 제목\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))"))
                .contains("&lt;script&gt;").doesNotContain("<script>").doesNotContain("javascript:");
    }

    @Test
    void pagesForbidForeignAndInlineScriptsFramingAndSniffing() throws Exception {
        mvc.perform(get("/").with(browser("gm-page8", "gumi-electronic"))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string(
                        "Content-Security-Policy", org.hamcrest.Matchers.allOf(containsString("script-src 'self';"),
                                containsString("frame-ancestors 'none'"), containsString("object-src 'none'"))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("X-Content-Type-Options", "nosniff"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("X-Frame-Options", "DENY"));
    }

    @Test
    void aStrangerIsSentToTheLogin() throws Exception {
        mvc.perform(get("/units/self-hold")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/").with(browser("gm-page4", "gumi-electronic")))
                .andExpect(content().string(not(containsString("Whitelabel"))));
    }

    static RequestPostProcessor staff(String username, String role, String school) {
        return oidcLogin().idToken(t -> t.subject("id-" + username).claim("preferred_username", username)
                .claim("name", username).claim("school", school).claim("realm_access", Map.of("roles", List.of(role))));
    }

    @Test
    void anAdministratorSeesTheSchoolsCompletionWithACsvLinkAndAStudentIsRefused() throws Exception {
        mvc.perform(get("/reports").with(staff("bs-admin", "school-admin", "busan-mechanical"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("이수 현황")))
                .andExpect(content().string(containsString("/api/schools/busan-mechanical/reports/completion.csv")));
        mvc.perform(get("/reports").with(browser("bs-page5", "busan-mechanical"))).andExpect(status().isForbidden());
        mvc.perform(get("/reports").accept(MediaType.TEXT_HTML).with(browser("bs-page5", "busan-mechanical")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("교사 이상만")));
        mvc.perform(get("/units/no-such-unit").accept(MediaType.TEXT_HTML).with(browser("bs-page5", "busan-mechanical")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("단원이 없습니다")));
    }

    @Test
    void theProgrammeAdministratorComparesTheThreeSchoolsOnOnePage() throws Exception {
        String page = mvc.perform(get("/reports").with(oidcLogin().idToken(t -> t.subject("pa").claim("preferred_username",
                        "program-admin").claim("realm_access", Map.of("roles", List.of("program-admin"))))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("사업 전체 이수 현황", "school-jeonbuk-mechanical", "school-busan-mechanical",
                "school-gumi-electronic", "/api/reports/programme.csv");
    }

    @Test
    void theCompletionPagesHaveChartsEachWithACaptionAndATableOfItsFiguresInTheReadersLanguage() throws Exception {
        var programmeAdmin = oidcLogin().idToken(t -> t.subject("pa").claim("preferred_username", "program-admin")
                .claim("realm_access", Map.of("roles", List.of("program-admin"))));
        String korean = mvc.perform(get("/reports").with(programmeAdmin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(korean).contains("학교별·분야별 이수율", "role=\"img\"", "aria-labelledby=\"programme-tracks-caption\"",
                "data-src=\"/api/reports/programme/charts\"", "표로 보기", "id=\"track-control\"", "장비제어",
                "/webjars/uplot/dist/uPlot.min.css", "/webjars/uplot/dist/uPlot.iife.min.js", "/js/report-charts.js");
        String english = mvc.perform(get("/reports").param("lang", "en").with(programmeAdmin))
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Completion per track, per school", "Show as a table", "equipment control (PLC)")
                .doesNotContain("표로 보기");

        String school = mvc.perform(get("/reports").with(staff("gm-admin", "school-admin", "gumi-electronic")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(school).contains("<h2>그래프</h2>", "/js/report-charts.js");
    }

    @Test
    void aTeacherPreviewsADraftAsAStudentWillSeeItWithoutTheQuizBeingSubmittable() throws Exception {
        var teacher = staff("jb-preview-teacher", "teacher", "jeonbuk-mechanical");
        mvc.perform(post("/api/schools/jeonbuk-mechanical/units/pneumatic-sequence/drafts").with(teacher).with(csrf()))
                .andExpect(status().isCreated());

        String page = mvc.perform(get("/authoring/pneumatic-sequence/preview/2").with(teacher)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("preview-banner", "/authoring/pneumatic-sequence/preview/2/lessons/")
                .doesNotContain("제출하기");
        mvc.perform(get("/authoring/pneumatic-sequence/preview/2").with(browser("jb-preview-student", "jeonbuk-mechanical")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aDraftsAuthoringPageOffersTheQuizFormForEveryItemTypeTheLabNotesAndTheFileEditorInTheTeachersLanguage()
            throws Exception {
        var teacher = staff("jb-form-teacher", "teacher", "jeonbuk-mechanical");
        mvc.perform(post("/api/schools/jeonbuk-mechanical/units/mes-production/drafts").with(teacher).with(csrf()))
                .andExpect(status().isCreated());

        String ko = mvc.perform(get("/authoring/mes-production").with(teacher)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String en = mvc.perform(get("/authoring/mes-production").param("lang", "en").with(teacher))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(ko).contains("id=\"quiz-editor\"", "id=\"lab-editor\"", "id=\"file-editor\"", "퀴즈 저장",
                "학생에게 보이는 모습", "data-msg-saved=\"저장했습니다\"");
        for (String type : List.of("single", "multiple", "true_false", "numeric", "ordering", "matching")) {
            assertThat(ko).contains("<option value=\"" + type + "\"");
        }
        assertThat(en).contains("Save quiz", "Partial scoring", "Files (advanced)", "As students will see it",
                "data-msg-ok=\"no problems\"").doesNotContain("퀴즈 저장", "??authoring");
    }
}
