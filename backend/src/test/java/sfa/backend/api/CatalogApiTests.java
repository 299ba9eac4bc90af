package sfa.backend.api;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Authoring: drafts, their checks with the courseware validator, and what publishing guards. */
class CatalogApiTests extends ApiTest {

    static final String UNITS = "/api/schools/jeonbuk-mechanical/units";

    @Test
    void aDraftWithABrokenQuizIsShownItsProblemsWithFileAndLineAndCannotBePublished() throws Exception {
        var teacher = teacher("jb-teacher", "jeonbuk-mechanical");
        mvc.perform(post(UNITS + "/timers-counters/drafts").with(teacher)).andExpect(status().isCreated());
        String quiz = mvc.perform(get(UNITS + "/timers-counters/versions/2/files").with(teacher))
                .andReturn().getResponse().getContentAsString();
        String text = com.jayway.jsonpath.JsonPath.read(quiz, "$['quiz.yaml']");
        mvc.perform(put(UNITS + "/timers-counters/versions/2/files").param("path", "quiz.yaml").with(teacher)
                .contentType(MediaType.TEXT_PLAIN).content(text.replace("pass_percent:", "pass_percentage:")))
                .andExpect(status().isNoContent());

        mvc.perform(post(UNITS + "/timers-counters/versions/2/validate").with(teacher))
                .andExpect(jsonPath("$.ok").value(false))
                .andExpect(jsonPath("$.problems[0].file").value("quiz.yaml"))
                .andExpect(jsonPath("$.problems[0].line").value(org.hamcrest.Matchers.greaterThan(0)))
                .andExpect(jsonPath("$.problems[0].ko").isNotEmpty());
        mvc.perform(post(UNITS + "/timers-counters/versions/2/publish").with(teacher))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("draft-has-problems"))
                .andExpect(jsonPath("$.message.ko").value(containsString("quiz.yaml")));
        mvc.perform(post(UNITS + "/timers-counters/drafts").with(teacher))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("draft-open"));
    }

    @Test
    void aStudentCannotAuthorAndDraftsStayHiddenFromStudents() throws Exception {
        var student = student("jb-author-student", "jeonbuk-mechanical");
        mvc.perform(post(UNITS + "/sensor-types/drafts").with(student)).andExpect(status().isForbidden());
        mvc.perform(post(UNITS + "/sensor-types/drafts").with(teacher("jb-teacher", "jeonbuk-mechanical")))
                .andExpect(status().isCreated());

        mvc.perform(get(UNITS + "/sensor-types/versions/2").with(student)).andExpect(status().isForbidden());
        mvc.perform(get(UNITS + "/sensor-types").with(student)).andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void aFileNameThatCouldEscapeTheUnitFolderIsRefused() throws Exception {
        var teacher = teacher("jb-teacher", "jeonbuk-mechanical");
        mvc.perform(post(UNITS + "/hmi-design/drafts").with(teacher)).andExpect(status().isCreated());

        mvc.perform(put(UNITS + "/hmi-design/versions/2/files").param("path", "../../etc/passwd.md").with(teacher)
                        .contentType(MediaType.TEXT_PLAIN).content("x"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("invalid-file-name"));
        mvc.perform(put(UNITS + "/hmi-design/versions/2/files").param("path", "lessons/x.exe").with(teacher)
                        .contentType(MediaType.TEXT_PLAIN).content("x"))
                .andExpect(status().isBadRequest());
        mvc.perform(delete(UNITS + "/hmi-design/versions/2/files").param("path", "unit.yaml").with(teacher))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("unit-yaml-needed"));
        mvc.perform(put(UNITS + "/hmi-design/versions/2/files").param("path", "lessons/big.ko.md").with(teacher)
                        .contentType(MediaType.TEXT_PLAIN).content("가".repeat(200_001)))
                .andExpect(status().isContentTooLarge()).andExpect(jsonPath("$.code").value("file-too-large"));
    }

    @Test
    void theShippedVersionIsTheFirstOfEveryUnitAndDraftsFollowIt() throws Exception {
        var teacher = teacher("jb-teacher", "jeonbuk-mechanical");
        mvc.perform(post(UNITS + "/servo-positioning/drafts").with(teacher)).andExpect(jsonPath("$.version").value(2));

        mvc.perform(get(UNITS + "/servo-positioning/versions").with(teacher))
                .andExpect(jsonPath("$[0].version").value(1)).andExpect(jsonPath("$[0].shipped").value(true))
                .andExpect(jsonPath("$[1].version").value(2)).andExpect(jsonPath("$[1].status").value("DRAFT"));
        mvc.perform(get(UNITS + "/servo-positioning/versions/2/files").with(teacher))
                .andExpect(jsonPath("$['unit.yaml']").value(containsString("version: 2")));
    }

    @Test
    void theLessonPreviewRendersAsStudentsGetItWithRawHtmlShownAsTextAndScriptLinksDropped() throws Exception {
        var teacher = teacher("jb-teacher", "jeonbuk-mechanical");
        mvc.perform(post(UNITS + "/self-hold/preview-markdown").with(teacher).contentType(MediaType.TEXT_PLAIN)
                        .content("# 제목\n\n<script>alert(1)</script>\n\n[클릭](javascript:alert(2))"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.html").value(containsString("<h1>제목</h1>")))
                .andExpect(jsonPath("$.html").value(containsString("&lt;script&gt;")))
                .andExpect(jsonPath("$.html").value(org.hamcrest.Matchers.not(containsString("<script"))))
                .andExpect(jsonPath("$.html").value(org.hamcrest.Matchers.not(containsString("javascript:"))));
        mvc.perform(post(UNITS + "/self-hold/preview-markdown").with(teacher).contentType(MediaType.TEXT_PLAIN))
                .andExpect(status().isOk()).andExpect(jsonPath("$.html").value(""));
    }

    // #issue 10: found by ApiFuzzingTests; a NUL in the lesson's path or an image's address was a 500
    @Test
    void aLessonPreviewWhosePathOrImageIsNoFileNameIsRefusedOrShownWithoutTheImageNeverAServerError() throws Exception {
        var teacher = teacher("jb-teacher", "jeonbuk-mechanical");
        mvc.perform(post(UNITS + "/self-hold/preview-markdown").param("version", "3").param("path", "lessons/\u0000.md")
                        .with(teacher).contentType(MediaType.TEXT_PLAIN).content("# x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-path"))
                .andExpect(jsonPath("$.message.ko").isNotEmpty());
        mvc.perform(post(UNITS + "/self-hold/preview-markdown").param("version", "3").param("path", "lessons/01-contacts.ko.md")
                        .with(teacher).contentType(MediaType.TEXT_PLAIN).content("![a](img/\u0000.svg) text"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.html").value(containsString("text")));
    }

    @Test
    void theLessonPreviewShowsTheLessonsOwnImagesFromTheVersionBeingEdited() throws Exception {
        mvc.perform(post(UNITS + "/self-hold/preview-markdown").param("version", "3").param("path", "lessons/01-contacts.ko.md")
                        .with(teacher("jb-teacher", "jeonbuk-mechanical")).contentType(MediaType.TEXT_PLAIN)
                        .content("![접점](img/contacts.svg) ![밖](../../../etc/passwd.svg) $x^2$"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.html").value(containsString(
                        "src=\"/units/self-hold/versions/3/images?path=lessons%2Fimg%2Fcontacts.svg\"")))
                .andExpect(jsonPath("$.html").value(org.hamcrest.Matchers.not(containsString("passwd"))))
                .andExpect(jsonPath("$.html").value(containsString("<span class=\"math\" data-display=\"false\">x^2</span>")));
    }

    @Test
    void aStudentGetsNoAuthoringHelper() throws Exception {
        var student = student("jb-author-student", "jeonbuk-mechanical");
        mvc.perform(post(UNITS + "/self-hold/preview-markdown").with(student).contentType(MediaType.TEXT_PLAIN).content("# x"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("role"));
        mvc.perform(post(UNITS + "/self-hold/quiz-form").with(student).contentType(MediaType.TEXT_PLAIN).content("items: []"))
                .andExpect(status().isForbidden());
        mvc.perform(post(UNITS + "/self-hold/quiz-yaml").with(student).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":{\"ko\":\"a\",\"en\":\"b\"},\"passPercent\":60,\"items\":[]}"))
                .andExpect(status().isForbidden());
        mvc.perform(put(UNITS + "/self-hold/versions/2/labs/conveyor-self-hold/notes").with(student)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"ko\":\"a\",\"en\":\"b\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aQuizPromptChangedThroughTheFormIsSavedAsCoursewareYamlValidatedPublishedAndShownToStudents() throws Exception {
        var teacher = teacher("jb-teacher", "jeonbuk-mechanical");
        mvc.perform(post(UNITS + "/analog-4-20ma/drafts").with(teacher)).andExpect(status().isCreated());
        String files = mvc.perform(get(UNITS + "/analog-4-20ma/versions/2/files").with(teacher))
                .andReturn().getResponse().getContentAsString();
        String yaml = com.jayway.jsonpath.JsonPath.read(files, "$['quiz.yaml']");

        String read = mvc.perform(post(UNITS + "/analog-4-20ma/quiz-form").with(teacher).contentType(MediaType.TEXT_PLAIN)
                        .content(yaml))
                .andExpect(status().isOk()).andExpect(jsonPath("$.problems").isEmpty())
                .andExpect(jsonPath("$.form.items[0].type").value("numeric"))
                .andExpect(jsonPath("$.form.items[6].pairs.i4").value("l0"))
                .andReturn().getResponse().getContentAsString();
        net.minidev.json.JSONObject form = new net.minidev.json.JSONObject(com.jayway.jsonpath.JsonPath.read(read, "$.form"));
        String changed = com.jayway.jsonpath.JsonPath.parse(form.toJSONString())
                .set("$.items[2].prompt.ko", "라이브 제로를 쓰는 까닭은?").jsonString();
        String newYaml = mvc.perform(post(UNITS + "/analog-4-20ma/quiz-yaml").with(teacher)
                        .contentType(MediaType.APPLICATION_JSON).content(changed))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        mvc.perform(put(UNITS + "/analog-4-20ma/versions/2/files").param("path", "quiz.yaml").with(teacher)
                        .contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8)).content(newYaml))
                .andExpect(status().isNoContent());

        mvc.perform(post(UNITS + "/analog-4-20ma/versions/2/validate").with(teacher)).andExpect(jsonPath("$.ok").value(true));
        mvc.perform(post(UNITS + "/analog-4-20ma/versions/2/publish").with(teacher)).andExpect(status().isOk());
        mvc.perform(get(UNITS + "/analog-4-20ma").with(student("jb-author-student", "jeonbuk-mechanical")))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.quiz.items[2].prompt.ko").value("라이브 제로를 쓰는 까닭은?"))
                .andExpect(jsonPath("$.quiz.items[2].prompt.en").value(containsString("live zero")));
    }

    @Test
    void aQuizFileThatIsNotYamlComesBackWithoutAFormAndWithTheValidatorsLine() throws Exception {
        mvc.perform(post(UNITS + "/self-hold/quiz-form").with(teacher("jb-teacher", "jeonbuk-mechanical"))
                        .contentType(MediaType.TEXT_PLAIN).content("title: [\nitems: x"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.form").doesNotExist())
                .andExpect(jsonPath("$.problems[0].file").value("quiz.yaml"))
                .andExpect(jsonPath("$.problems[0].line").value(org.hamcrest.Matchers.greaterThan(0)));
        mvc.perform(post(UNITS + "/self-hold/quiz-yaml").with(teacher("jb-teacher", "jeonbuk-mechanical"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"passPercent\":60,\"items\":[{\"id\":\"q1\",\"type\":\"essay\",\"points\":1,\"partial\":false}]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("unknown-item-type"));
    }

    // #15: 20,000 nested '[' in a draft's quiz.yaml overflowed the loader's stack: a 500 on every later read of the draft
    @Test
    void aDraftHoldingAQuizNestedTooDeepStaysOpenableAndNamesTheFileAndLineUntilItIsFixed() throws Exception {
        var teacher = teacher("jb-teacher", "jeonbuk-mechanical");
        String draft = UNITS + "/tank-level-control/versions/2";
        mvc.perform(post(UNITS + "/tank-level-control/drafts").with(teacher)).andExpect(status().isCreated());
        String good = com.jayway.jsonpath.JsonPath.read(mvc.perform(get(draft + "/files").with(teacher))
                .andReturn().getResponse().getContentAsString(), "$['quiz.yaml']");
        String deep = "title: {ko: 확인, en: Check}\nitems: " + "[".repeat(20_000) + "\n";
        mvc.perform(put(draft + "/files").param("path", "quiz.yaml").with(teacher).contentType(MediaType.TEXT_PLAIN).content(deep))
                .andExpect(status().isNoContent());

        mvc.perform(get(draft + "/files").with(teacher)).andExpect(status().isOk())
                .andExpect(jsonPath("$['quiz.yaml']").value(deep));
        mvc.perform(get(draft).with(teacher)).andExpect(status().isOk());
        mvc.perform(post(draft + "/validate").with(teacher)).andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(false))
                .andExpect(jsonPath("$.problems[0].file").value("quiz.yaml"))
                .andExpect(jsonPath("$.problems[0].line").value(2))
                .andExpect(jsonPath("$.problems[0].ko").value(containsString("깊게")))
                .andExpect(jsonPath("$.problems[0].en").value(containsString("nest more than")));
        mvc.perform(post(UNITS + "/tank-level-control/quiz-form").with(teacher).contentType(MediaType.TEXT_PLAIN).content(deep))
                .andExpect(status().isOk()).andExpect(jsonPath("$.form").doesNotExist())
                .andExpect(jsonPath("$.problems[0].file").value("quiz.yaml"))
                .andExpect(jsonPath("$.problems[0].line").value(2));
        mvc.perform(post(draft + "/publish").with(teacher)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("draft-has-problems"))
                .andExpect(jsonPath("$.message.ko").value(containsString("quiz.yaml:2")));

        mvc.perform(put(draft + "/files").param("path", "quiz.yaml").with(teacher).contentType(MediaType.TEXT_PLAIN).content(good))
                .andExpect(status().isNoContent());
        mvc.perform(post(draft + "/validate").with(teacher)).andExpect(jsonPath("$.ok").value(true));
    }

    // #15: a unit.yaml that does not load made the draft's files unreadable, so the teacher could not fix it
    @Test
    void aDraftWhoseUnitYamlDoesNotLoadStillGivesItsFilesToFixIt() throws Exception {
        var teacher = teacher("jb-teacher", "jeonbuk-mechanical");
        String draft = UNITS + "/quality-prediction/versions/2";
        mvc.perform(post(UNITS + "/quality-prediction/drafts").with(teacher)).andExpect(status().isCreated());
        String good = com.jayway.jsonpath.JsonPath.read(mvc.perform(get(draft + "/files").with(teacher))
                .andReturn().getResponse().getContentAsString(), "$['unit.yaml']");
        String deep = good + "\nextra: " + "{a: ".repeat(20_000) + "\n";
        mvc.perform(put(draft + "/files").param("path", "unit.yaml").with(teacher).contentType(MediaType.TEXT_PLAIN).content(deep))
                .andExpect(status().isNoContent());

        mvc.perform(get(draft + "/files").with(teacher)).andExpect(status().isOk())
                .andExpect(jsonPath("$['unit.yaml']").value(containsString("extra: {a: {a:")));
        mvc.perform(post(draft + "/validate").with(teacher)).andExpect(status().isOk())
                .andExpect(jsonPath("$.problems[0].file").value("unit.yaml"))
                .andExpect(jsonPath("$.problems[0].line").value(good.lines().count() + 2));
        mvc.perform(get(draft).with(teacher)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("version-broken"));

        mvc.perform(put(draft + "/files").param("path", "unit.yaml").with(teacher).contentType(MediaType.TEXT_PLAIN).content(good))
                .andExpect(status().isNoContent());
        mvc.perform(post(draft + "/validate").with(teacher)).andExpect(jsonPath("$.ok").value(true));
        mvc.perform(get(draft).with(teacher)).andExpect(status().isOk());
    }

    @Test
    void labNotesWrittenForALabWithoutNotesAreNamedInUnitYamlAndShownInThePreview() throws Exception {
        var teacher = teacher("jb-teacher", "jeonbuk-mechanical");
        mvc.perform(post(UNITS + "/self-hold/drafts").with(teacher)).andExpect(status().isCreated());

        mvc.perform(put(UNITS + "/self-hold/versions/2/labs/conveyor-self-hold/notes").with(teacher)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ko\":\"비상정지부터 시험하세요.\",\"en\":\"Test the E-stop first.\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get(UNITS + "/self-hold/versions/2/files").with(teacher))
                .andExpect(jsonPath("$['unit.yaml']").value(containsString(
                        "notes: {ko: labs/conveyor-self-hold.ko.md, en: labs/conveyor-self-hold.en.md}")))
                .andExpect(jsonPath("$['labs/conveyor-self-hold.en.md']").value("Test the E-stop first."));
        mvc.perform(post(UNITS + "/self-hold/versions/2/validate").with(teacher)).andExpect(jsonPath("$.ok").value(true));

        mvc.perform(put(UNITS + "/self-hold/versions/2/labs/conveyor-self-hold/notes").with(teacher)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"ko\":\"다시 씀\",\"en\":\"rewritten\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get(UNITS + "/self-hold/versions/2").with(teacher))
                .andExpect(jsonPath("$.labs[0].notes.ko").value("다시 씀"));
        mvc.perform(put(UNITS + "/self-hold/versions/2/labs/no-such-lab/notes").with(teacher)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"ko\":\"a\",\"en\":\"b\"}"))
                .andExpect(status().isNotFound());
    }
}
