package sfa.backend.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The school's MongoDB goes away for a while and comes back: meanwhile the platform answers that it cannot reach
 * its store (ko/en, try again), and afterwards it works again by itself with nothing lost.
 */
class StoreOutageTests extends ApiTest {

    private static final Path FILE;
    private static final int PORT;
    private static MongoServer store;

    static {
        try {
            FILE = Files.createTempDirectory("sfa-outage").resolve("store.mv");
            PORT = sfa.backend.TestPorts.free();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        start();
    }

    private static void start() {
        store = new MongoServer(new H2Backend(FILE.toString()));
        store.bind("127.0.0.1", PORT);
    }

    @DynamicPropertySource
    static void schoolsMongoDb(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> "mongodb://127.0.0.1:" + PORT + "/sfa?serverSelectionTimeoutMS=2000");
    }

    @AfterAll
    static void stop() {
        store.shutdown();
    }

    private static final String QUIZ = "/api/schools/gumi-electronic/my/units/self-hold/quiz/attempts";
    private static final String ANSWERS = "{\"responses\":{\"q1\":\"b\",\"q3\":true}}";

    @Test
    void whileTheStoreIsDownTheStudentIsToldToTryAgainAndAfterItReturnsNothingIsLost() throws Exception {
        var me = student("gm-outage1", "gumi-electronic");
        mvc.perform(post(QUIZ).with(me).contentType(MediaType.APPLICATION_JSON).content(ANSWERS))
                .andExpect(status().isOk());

        store.shutdownNow();
        mvc.perform(post(QUIZ).with(me).contentType(MediaType.APPLICATION_JSON).content(ANSWERS))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.code").value("store-unavailable"))
                .andExpect(jsonPath("$.message.ko").value(org.hamcrest.Matchers.containsString("MongoDB")))
                .andExpect(jsonPath("$.message.en").value(org.hamcrest.Matchers.containsString("try again")));

        start();
        // the driver finds the store again by itself; the first attempt is still there, the refused one never counted
        mvc.perform(post(QUIZ).with(me).contentType(MediaType.APPLICATION_JSON).content(ANSWERS)).andExpect(status().isOk());
        try (var client = com.mongodb.client.MongoClients.create("mongodb://127.0.0.1:" + PORT)) {
            org.bson.Document e = client.getDatabase("sfa").getCollection("enrollments")
                    .find(new org.bson.Document("_id", "gumi-electronic|gm-outage1|self-hold")).first();
            org.assertj.core.api.Assertions.assertThat(e.getInteger("quizAttemptCount")).isEqualTo(2);
        }
    }
}
