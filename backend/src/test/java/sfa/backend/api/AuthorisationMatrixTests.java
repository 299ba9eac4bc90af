package sfa.backend.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import sfa.backend.school.RequiresRole;
import sfa.backend.security.Role;

/**
 * Every API endpoint × every role × the caller's own school and another one, generated from the application's own
 * handler mappings: what each must get follows from the endpoint's {@link RequiresRole} and its school in the path.
 * A new endpoint is covered the day it is written; one without a required role must be named below as open to
 * students, so nobody forgets to say who may call it.
 */
class AuthorisationMatrixTests extends AllEndpoints {

    /** The endpoints every signed-in user of a school may call (their own work, the catalogue, their classes). */
    static final Set<String> OPEN_TO_STUDENTS = Set.of(
            "GET /api/me", "GET /api/schools", "GET /api/schools/{school}", "GET /api/schools/{school}/classes",
            "GET /api/schools/{school}/classes/{id}", "GET /api/schools/{school}/classes/{classId}/assignments",
            "GET /api/schools/{school}/curriculum", "GET /api/schools/{school}/units", "GET /api/schools/{school}/units/{unit}",
            "GET /api/schools/{school}/labs/{lab}/board", "POST /api/schools/{school}/labs/{lab}/check",
            "GET /api/schools/{school}/labs/{lab}/scene", "POST /api/schools/{school}/labs/{lab}/wiring/trial");

    private record Who(String name, Role role, RequestPostProcessor login) {
    }

    private static final List<Who> GUMI_USERS = List.of(
            new Who("student", Role.STUDENT, student("gm-matrix-s", "gumi-electronic")),
            new Who("teacher", Role.TEACHER, teacher("gm-matrix-t", "gumi-electronic")),
            new Who("school-admin", Role.SCHOOL_ADMIN, as("gm-matrix-a", "school-admin", "gumi-electronic")),
            new Who("program-admin", Role.PROGRAM_ADMIN, as("program-admin", "program-admin", null)));

    private Role required(Endpoint e) {
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            HandlerMethod method = entry.getValue();
            if (info.getPatternValues().contains(e.pattern()) && (info.getMethodsCondition().getMethods().isEmpty()
                    || info.getMethodsCondition().getMethods().stream().anyMatch(m -> m.asHttpMethod().equals(e.method())))) {
                RequiresRole r = method.getMethodAnnotation(RequiresRole.class);
                return r == null ? Role.STUDENT : r.value();
            }
        }
        throw new IllegalStateException("no handler for " + e);
    }

    @Test
    void everyEndpointWithoutARequiredRoleIsOneNamedAsOpenToStudents() {
        Set<String> unnamed = new TreeSet<>();
        for (Endpoint e : endpoints()) {
            String name = e.method() + " " + e.pattern();
            if (required(e) == Role.STUDENT && !OPEN_TO_STUDENTS.contains(name) && !e.pattern().contains("/my/")) {
                unnamed.add(name);
            }
        }
        assertThat(unnamed).as("endpoints that say no role: add @RequiresRole, or name them as open to students").isEmpty();
    }

    @Test
    void everyRoleGetsFromEveryEndpointOfEitherSchoolExactlyWhatItMay() throws Exception {
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Endpoint e : endpoints()) {
            boolean scoped = e.pattern().startsWith("/api/schools/{school}");
            Role least = required(e);
            for (Who who : GUMI_USERS) {
                for (String school : scoped ? List.of("gumi-electronic", "jeonbuk-mechanical") : List.of("gumi-electronic")) {
                    MvcResult r = call(e, school, who.login());
                    calls++;
                    int status = r.getResponse().getStatus();
                    String body = r.getResponse().getContentAsString();
                    boolean otherSchool = scoped && school.equals("jeonbuk-mechanical") && who.role() != Role.PROGRAM_ADMIN;
                    String expected = otherSchool ? "not-your-school" : who.role().compareTo(least) < 0 ? "role" : null;
                    String got = status == 403 ? JsonPath.read(body, "$.code") : null;
                    if (status == 401 || status >= 500 || (expected == null ? got != null : !expected.equals(got))) {
                        wrong.add(e.method() + " " + e.uri(school) + " as " + who.name() + ": expected "
                                + (expected == null ? "to get through" : "403 " + expected) + ", got " + status
                                + (got == null ? "" : " " + got));
                    }
                }
            }
        }
        assertThat(calls).isGreaterThan(300);
        assertThat(wrong).isEmpty();
    }

    @Test
    void aStudentCannotReadAnotherStudentsAttemptsOfTheSameSchool() throws Exception {
        var author = student("gm-matrix-author", "gumi-electronic");
        String program = java.nio.file.Files.readString(java.nio.file.Path.of("..", "courseware", "solutions",
                "conveyor-self-hold.st"));
        String answer = mvc.perform(post("/api/schools/gumi-electronic/my/units/self-hold/labs/conveyor-self-hold/attempts")
                        .with(author).contentType(MediaType.APPLICATION_JSON)
                        .content(tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(java.util.Map.of("program", program))))
                .andReturn().getResponse().getContentAsString();
        String attempt = JsonPath.read(answer, "$.attempt");
        var classmate = student("gm-matrix-classmate", "gumi-electronic");

        assertThat(mvc.perform(get("/api/schools/gumi-electronic/my/lab-attempts/" + attempt + "/trace").with(classmate))
                .andReturn().getResponse().getStatus()).as("another's attempt is not found among mine").isEqualTo(404);
        assertThat(mvc.perform(get("/api/schools/gumi-electronic/students/gm-matrix-author/lab-attempts/" + attempt)
                .with(classmate)).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/api/schools/gumi-electronic/my/units/self-hold/labs/attempts").with(classmate))
                .andReturn().getResponse().getContentAsString()).doesNotContain(attempt);
    }
}
