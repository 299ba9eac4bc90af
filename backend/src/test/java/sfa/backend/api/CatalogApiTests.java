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
}
