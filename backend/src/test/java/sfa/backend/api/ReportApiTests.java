package sfa.backend.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class ReportApiTests extends ApiTest {

    static final String JEONBUK = "jeonbuk-mechanical";
    static final String SCHOOL = "/api/schools/" + JEONBUK;

    String aClassWithTwoStudentsAndOneAssignedUnit(String name) throws Exception {
        var teacher = teacher("jb-teacher", JEONBUK);
        String body = mvc.perform(post(SCHOOL + "/classes").with(teacher).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"department\":\"robot-automation\",\"grade\":2,\"name\":\"" + name + "\",\"term\":\"2026-2\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");
        mvc.perform(put(SCHOOL + "/classes/" + id + "/students/jb-" + name + "-a").with(teacher)).andExpect(status().isOk());
        mvc.perform(put(SCHOOL + "/classes/" + id + "/students/jb-" + name + "-b").with(teacher))
                .andExpect(jsonPath("$.students.length()").value(2));
        mvc.perform(put(SCHOOL + "/classes/" + id + "/assignments/plc-scan-cycle").with(teacher)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"due\":\"" + LocalDate.now().plusDays(7) + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.unit").value("plc-scan-cycle"));
        return id;
    }

    @org.springframework.beans.factory.annotation.Autowired
    sfa.backend.content.Content content;

    void completePlcScanCycle(String username) throws Exception {
        complete(JEONBUK, username, "plc-scan-cycle");
    }

    /** What a student who studied does: reads each lesson, answers the quiz right, passes the lab (self-holding). */
    void complete(String school, String username, String unitId) throws Exception {
        var me = student(username, school);
        String unit = "/api/schools/" + school + "/my/units/" + unitId;
        String view = mvc.perform(post(unit).with(me)).andReturn().getResponse().getContentAsString();
        for (Object lesson : JsonPath.<java.util.List<Object>>read(view, "$.unit.lessons[*].id")) {
            mvc.perform(post(unit + "/lessons/" + lesson + "/read").with(me)).andExpect(status().isOk());
        }
        java.util.Map<String, Object> answers = new java.util.HashMap<>();
        for (var item : content.unit(unitId).orElseThrow().quiz().items()) {
            answers.put(item.id(), switch (item) {
                case sfa.courseware.quiz.QuizItem.Single q -> q.answer();
                case sfa.courseware.quiz.QuizItem.Multiple q -> q.answer();
                case sfa.courseware.quiz.QuizItem.TrueFalse q -> q.answer();
                case sfa.courseware.quiz.QuizItem.Numeric q -> q.answer();
                case sfa.courseware.quiz.QuizItem.Ordering q -> q.answer();
                case sfa.courseware.quiz.QuizItem.Matching q -> q.answer();
            });
        }
        String body = new tools.jackson.databind.ObjectMapper().writeValueAsString(java.util.Map.of("responses", answers));
        mvc.perform(post(unit + "/quiz/attempts").with(me).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(jsonPath("$.percent").value(100.0));
        String program = java.nio.file.Files.readString(content.root().resolve("courseware/solutions/conveyor-self-hold.st"));
        mvc.perform(post(unit + "/labs/conveyor-self-hold/attempts").with(me).contentType(MediaType.APPLICATION_JSON)
                        .content(new tools.jackson.databind.ObjectMapper().writeValueAsString(java.util.Map.of("program", program))))
                .andExpect(jsonPath("$.progress.completed").value(true));
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    /** As if the student had completed the unit {@code daysAgo} days ago (the store keeps no clock to turn back). */
    void completedDaysAgo(String school, String username, String unit, int daysAgo) {
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(school + "|" + username + "|" + unit)),
                org.springframework.data.mongodb.core.query.Update.update("completedAt",
                        java.time.Instant.now().minus(java.time.Duration.ofDays(daysAgo))), "enrollments");
    }

    static String monday(int weeksAgo) {
        return LocalDate.now(java.time.ZoneId.of("Asia/Seoul")).minusWeeks(weeksAgo)
                .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)).toString();
    }

    @Test
    void theChartsCountCompletionsWeekByWeekAndTheShareCompletedPerUnitAndPerTrack() throws Exception {
        String busan = "/api/schools/busan-mechanical";
        var teacher = teacher("bs-teacher", "busan-mechanical");
        String body = mvc.perform(post(busan + "/classes").with(teacher).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"department\":\"all-departments\",\"grade\":2,\"name\":\"charts\",\"term\":\"2026-2\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");
        for (String student : new String[] {"bs-chart-a", "bs-chart-b"}) {
            mvc.perform(put(busan + "/classes/" + id + "/students/" + student).with(teacher)).andExpect(status().isOk());
        }
        for (String unit : new String[] {"plc-scan-cycle", "self-hold", "sensor-types"}) {
            mvc.perform(put(busan + "/classes/" + id + "/assignments/" + unit).with(teacher)
                    .contentType(MediaType.APPLICATION_JSON).content("{\"due\":\"" + LocalDate.now().plusDays(7) + "\"}"))
                    .andExpect(status().isOk());
        }
        complete("busan-mechanical", "bs-chart-a", "plc-scan-cycle");
        completedDaysAgo("busan-mechanical", "bs-chart-a", "plc-scan-cycle", 14);
        complete("busan-mechanical", "bs-chart-b", "self-hold");
        completedDaysAgo("busan-mechanical", "bs-chart-b", "self-hold", 7);

        mvc.perform(get(busan + "/reports/completion/charts").with(as("bs-admin", "school-admin", "busan-mechanical")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.weeks.length()").value(3))
                .andExpect(jsonPath("$.weeks[0].from").value(monday(2)))
                .andExpect(jsonPath("$.weeks[0].completed").value(1))
                .andExpect(jsonPath("$.weeks[0].cumulative").value(1))
                .andExpect(jsonPath("$.weeks[1].from").value(monday(1)))
                .andExpect(jsonPath("$.weeks[1].completed").value(1))
                .andExpect(jsonPath("$.weeks[1].cumulative").value(2))
                .andExpect(jsonPath("$.weeks[2].completed").value(0))
                .andExpect(jsonPath("$.weeks[2].cumulative").value(2))
                .andExpect(jsonPath("$.units[?(@.unit=='plc-scan-cycle')].tally.rate").value(50.0))
                .andExpect(jsonPath("$.units[?(@.unit=='plc-scan-cycle')].track").value("control"))
                .andExpect(jsonPath("$.units[?(@.unit=='self-hold')].tally.rate").value(50.0))
                .andExpect(jsonPath("$.units[?(@.unit=='sensor-types')].tally.rate").value(0.0))
                .andExpect(jsonPath("$.units[?(@.unit=='sensor-types')].title.en").value("Industrial sensor types and how they work"))
                .andExpect(jsonPath("$.tracks[*].track").value(org.hamcrest.Matchers.contains("operations", "sensors",
                        "control", "ai")))
                .andExpect(jsonPath("$.tracks[?(@.track=='control')].tally").value(
                        java.util.Map.of("completed", 2, "expected", 4, "rate", 50.0)))
                .andExpect(jsonPath("$.tracks[?(@.track=='sensors')].tally.expected").value(2))
                .andExpect(jsonPath("$.tracks[?(@.track=='ai')].tally.expected").value(0));

        mvc.perform(get("/api/reports/programme/charts").with(as("program-admin", "program-admin", null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[?(@.school=='busan-mechanical')].weeks[*].cumulative").value(
                        org.hamcrest.Matchers.contains(1, 2, 2)))
                .andExpect(jsonPath("$[*].weeks.length()").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is(3))));
        mvc.perform(get(busan + "/reports/completion/charts").with(student("bs-chart-a", "busan-mechanical")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/schools/jeonbuk-mechanical/reports/completion/charts")
                        .with(as("bs-admin", "school-admin", "busan-mechanical")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aStudentSeesTheUnitsAssignedToTheirClassWithTheDueDate() throws Exception {
        aClassWithTwoStudentsAndOneAssignedUnit("c1");

        mvc.perform(get(SCHOOL + "/my/assignments").with(student("jb-c1-a", JEONBUK)))
                .andExpect(jsonPath("$[0].unit").value("plc-scan-cycle"))
                .andExpect(jsonPath("$[0].className").value("c1"))
                .andExpect(jsonPath("$[0].due").value(LocalDate.now().plusDays(7).toString()))
                .andExpect(jsonPath("$[0].overdue").value(false));
        mvc.perform(get(SCHOOL + "/my/assignments").with(student("jb-not-in-a-class", JEONBUK)))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void anAdministratorDownloadsTheSchoolsCompletionAsACsvThatExcelReadsInKorean() throws Exception {
        aClassWithTwoStudentsAndOneAssignedUnit("c2");
        completePlcScanCycle("jb-c2-a");

        byte[] csv = mvc.perform(get(SCHOOL + "/reports/completion.csv").with(as("jb-admin", "school-admin", JEONBUK)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        String[] lines = text.split("\r\n");
        assertThat(lines[0]).startsWith("학교 school,학과 department,반 class");
        assertThat(text).contains("jb-c2-a", "jb-c2-b");
        assertThat(java.util.Arrays.stream(lines).filter(l -> l.contains(",c2,"))).hasSize(2);
        assertThat(java.util.Arrays.stream(lines).filter(l -> l.contains("jb-c2-b")).findFirst().orElseThrow())
                .contains(",plc-scan-cycle,", ",N,");
        assertThat(java.util.Arrays.stream(lines).filter(l -> l.contains("jb-c2-a")).findFirst().orElseThrow())
                .contains(",plc-scan-cycle,1,100,", ",Y,");
    }

    @Test
    void theSchoolSummaryCountsCompletedUnitsByDepartmentClassAndStudent() throws Exception {
        String id = aClassWithTwoStudentsAndOneAssignedUnit("c3");
        completePlcScanCycle("jb-c3-a");

        String body = mvc.perform(get(SCHOOL + "/reports/completion").with(teacher("jb-teacher", JEONBUK)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        java.util.List<java.util.Map<String, Object>> classes = JsonPath.read(body,
                "$.departments[?(@.id=='robot-automation')].classes[*]");
        var c3 = classes.stream().filter(c -> c.get("id").equals(id)).findFirst().orElseThrow();
        assertThat(c3.get("tally")).isEqualTo(java.util.Map.of("completed", 1, "expected", 2, "rate", 50.0));
        assertThat(JsonPath.<java.util.List<Object>>read(c3, "$.students[?(@.username=='jb-c3-a')].tally.completed"))
                .containsExactly(1);
        assertThat(JsonPath.<java.util.List<Object>>read(c3, "$.students[?(@.username=='jb-c3-b')].tally.completed"))
                .containsExactly(0);
    }

    @Test
    void aStudentCannotReadTheSchoolsReportAndASchoolAdminNotTheProgrammes() throws Exception {
        mvc.perform(get(SCHOOL + "/reports/completion.csv").with(student("jb-c1-a", JEONBUK)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("role"))
                .andExpect(jsonPath("$.message.ko").value(org.hamcrest.Matchers.containsString("교사")));
        mvc.perform(get("/api/reports/programme.csv").with(as("jb-admin", "school-admin", JEONBUK)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theProgrammeAdministratorComparesTheThreeSchools() throws Exception {
        aClassWithTwoStudentsAndOneAssignedUnit("c4");
        mvc.perform(get("/api/reports/programme").with(as("program-admin", "program-admin", null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[?(@.school=='jeonbuk-mechanical')].tally.expected").value(
                        org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.greaterThanOrEqualTo(2))));
        byte[] csv = mvc.perform(get("/api/reports/programme.csv").with(as("program-admin", "program-admin", null)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("jeonbuk-mechanical,robot-automation,c4");
    }

    @Test
    void aClassForADepartmentTheSchoolDoesNotHaveIsRefusedWithTheDepartmentsItHas() throws Exception {
        mvc.perform(post(SCHOOL + "/classes").with(teacher("jb-teacher", JEONBUK)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"department\":\"cooking\",\"grade\":2,\"name\":\"x\",\"term\":\"2026-2\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("unknown-department"))
                .andExpect(jsonPath("$.message.en").value(org.hamcrest.Matchers.containsString("robot-automation")));
        mvc.perform(post(SCHOOL + "/classes").with(teacher("jb-teacher", JEONBUK)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"department\":\"robot-automation\",\"grade\":5,\"name\":\"x\",\"term\":\"fall\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-input"))
                .andExpect(jsonPath("$.fields.length()").value(2));
    }
}
