package sfa.backend.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The fence between schools, proved for every endpoint the application has (read from Spring's own
 * handler mappings, so a new endpoint is covered the moment it exists).
 */
class SchoolFenceTests extends AllEndpoints {

    /** The only API paths outside {@code /api/schools/{school}}: they show nothing of another school. */
    static final Set<String> UNSCOPED = Set.of("/api/me", "/api/schools", "/api/reports/programme",
            "/api/reports/programme.csv", "/api/reports/programme/charts");

    @Test
    void everyApiPathIsUnderItsSchoolExceptTheFewThatShowNoSchoolsData() {
        Set<String> outside = new TreeSet<>();
        for (Endpoint e : endpoints()) {
            if (!e.pattern().startsWith("/api/schools/{school}")) {
                outside.add(e.pattern());
            }
        }
        assertThat(endpoints()).hasSizeGreaterThan(20);
        assertThat(outside).isSubsetOf(UNSCOPED);
    }

    @Test
    void aBusanTeacherIsRefusedEverySchoolEndpointOfGumi() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            if (!e.pattern().startsWith("/api/schools/{school}")) {
                continue;
            }
            MvcResult r = call(e, "gumi-electronic", teacher("bs-teacher", "busan-mechanical"));
            if (r.getResponse().getStatus() != 403 || !r.getResponse().getContentAsString().contains("not-your-school")) {
                leaks.add(e.method() + " " + e.pattern() + " -> " + r.getResponse().getStatus());
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void aStudentIsRefusedEveryEndpointOfAnotherSchoolToo() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            if (e.pattern().startsWith("/api/schools/{school}")
                    && call(e, "jeonbuk-mechanical", student("gm-student1", "gumi-electronic")).getResponse().getStatus() != 403) {
                leaks.add(e.method() + " " + e.pattern());
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void theProgrammeAdministratorPassesTheFenceOfEverySchool() throws Exception {
        List<String> refused = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            if (e.pattern().startsWith("/api/schools/{school}")) {
                MvcResult r = call(e, "gumi-electronic", as("program-admin", "program-admin", null));
                if (r.getResponse().getContentAsString().contains("not-your-school")) {
                    refused.add(e.method() + " " + e.pattern());
                }
            }
        }
        assertThat(refused).isEmpty();
    }

    @Test
    void aSchoolListShowsOnlyTheCallersOwnSchool() throws Exception {
        String body = mvc.perform(request(HttpMethod.GET, "/api/schools").with(teacher("bs-teacher", "busan-mechanical")))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains("busan-mechanical").doesNotContain("gumi-electronic", "jeonbuk-mechanical");
    }
}
