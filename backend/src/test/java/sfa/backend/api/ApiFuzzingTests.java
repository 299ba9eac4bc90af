package sfa.backend.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * Coverage-guided fuzzing of the JSON API's state-changing endpoints through MockMvc (docs/fuzzing.md). An
 * input is a request as text: its first line names the endpoint and a path value ({@code quiz self-hold}),
 * the rest is the body. The authoring endpoints (Markdown preview, quiz form) are fuzzed too: they parse
 * what a teacher types. The seeds ({@code ApiFuzzingTestsInputs/}) are valid and nearly valid requests of
 * each endpoint. A context of its own (the drafts it writes stay out of the other API tests).
 */
@TestPropertySource(properties = "sfa.test.context=api-fuzzing")
class ApiFuzzingTests extends ApiTest {

    private static final String SCHOOL = "/api/schools/gumi-electronic";
    private static final List<String> ENDPOINTS = List.of("quiz", "attempt", "check", "open", "trial", "file", "operate",
            "force", "markdown", "quiz-form", "quiz-yaml");
    private static final RequestPostProcessor STUDENT = student("gm-fuzz", "gumi-electronic");
    private static final RequestPostProcessor TEACHER = teacher("gm-fuzz-teacher", "gumi-electronic");

    private MockMvc api;
    /** The draft and the live session the inputs work on: one each per context (static: each seed is a new instance). */
    private static int draft;
    private static String session;

    /**
     * Proves that no body, path value or file name sent to these endpoints makes the API fail: the answer is a
     * 2xx, or a 4xx RFC 9457 problem with a {@code code} and its {@code message} in Korean and English, never a
     * 5xx (an exception that no handler turned into an answer), and every request is answered (no hang).
     */
    @FuzzTest
    void everyRequestIsAnsweredOrRefusedAsAProblemNeverAServerError(byte[] input) throws Exception {
        if (api == null) {
            api = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        }
        String text = new String(input, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String head = newline < 0 ? text : text.substring(0, newline);
        String body = newline < 0 ? "" : text.substring(newline + 1);
        String[] words = head.strip().split(" ", 2);
        String endpoint = ENDPOINTS.contains(words[0]) ? words[0] : ENDPOINTS.get(Math.floorMod(words[0].hashCode(), ENDPOINTS.size()));
        String value = words.length > 1 ? words[1] : "";

        MockHttpServletResponse r = switch (endpoint) {
            case "quiz" -> send(json(post(SCHOOL + "/my/units/{unit}/quiz/attempts", or(value, "self-hold")), body, STUDENT));
            case "attempt" -> send(json(post(SCHOOL + "/my/units/self-hold/labs/{lab}/attempts", or(value, "conveyor-self-hold")),
                    body, STUDENT));
            case "check" -> send(json(post(SCHOOL + "/labs/{lab}/check", or(value, "conveyor-self-hold")), body, STUDENT));
            case "trial" -> send(json(post(SCHOOL + "/labs/{lab}/wiring/trial", or(value, "wiring-sensors")), body, STUDENT));
            case "open" -> open(body);
            case "file" -> file(or(value, "unit.yaml"), body);
            case "markdown" -> send(post(SCHOOL + "/units/self-hold/preview-markdown").param("version", "2")
                    .param("path", or(value, "lessons/01-contacts.ko.md")).with(TEACHER).contentType(MediaType.TEXT_PLAIN).content(body));
            case "quiz-form" -> send(post(SCHOOL + "/units/{unit}/quiz-form", or(value, "self-hold")).with(TEACHER)
                    .contentType(MediaType.TEXT_PLAIN).content(body));
            case "quiz-yaml" -> send(json(post(SCHOOL + "/units/{unit}/quiz-yaml", or(value, "self-hold")), body, TEACHER));
            default -> send(json(post(SCHOOL + "/my/labs/{id}/" + endpoint, value.isEmpty() ? session() : value), body, STUDENT));
        };
        assertAnswered(r);
    }

    private static String or(String value, String otherwise) {
        return value.isEmpty() ? otherwise : value;
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body, RequestPostProcessor who) {
        return request.with(who).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return api.perform(request).andReturn().getResponse();
    }

    /** Opens a live lab, and closes it again at once so that runs do not pile up sessions. */
    private MockHttpServletResponse open(String body) throws Exception {
        MockHttpServletResponse r = send(json(post(SCHOOL + "/my/labs"), body, STUDENT));
        if (r.getStatus() == 201) {
            String id = JsonPath.read(r.getContentAsString(), "$.id");
            assertAnswered(send(delete(SCHOOL + "/my/labs/{id}", id).with(STUDENT)));
        }
        return r;
    }

    /** A live session to operate and force: opened once, again when it has gone. */
    private String session() throws Exception {
        if (session == null || api.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get(SCHOOL + "/my/labs/{id}", session).with(STUDENT)).andReturn().getResponse().getStatus() != 200) {
            MockHttpServletResponse r = send(json(post(SCHOOL + "/my/labs"), "{\"lab\":\"conveyor-self-hold\",\"sequence\":false}",
                    STUDENT));
            assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
            session = JsonPath.read(r.getContentAsString(), "$.id");
        }
        return session;
    }

    /** Writes a file of a draft (made once) and validates the draft, which loads it with the courseware loader. */
    private MockHttpServletResponse file(String path, String body) throws Exception {
        String units = SCHOOL + "/units/self-hold";
        if (draft == 0) {
            MockHttpServletResponse r = send(post(units + "/drafts").with(TEACHER));
            assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
            draft = JsonPath.read(r.getContentAsString(), "$.version");
        }
        MockHttpServletResponse r = send(put(units + "/versions/{v}/files", draft).param("path", path).with(TEACHER)
                .contentType(MediaType.TEXT_PLAIN).content(body));
        assertAnswered(r);
        return send(post(units + "/versions/{v}/validate", draft).with(TEACHER));
    }

    private static void assertAnswered(MockHttpServletResponse r) throws Exception {
        String content = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getStatus()).as("status of %s", content).isBetween(200, 499).matches(s -> s < 300 || s >= 400, "a 2xx or a 4xx");
        if (r.getStatus() >= 400) {
            assertThat(r.getContentType()).as("type of the %s answer %s", r.getStatus(), content)
                    .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            Map<String, Object> problem = JsonPath.read(content, "$");
            assertThat(problem.get("code")).as("code of %s", content).isInstanceOf(String.class);
            assertThat(JsonPath.<String>read(content, "$.message.ko")).as("Korean of %s", content).isNotBlank();
            assertThat(JsonPath.<String>read(content, "$.message.en")).as("English of %s", content).isNotBlank();
        }
    }
}
