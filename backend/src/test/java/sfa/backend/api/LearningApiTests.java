package sfa.backend.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import sfa.backend.content.Content;
import org.springframework.beans.factory.annotation.Autowired;

class LearningApiTests extends ApiTest {

    static final String GUMI = "gumi-electronic";

    @Autowired
    Content content;

    String json(Object... keyValues) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < keyValues.length; i += 2) {
            b.append(i == 0 ? "" : ",").append('"').append(keyValues[i]).append("\":").append(keyValues[i + 1]);
        }
        return b.append('}').toString();
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "") + "\"";
    }

    String solution(String lab) throws Exception {
        return Files.readString(content.root().resolve("courseware/solutions/" + lab + ".st"));
    }

    @Test
    void aStudentCompletesAUnitByReadingItsLessonsPassingItsQuizAndItsLab() throws Exception {
        var me = student("gm-student1", GUMI);
        String unit = "/api/schools/" + GUMI + "/my/units/self-hold";
        mvc.perform(post(unit).with(me)).andExpect(status().isOk())
                .andExpect(jsonPath("$.unit.version").value(1))
                .andExpect(jsonPath("$.progress.percent").value(0))
                .andExpect(jsonPath("$.progress.completed").value(false));

        mvc.perform(get(unit + "/lessons/contacts").with(me)).andExpect(status().isOk())
                .andExpect(jsonPath("$.markdown").value(containsString("#")));
        mvc.perform(post(unit + "/lessons/contacts/read").with(me)).andExpect(jsonPath("$.lessonsRead").value(1));
        mvc.perform(post(unit + "/lessons/self-hold/read").with(me)).andExpect(jsonPath("$.lessonsRead").value(2));

        String answers = json("responses", json("q1", quote("b"), "q2", "[\"a\",\"b\"]", "q3", "true", "q4", "false",
                "q5", "100", "q6", "[\"press-start\",\"motor-on\",\"release-start\",\"press-stop\",\"stays-off\"]",
                "q7", json("parallel", quote("or"), "series", quote("and"), "slash", quote("not"), "coil", quote("assign"))));
        mvc.perform(post(unit + "/quiz/attempts").with(me).contentType(MediaType.APPLICATION_JSON).content(answers))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.passed").value(true))
                .andExpect(jsonPath("$.items[0].correct").value(true))
                .andExpect(jsonPath("$.items[0].explanation.ko").isNotEmpty())
                .andExpect(jsonPath("$.progress.completed").value(false));

        mvc.perform(post(unit + "/labs/conveyor-self-hold/attempts").with(me).contentType(MediaType.APPLICATION_JSON)
                        .content(json("program", quote(solution("conveyor-self-hold")))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grade.passed").value(true))
                .andExpect(jsonPath("$.grade.objectives[0].message.ko").isNotEmpty())
                .andExpect(jsonPath("$.progress.percent").value(100))
                .andExpect(jsonPath("$.progress.completed").value(true))
                .andExpect(jsonPath("$.progress.completedAt").isNotEmpty());

        mvc.perform(get(unit + "/labs/attempts").with(me)).andExpect(jsonPath("$[0].passed").value(true))
                .andExpect(jsonPath("$[0].lab").value("conveyor-self-hold"));
        mvc.perform(get("/api/schools/" + GUMI + "/my/units").with(me))
                .andExpect(jsonPath("$[0].unit").value("self-hold"))
                .andExpect(jsonPath("$[0].completed").value(true));
    }

    // #15: one student's attempts could fill the grading queue and stall every school's grades
    @Test
    void aStudentsFourthAttemptAtOnceIsRefusedWith429AndRetryAfterAndItsKeyStaysUnspent() throws Exception {
        var me = student("gm-student6", GUMI);
        String unit = "/api/schools/" + GUMI + "/my/units/self-hold";
        mvc.perform(post(unit).with(me)).andExpect(status().isOk());
        // a 2,000,000-step loop in every scan: each grade runs until the grading pace (or the watchdog) stops it
        String slow = solution("conveyor-self-hold").replaceFirst("END_VAR", "    i : DINT; x : LREAL;\nEND_VAR")
                .replace("END_PROGRAM", "FOR i := 1 TO 2000000 DO x := x + 0.5; END_FOR;\nEND_PROGRAM");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<org.springframework.mock.web.MockHttpServletResponse>> sent =
                    new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String key = "flood-" + i;
                sent.add(pool.submit(() -> mvc.perform(post(unit + "/labs/conveyor-self-hold/attempts").with(me)
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content(json("program", quote(slow)))).andReturn().getResponse()));
            }
            java.util.List<org.springframework.mock.web.MockHttpServletResponse> answers = new java.util.ArrayList<>();
            for (var f : sent) {
                answers.add(f.get());
            }
            assertThat(answers).filteredOn(r -> r.getStatus() == 200).as("one running and two waiting are graded").hasSize(3);
            var refused = answers.stream().filter(r -> r.getStatus() != 200).toList();
            assertThat(refused).singleElement().satisfies(r -> {
                assertThat(r.getStatus()).isEqualTo(429);
                assertThat(r.getHeader("Retry-After")).isNotBlank();
                assertThat(r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                        .contains("grading-one-at-a-time", "이미 채점 중이거나 기다리는 제출이", "you already have");
            });
            int which = answers.indexOf(refused.getFirst());
            mvc.perform(post(unit + "/labs/conveyor-self-hold/attempts").with(me).header("Idempotency-Key", "flood-" + which)
                            .contentType(MediaType.APPLICATION_JSON).content(json("program", quote(slow))))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.grade.passed").value(false))
                    .andExpect(jsonPath("$.grade.fault.en").isNotEmpty());
        } finally {
            pool.shutdownNow();
        }
    }

    // #15: a GET started the unit (a link or an image in any page could start units for a student)
    @Test
    void readingAUnitAndItsLessonsDoesNotStartItTheFirstPostDoes() throws Exception {
        var me = student("gm-student7", GUMI);
        String unit = "/api/schools/" + GUMI + "/my/units/self-hold";
        mvc.perform(get(unit).with(me)).andExpect(status().isOk())
                .andExpect(jsonPath("$.unit.version").value(1))
                .andExpect(jsonPath("$.progress.percent").value(0));
        mvc.perform(get(unit + "/lessons/contacts").with(me)).andExpect(status().isOk());
        mvc.perform(get("/api/schools/" + GUMI + "/my/units").with(me)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.unit == 'self-hold')]").isEmpty());

        mvc.perform(post(unit).with(me)).andExpect(status().isOk());
        mvc.perform(get("/api/schools/" + GUMI + "/my/units").with(me))
                .andExpect(jsonPath("$[?(@.unit == 'self-hold')]").isNotEmpty());
    }

    @Test
    void theQuizReachesTheBrowserWithoutAnswersOrExplanations() throws Exception {
        String body = mvc.perform(post("/api/schools/" + GUMI + "/my/units/self-hold").with(student("gm-student2", GUMI)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(body).contains("\"quiz\"", "press-start").doesNotContain("answer", "explanation", "tolerance");
        assertThat(JsonPath.<String>read(body, "$.unit.labs[0].title.ko")).isNotBlank();
        assertThat(JsonPath.<String>read(body, "$.unit.labs[0].instructions.en")).isNotBlank();
    }

    // #issue 10: found by ApiFuzzingTests; the firewall's refusal was a 400 with an empty body
    @Test
    void anAddressTheFirewallRefusesIsAProblemWithItsCodeAndMessageLikeEveryOtherRefusal() throws Exception {
        mvc.perform(post("/api/schools/" + GUMI + "/my/units/{unit}/quiz/attempts", "\u0000-hold").with(student("gm-student3", GUMI))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("rejected-request"))
                .andExpect(jsonPath("$.message.ko").isNotEmpty())
                .andExpect(jsonPath("$.message.en").isNotEmpty());
    }

    @Test
    void aWrongQuizAnswerIsMarkedWithItsExplanationAndTheBestScoreIsKept() throws Exception {
        var me = student("gm-student3", GUMI);
        String attempts = "/api/schools/" + GUMI + "/my/units/self-hold/quiz/attempts";
        mvc.perform(post(attempts).with(me).contentType(MediaType.APPLICATION_JSON).content(json("responses",
                        json("q1", quote("b"), "q3", "true"))))
                .andExpect(jsonPath("$.passed").value(false))
                .andExpect(jsonPath("$.items[0].correct").value(true))
                .andExpect(jsonPath("$.items[1].correct").value(false))
                .andExpect(jsonPath("$.items[1].explanation.en").isNotEmpty());
        mvc.perform(post(attempts).with(me).contentType(MediaType.APPLICATION_JSON).content(json("responses",
                json("q1", quote("a")))));

        mvc.perform(get("/api/schools/" + GUMI + "/my/units").with(me))
                .andExpect(jsonPath("$[0].bestQuizPercent").value(org.hamcrest.Matchers.greaterThan(0.0)))
                .andExpect(jsonPath("$[0].quizPassed").value(false));
    }

    @Test
    void aProgramThatDoesNotCompileIsAnsweredWithEachErrorsLineAndColumn() throws Exception {
        String program = "PROGRAM Main\nVAR\n  START AT %IX0.0 : BOOL;\n  STOP AT %IX0.1 : BOOL;\n  MOTOR AT %QX0.0 : BOOL;\n"
                + "END_VAR\nMOTOR := (START OR MOTR) AND STOP;\nEND_PROGRAM\n";
        mvc.perform(post("/api/schools/" + GUMI + "/my/units/self-hold/labs/conveyor-self-hold/attempts")
                        .with(student("gm-student4", GUMI)).contentType(MediaType.APPLICATION_JSON)
                        .content(json("program", quote(program))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("program-does-not-compile"))
                .andExpect(jsonPath("$.message.ko").value(containsString("오류")))
                .andExpect(jsonPath("$.diagnostics[0].line").value(7))
                .andExpect(jsonPath("$.diagnostics[0].column").value(20))
                .andExpect(jsonPath("$.diagnostics[0].en").value(containsString("did you mean 'MOTOR'")));
    }

    @Test
    void theEditorsCheckListsEachDiagnosticWithLineColumnAndBothLanguagesWithoutRunningAnything() throws Exception {
        String program = "PROGRAM Main\nVAR\n  MOTOR AT %QX0.0 : BOOL;\n  unused : INT;\nEND_VAR\nMOTR := TRUE;\nEND_PROGRAM\n";
        mvc.perform(post("/api/schools/" + GUMI + "/labs/conveyor-self-hold/check").with(student("gm-student5", GUMI))
                        .contentType(MediaType.APPLICATION_JSON).content(json("program", quote(program))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.severity=='error')].line").value(org.hamcrest.Matchers.contains(6)))
                .andExpect(jsonPath("$[?(@.severity=='error')].column").value(org.hamcrest.Matchers.contains(1)))
                .andExpect(jsonPath("$[?(@.severity=='error')].ko").value(org.hamcrest.Matchers.contains(containsString("MOTR"))))
                .andExpect(jsonPath("$[?(@.severity=='warning')].en").value(org.hamcrest.Matchers.hasItem(containsString("unused"))));
    }

    // #15: 'i + i + ...' with 2,000 terms overflowed the checker's stack: a 500 on check, attempts and live labs
    @Test
    void aVeryLongExpressionIsExplainedOnCheckAttemptsAndLiveLabsNeverAServerError() throws Exception {
        String program = "PROGRAM Main\nVAR\n  i : INT;\n  MOTOR AT %QX0.0 : BOOL;\nEND_VAR\ni := " + "i + ".repeat(2_000)
                + "i;\nEND_PROGRAM\n";
        var me = student("gm-student8", GUMI);
        mvc.perform(post("/api/schools/" + GUMI + "/labs/conveyor-self-hold/check").with(me)
                        .contentType(MediaType.APPLICATION_JSON).content(json("program", quote(program))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("expression-too-long"))
                .andExpect(jsonPath("$[0].line").value(6))
                .andExpect(jsonPath("$[0].ko").value(containsString("식이 너무 깁니다")));
        mvc.perform(post("/api/schools/" + GUMI + "/my/units/self-hold").with(me)).andExpect(status().isOk());
        mvc.perform(post("/api/schools/" + GUMI + "/my/units/self-hold/labs/conveyor-self-hold/attempts").with(me)
                        .contentType(MediaType.APPLICATION_JSON).content(json("program", quote(program))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.diagnostics[0].code").value("expression-too-long"));
        mvc.perform(post("/api/schools/" + GUMI + "/my/labs").with(me).contentType(MediaType.APPLICATION_JSON)
                        .content(json("lab", quote("conveyor-self-hold"), "program", quote(program))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.diagnostics[0].code").value("expression-too-long"));
    }

    @Test
    void aStudentKeepsTheVersionTheyStartedWhileATeacherPublishesANewOne() throws Exception {
        String school = "busan-mechanical";
        var kim = student("bs-student1", school);
        var lee = student("bs-student2", school);
        var teacher = teacher("bs-teacher", school);
        mvc.perform(post("/api/schools/" + school + "/my/units/self-hold").with(kim))
                .andExpect(jsonPath("$.unit.version").value(1));

        String versions = "/api/schools/" + school + "/units/self-hold";
        mvc.perform(post(versions + "/drafts").with(teacher)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(2)).andExpect(jsonPath("$.status").value("DRAFT"));
        String lesson = Files.readString(Path.of(content.root().toString(), "courseware/units/self-hold/lessons/01-contacts.ko.md"));
        mvc.perform(put(versions + "/versions/2/files").param("path", "lessons/01-contacts.ko.md").with(teacher)
                        .contentType(MediaType.TEXT_PLAIN).content("# 2판에서 고친 수업\n\n" + lesson))
                .andExpect(status().isNoContent());
        mvc.perform(put(versions + "/versions/2/files").param("path", "labs/hold.ko.md").with(teacher)
                .contentType(MediaType.TEXT_PLAIN).content("# 우리 반 안내: 비상정지부터 확인하세요")).andExpect(status().isNoContent());
        mvc.perform(put(versions + "/versions/2/files").param("path", "labs/hold.en.md").with(teacher)
                .contentType(MediaType.TEXT_PLAIN).content("# Our class: check the E-stop first")).andExpect(status().isNoContent());
        String yaml = Files.readString(Path.of(content.root().toString(), "courseware/units/self-hold/unit.yaml"));
        mvc.perform(put(versions + "/versions/2/files").param("path", "unit.yaml").with(teacher)
                .contentType(MediaType.TEXT_PLAIN).content(yaml.replace("    focus: [START, STOP, ESTOP_OK, MOTOR, LAMP_RUN, LAMP_STOP]",
                        "    focus: [START, STOP, ESTOP_OK, MOTOR, LAMP_RUN, LAMP_STOP]\n    notes: {ko: labs/hold.ko.md, en: labs/hold.en.md}")))
                .andExpect(status().isNoContent());
        mvc.perform(post(versions + "/versions/2/validate").with(teacher)).andExpect(jsonPath("$.ok").value(true));
        mvc.perform(post(versions + "/versions/2/publish").with(teacher)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));

        mvc.perform(get("/api/schools/" + school + "/my/units/self-hold/lessons/contacts").with(kim))
                .andExpect(jsonPath("$.markdown").value(org.hamcrest.Matchers.not(containsString("2판에서 고친 수업"))));
        mvc.perform(post("/api/schools/" + school + "/my/units/self-hold").with(lee))
                .andExpect(jsonPath("$.unit.version").value(2))
                .andExpect(jsonPath("$.unit.labs[0].notes.ko").value(containsString("비상정지부터")));
        mvc.perform(get("/api/schools/" + school + "/my/units/self-hold").with(kim))
                .andExpect(jsonPath("$.unit.labs[0].notes.ko").value(""));
        mvc.perform(get("/api/schools/" + school + "/my/units/self-hold/lessons/contacts").with(lee))
                .andExpect(jsonPath("$.markdown").value(containsString("2판에서 고친 수업")));
        mvc.perform(put(versions + "/versions/2/files").param("path", "lessons/01-contacts.ko.md").with(teacher)
                        .contentType(MediaType.TEXT_PLAIN).content("# changed after publishing"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("draft-only"));
    }
}
