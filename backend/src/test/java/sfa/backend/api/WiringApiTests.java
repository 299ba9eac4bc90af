package sfa.backend.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The wiring board of the sensors lab and a student's wiring tried on it, as the workbench's wiring mode uses them. */
class WiringApiTests extends ApiTest {

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.shared();
    private static final String LAB = "/api/schools/gumi-electronic/labs/wiring-sensors";

    private String trial(String wiring, String... targets) throws Exception {
        String body = "{\"wiring\":" + JSON.writeValueAsString(wiring)
                + ",\"targets\":" + JSON.writeValueAsString(targets) + "}";
        return mvc.perform(post(LAB + "/wiring/trial").with(student("gm-wire1", "gumi-electronic"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theBoardListsItsPartsWithTheirTerminalsAndTheTargetsAStudentCanPlace() throws Exception {
        mvc.perform(get(LAB + "/board").with(student("gm-wire1", "gumi-electronic")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parts[?(@.name=='PSU')].pins[*]").value(Matchers.hasItems("+24V", "0V")))
                .andExpect(jsonPath("$.parts[?(@.name=='S1')].describe.ko").value(Matchers.hasItem(Matchers.containsString("PNP"))))
                .andExpect(jsonPath("$.parts[?(@.name=='K1')].pins[*]").value(Matchers.hasItems("A1", "A2", "11", "12", "14")))
                .andExpect(jsonPath("$.targets").value(Matchers.containsInAnyOrder("S1", "S2")));
    }

    @Test
    void aPnpSensorWiredStraightLightsItsInputOnlyWhileItsTargetIsThere() throws Exception {
        String wiring = "IN.COM - PSU.0V\nPSU.+24V - S1.BN\nPSU.0V - S1.BU\nS1.BK - IN.X0\n";

        assertThat(JsonPath.<Integer>read(trial(wiring), "$.inputs.X0")).isZero();
        assertThat(JsonPath.<Integer>read(trial(wiring, "S1"), "$.inputs.X0")).isEqualTo(1);
    }

    @Test
    void aShortBlowsTheFuseAndTheDiagnosisNamesTheShortedNetsTerminals() throws Exception {
        String answer = trial("IN.COM - PSU.0V\nIN.COM - PSU.+24V\n");

        assertThat(JsonPath.<List<String>>read(answer, "$.blownFuses"))
                .containsExactly("PSU");
        assertThat(JsonPath.<List<String>>read(answer,
                "$.problems[?(@.code=='FUSE_BLOWN')].terminals[*]")).contains("PSU.+24V", "IN.COM");
    }

    @Test
    void aWireToATerminalThatDoesNotExistIsRefusedNamingItInBothLanguages() throws Exception {
        mvc.perform(post(LAB + "/wiring/trial").with(student("gm-wire1", "gumi-electronic"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"wiring\":\"S1.XX - IN.X0\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-wiring"))
                .andExpect(jsonPath("$.message.en").value(Matchers.containsString("XX")))
                .andExpect(jsonPath("$.message.ko").value(Matchers.containsString("XX")));
    }
}
