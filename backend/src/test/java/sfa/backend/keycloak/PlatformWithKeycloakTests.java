package sfa.backend.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform end to end over HTTP with real tokens of the demo users from a real Keycloak and the
 * embedded store: what a student, a teacher and an administrator do, and what another school cannot.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sfa.data-dir=memory")
class PlatformWithKeycloakTests {

    private static final String PASSWORD = "demo1234";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("sfa.security.issuer-uri", () -> KeycloakTestServer.get().issuerUri().toString());
    }

    record Answer(int status, String body, HttpResponse<byte[]> raw) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    Answer call(String user, String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + KeycloakTestServer.get().token(user, PASSWORD));
        if (body != null) {
            b.header("Content-Type", contentType);
        }
        HttpRequest request = b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r);
    }

    Answer get(String user, String path) throws Exception {
        return call(user, "GET", path, null, null);
    }

    Answer post(String user, String path, Object json) throws Exception {
        return call(user, "POST", path, "application/json", json == null ? null : JSON.writeValueAsString(json));
    }

    static String solution(String lab) throws Exception {
        return Files.readString(Path.of("..", "courseware", "solutions", lab + ".st"));
    }

    @Test
    void aStudentStartsALabSubmitsAStructuredTextProgramAndSeesTheVerdict() throws Exception {
        String school = "/api/schools/gumi-electronic";
        Answer live = post("gm-student1", school + "/my/labs", Map.of("lab", "conveyor-self-hold",
                "program", solution("conveyor-self-hold")));
        assertThat(live.status()).isEqualTo(201);
        assertThat(live.json().get("opcUa").get("node").asString()).startsWith("Labs/");

        Answer broken = post("gm-student1", school + "/my/units/self-hold/labs/conveyor-self-hold/attempts",
                Map.of("program", solution("conveyor-self-hold").replace("LAMP_RUN  := MOTOR;", "LAMP_RUN  := MOTR;")));
        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.json().get("diagnostics").get(0).get("en").asString()).contains("did you mean 'MOTOR'");

        Answer graded = post("gm-student1", school + "/my/units/self-hold/labs/conveyor-self-hold/attempts",
                Map.of("program", solution("conveyor-self-hold")));
        assertThat(graded.status()).isEqualTo(200);
        assertThat(graded.json().get("grade").get("passed").asBoolean()).isTrue();
        assertThat(graded.json().get("grade").get("objectives").get(0).get("message").get("ko").asString()).isNotBlank();
    }

    @Test
    void aTeacherPublishesANewVersionWhileAStudentWorksOnTheOldOne() throws Exception {
        String school = "/api/schools/busan-mechanical";
        assertThat(post("bs-student1", school + "/my/units/timers-counters", null).json().get("unit").get("version").asInt())
                .isEqualTo(1);

        assertThat(post("bs-teacher", school + "/units/timers-counters/drafts", null).status()).isEqualTo(201);
        Answer files = get("bs-teacher", school + "/units/timers-counters/versions/2/files");
        String lessonPath = files.json().propertyNames().stream().filter(p -> p.endsWith(".ko.md")).findFirst().orElseThrow();
        Answer put = call("bs-teacher", "PUT", school + "/units/timers-counters/versions/2/files?path=" + lessonPath,
                "text/plain;charset=UTF-8", "# 부산 2판: 타이머 다시 보기\n\n" + files.json().get(lessonPath).asString());
        assertThat(put.status()).isEqualTo(204);
        assertThat(post("bs-teacher", school + "/units/timers-counters/versions/2/publish", null).status()).isEqualTo(200);

        JsonNode kim = post("bs-student1", school + "/my/units/timers-counters", null).json();
        JsonNode lee = post("bs-student2", school + "/my/units/timers-counters", null).json();
        assertThat(kim.get("unit").get("version").asInt()).as("started before: keeps version 1").isEqualTo(1);
        assertThat(lee.get("unit").get("version").asInt()).as("starts now: gets version 2").isEqualTo(2);
        String firstLesson = lee.get("unit").get("lessons").get(0).get("id").asString();
        assertThat(get("bs-student2", school + "/my/units/timers-counters/lessons/" + firstLesson).json()
                .get("markdown").asString()).startsWith("# 부산 2판");
        assertThat(get("bs-student1", school + "/my/units/timers-counters/lessons/" + firstLesson).json()
                .get("markdown").asString()).doesNotContain("부산 2판");
    }

    @Test
    void anAdministratorDownloadsTheCompletionCsv() throws Exception {
        String school = "/api/schools/jeonbuk-mechanical";
        Answer c = post("jb-admin", school + "/classes", Map.of("department", "mechatronics", "grade", 2,
                "name", "메카트로닉스 2-1", "term", "2026-2"));
        assertThat(c.status()).isEqualTo(201);
        String id = c.json().get("id").asString();
        assertThat(call("jb-teacher", "PUT", school + "/classes/" + id + "/students/jb-student1", null, null).status())
                .isEqualTo(200);
        assertThat(call("jb-teacher", "PUT", school + "/classes/" + id + "/assignments/self-hold", "application/json",
                "{\"due\":\"" + LocalDate.now().plusDays(14) + "\"}").status()).isEqualTo(200);

        Answer csv = get("jb-admin", school + "/reports/completion.csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.raw().body()).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(csv.body()).contains("메카트로닉스 2-1", "jb-student1", "self-hold");
    }

    @Test
    void anotherSchoolsDataIsRefusedWithAReasonInKoreanAndEnglish() throws Exception {
        Answer r = get("bs-teacher", "/api/schools/gumi-electronic/classes");

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("code").asString()).isEqualTo("not-your-school");
        assertThat(r.json().get("message").get("ko").asString()).contains("자기 학교");
        assertThat(get("gm-student1", "/api/schools/gumi-electronic/reports/completion.csv").status()).isEqualTo(403);
        assertThat(get("gm-admin", "/api/reports/programme").status()).isEqualTo(403);
        assertThat(get("program-admin", "/api/reports/programme").json().size()).isEqualTo(3);
    }

    @Test
    void aRequestBodyOverOneMebibyteIsRefusedBeforeItIsRead() throws Exception {
        Answer r = post("gm-student1", "/api/schools/gumi-electronic/my/units/self-hold/labs/conveyor-self-hold/attempts",
                Map.of("program", "x".repeat(1024 * 1024)));

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().get("code").asString()).isEqualTo("request-too-large");
        assertThat(r.json().get("message").get("ko").asString()).contains("1 MiB");
    }
}
