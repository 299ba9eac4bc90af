package sfa.backend.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A server with a cap on its live labs ({@code sfa.labs.capacity}) refuses one more with a 503 the student
 * understands, to try again (a proxy in front of a cluster tries the next node); the labs it runs go on.
 */
class LabCapacityTests extends ApiTest {

    static final String SCHOOL = "/api/schools/busan-mechanical";

    @DynamicPropertySource
    static void twoLabsAtMost(DynamicPropertyRegistry registry) {
        registry.add("sfa.opcua.enabled", () -> "false");
        registry.add("sfa.labs.capacity", () -> "2");
    }

    private org.springframework.test.web.servlet.ResultActions open(RequestPostProcessor who) throws Exception {
        return mvc.perform(post(SCHOOL + "/my/labs").with(who).contentType(MediaType.APPLICATION_JSON)
                .content("{\"lab\":\"conveyor-self-hold\"}"));
    }

    @Test
    void aServerFullOfLiveLabsRefusesAnotherUntilOneCloses() throws Exception {
        var first = student("bs-cap1", "busan-mechanical");
        String id = com.jayway.jsonpath.JsonPath.read(open(first).andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString(), "$.id");
        open(student("bs-cap2", "busan-mechanical")).andExpect(status().isCreated());

        var third = student("bs-cap3", "busan-mechanical");
        open(third).andExpect(status().isServiceUnavailable())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.code").value("labs-full"))
                .andExpect(jsonPath("$.message.ko").value(org.hamcrest.Matchers.containsString("최대 개수(2개)")));

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(SCHOOL + "/my/labs/" + id)
                .with(first)).andExpect(status().is2xxSuccessful());
        open(third).andExpect(status().isCreated());
    }
}
