package sfa.backend.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A student's submission retried under the same Idempotency-Key, at once or after a crash, counts once. */
class IdempotencyApiTests extends ApiTest {

    private static final String GUMI = "gumi-electronic";
    private static final String QUIZ = "/api/schools/" + GUMI + "/my/units/self-hold/quiz/attempts";
    private static final String LAB = "/api/schools/" + GUMI + "/my/units/self-hold/labs/conveyor-self-hold/attempts";
    private static final String ANSWERS = "{\"responses\":{\"q1\":\"b\",\"q3\":true}}";

    @Autowired
    MongoTemplate mongo;

    private MockHttpServletResponse submit(String path, RequestPostProcessor who, String key, String body) throws Exception {
        return mvc.perform(post(path).with(who).header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn().getResponse();
    }

    private Document enrollment(String username) {
        return mongo.getCollection("enrollments").find(new Document("_id", GUMI + "|" + username + "|self-hold")).first();
    }

    @Test
    void aRetriedQuizSubmissionIsAnsweredAsTheFirstTimeAndCountedOnce() throws Exception {
        var me = student("gm-idem1", GUMI);
        MockHttpServletResponse first = submit(QUIZ, me, "quiz-1", ANSWERS);
        MockHttpServletResponse retry = submit(QUIZ, me, "quiz-1", ANSWERS);

        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(retry.getStatus()).isEqualTo(200);
        assertThat(retry.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(JsonPath.<String>read(retry.getContentAsString(), "$.attempt"))
                .isEqualTo(JsonPath.<String>read(first.getContentAsString(), "$.attempt"));
        assertThat(enrollment("gm-idem1").getInteger("quizAttemptCount")).isEqualTo(1);

        submit(QUIZ, me, "quiz-2", ANSWERS);
        assertThat(enrollment("gm-idem1").getInteger("quizAttemptCount")).as("a new key is a new attempt").isEqualTo(2);
    }

    @Test
    void concurrentDuplicatesOfALabSubmissionAreGradedAndCountedOnce() throws Exception {
        var me = student("gm-idem2", GUMI);
        String program = java.nio.file.Files.readString(java.nio.file.Path.of("..", "courseware", "solutions",
                "conveyor-self-hold.st"));
        String body = tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(java.util.Map.of("program", program));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(pool.submit((Callable<MockHttpServletResponse>) () -> submit(LAB, me, "lab-1", body)));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<MockHttpServletResponse> f : answers) {
            statuses.add(f.get().getStatus());
        }
        pool.shutdown();

        assertThat(statuses).as("each duplicate is answered, or told to retry while the first runs").containsOnly(200, 409)
                .contains(200);
        assertThat(enrollment("gm-idem2").getInteger("labAttemptCount")).isEqualTo(1);
        assertThat(mongo.getCollection("lab_attempts").countDocuments(new Document("username", "gm-idem2"))).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedInBothLanguages() throws Exception {
        var me = student("gm-idem3", GUMI);
        submit(QUIZ, me, "quiz-1", ANSWERS);

        mvc.perform(post(QUIZ).with(me).header("Idempotency-Key", "quiz-1").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"responses\":{\"q1\":\"a\"}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("idempotency-key-reused"))
                .andExpect(jsonPath("$.message.ko").isNotEmpty()).andExpect(jsonPath("$.message.en").isNotEmpty());
        mvc.perform(post(QUIZ).with(me).header("Idempotency-Key", "no spaces allowed").contentType(MediaType.APPLICATION_JSON)
                        .content(ANSWERS))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("idempotency-key-invalid"));
        assertThat(enrollment("gm-idem3").getInteger("quizAttemptCount")).isEqualTo(1);
    }

    @Test
    void aRetryAfterTheServerDiedMidRequestRunsAgainAndStillCountsTheAttemptOnce() throws Exception {
        var me = student("gm-idem4", GUMI);
        MockHttpServletResponse first = submit(QUIZ, me, "quiz-crash", ANSWERS);
        // the server died after storing the attempt and before keeping its answer: the key is left "in flight"
        mongo.getCollection("idempotency_keys").updateMany(new Document(),
                new Document("$set", new Document("done", false).append("startedAt", java.util.Date.from(
                        Instant.now().minusSeconds(3600)))));

        MockHttpServletResponse retry = submit(QUIZ, me, "quiz-crash", ANSWERS);

        assertThat(retry.getStatus()).isEqualTo(200);
        assertThat(retry.getHeader("Idempotent-Replayed")).as("run again, not replayed").isNull();
        assertThat(JsonPath.<String>read(retry.getContentAsString(), "$.attempt"))
                .isEqualTo(JsonPath.<String>read(first.getContentAsString(), "$.attempt"));
        assertThat(enrollment("gm-idem4").getInteger("quizAttemptCount")).isEqualTo(1);
        assertThat(enrollment("gm-idem4").getList("quizAttempts", Document.class)).hasSize(1);
    }

    @Test
    void aRequestWithoutAKeyIsNotRemembered() throws Exception {
        var me = student("gm-idem5", GUMI);
        mvc.perform(post(QUIZ).with(me).contentType(MediaType.APPLICATION_JSON).content(ANSWERS)).andExpect(status().isOk())
                .andExpect(header().doesNotExist("Idempotent-Replayed"));
        mvc.perform(post(QUIZ).with(me).contentType(MediaType.APPLICATION_JSON).content(ANSWERS)).andExpect(status().isOk());
        assertThat(enrollment("gm-idem5").getInteger("quizAttemptCount")).isEqualTo(2);
    }
}
