package sfa.backend.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import sfa.backend.content.Content;
import sfa.backend.lab.LiveLabs;
import tools.jackson.databind.ObjectMapper;

/** Live labs through the API, with the platform's OPC UA endpoint on a free port; labs play 20x faster. */
class LiveLabApiTests extends ApiTest {

    static final String SCHOOL = "/api/schools/gumi-electronic";

    @DynamicPropertySource
    static void opcUaOnAFreePort(DynamicPropertyRegistry registry) throws Exception {
        int port = sfa.backend.TestPorts.free();
        registry.add("sfa.opcua.enabled", () -> "true");
        registry.add("sfa.opcua.port", () -> port);
        registry.add("sfa.opcua.bind", () -> "127.0.0.1");
        registry.add("sfa.labs.idle-minutes", () -> "0");
        registry.add("sfa.labs.checkpoint-ms", () -> "3600000");
    }

    @Autowired
    Content content;

    @Autowired
    LiveLabs liveLabs;

    @Autowired
    sfa.backend.lab.LabHost labHost;

    String open(RequestPostProcessor who, String lab, String program) throws Exception {
        String body = new ObjectMapper().writeValueAsString(program == null ? Map.of("lab", lab)
                : Map.of("lab", lab, "program", program));
        return mvc.perform(post(SCHOOL + "/my/labs").with(who).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    }

    String state(RequestPostProcessor who, String id) throws Exception {
        return mvc.perform(get(SCHOOL + "/my/labs/" + id).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    /** Polls the session until {@code condition} holds on its state (fails after 20 s). */
    String awaitState(RequestPostProcessor who, String id, String what, Predicate<String> condition) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            String s = state(who, id);
            if (condition.test(s)) {
                return s;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what + "; last state " + s);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    static long time(String state) {
        return ((Number) JsonPath.read(state, "$.state.timeMs")).longValue();
    }

    @Test
    void aStudentRunsTheirProgramLiveAndTheGradeCountsInTheUnit() throws Exception {
        var me = student("gm-live1", "gumi-electronic");
        String program = Files.readString(content.root().resolve("courseware/solutions/conveyor-self-hold.st"));
        String opened = open(me, "conveyor-self-hold", program);
        String id = JsonPath.read(opened, "$.id");
        assertThat(JsonPath.<String>read(opened, "$.mode")).isEqualTo("program");
        assertThat(JsonPath.<List<String>>read(opened, "$.devices")).contains("START", "STOP");

        mvc.perform(post(SCHOOL + "/my/labs/" + id + "/commands/start").with(me)).andExpect(status().isOk());
        awaitState(me, id, "the 20 s test sequence has played", s -> time(s) > 20_000);

        mvc.perform(post(SCHOOL + "/my/labs/" + id + "/grade").with(me))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.passed").value(true));
        mvc.perform(post(SCHOOL + "/my/units/self-hold/labs/conveyor-self-hold/live-grades").param("session", id).with(me))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grade.passed").value(true))
                .andExpect(jsonPath("$.progress.labsPassed").value(1));
        mvc.perform(post(SCHOOL + "/my/units/sensor-types/labs/sorting-metal/live-grades").param("session", id).with(me))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("wrong-lab"));
        mvc.perform(get(SCHOOL + "/my/units/self-hold/labs/attempts").with(me))
                .andExpect(jsonPath("$[0].passed").value(true));
    }

    @Test
    void pressingStartOnThePanelRunsTheMotorOfTheStudentsProgram() throws Exception {
        var me = student("gm-live2", "gumi-electronic");
        String program = Files.readString(content.root().resolve("courseware/solutions/conveyor-self-hold.st"));
        String id = JsonPath.read(open(me, "conveyor-self-hold", program), "$.id");

        mvc.perform(post(SCHOOL + "/my/labs/" + id + "/operate").with(me).contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"press\",\"device\":\"START\"}")).andExpect(status().isOk());
        mvc.perform(post(SCHOOL + "/my/labs/" + id + "/commands/start").with(me));

        String s = awaitState(me, id, "the motor runs", st -> JsonPath.<Integer>read(st, "$.state.values.MOTOR") == 1);
        assertThat(time(s)).as("before the test sequence's own START press at 1.0 s").isLessThan(1_000);
        mvc.perform(post(SCHOOL + "/my/labs/" + id + "/operate").with(me).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"press\",\"device\":\"STRAT\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message.ko").value(org.hamcrest.Matchers.containsString("START")));
    }

    @Test
    void aForcedInputRunsTheProgramAndTheFrameShowsTheForceAndTheProgramsVariables() throws Exception {
        var me = student("gm-live8", "gumi-electronic");
        String program = Files.readString(content.root().resolve("courseware/solutions/conveyor-self-hold.st"));
        String id = JsonPath.read(open(me, "conveyor-self-hold", program), "$.id");

        mvc.perform(post(SCHOOL + "/my/labs/" + id + "/force").with(me).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"input\":\"START\",\"value\":1}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.forced.START").value(1));
        mvc.perform(post(SCHOOL + "/my/labs/" + id + "/commands/start").with(me));

        String s = awaitState(me, id, "the motor runs", st -> JsonPath.<Integer>read(st, "$.state.values.MOTOR") == 1);
        assertThat(JsonPath.<Boolean>read(s, "$.state.variables.MOTOR")).as("online value of the program's variable").isTrue();
        mvc.perform(post(SCHOOL + "/my/labs/" + id + "/force").with(me).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"input\":\"MOTOR\",\"value\":1}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message.ko").value(org.hamcrest.Matchers.containsString("출력")));
        mvc.perform(post(SCHOOL + "/my/labs/" + id + "/force").with(me).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"input\":\"START\",\"value\":null}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.forced").isEmpty());
    }

    @Test
    void theBrowserWatchesThePlantAsAStreamOfFramesWhileItRuns() throws Exception {
        var me = student("gm-live7", "gumi-electronic");
        String id = JsonPath.read(open(me, "sorting-metal", null), "$.id");
        var response = mvc.perform(get(SCHOOL + "/my/labs/" + id + "/stream").with(me))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.request().asyncStarted())
                .andReturn().getResponse();
        mvc.perform(post(SCHOOL + "/my/labs/" + id + "/commands/start").with(me));

        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        // seven pieces: the sixth frame is followed by another, so it is read whole (the last may be half written)
        while (response.getContentAsString().split("event:frame").length < 7 && System.nanoTime() < end) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        String[] frames = response.getContentAsString().split("event:frame");
        assertThat(frames.length).as("frames streamed").isGreaterThanOrEqualTo(7);
        long first = ((Number) JsonPath.read(frames[2].substring(frames[2].indexOf('{')), "$.timeMs")).longValue();
        long later = ((Number) JsonPath.read(frames[5].substring(frames[5].indexOf('{')), "$.timeMs")).longValue();
        assertThat(later).as("simulated time moves on from frame to frame").isGreaterThan(first);
        assertThat(frames[5]).contains("\"CONVEYOR\"", "\"running\":true");
    }

    @Test
    void anotherStudentCannotSeeOrDriveTheSession() throws Exception {
        String id = JsonPath.read(open(student("gm-live3", "gumi-electronic"), "conveyor-self-hold", null), "$.id");
        var other = student("gm-live4", "gumi-electronic");

        mvc.perform(get(SCHOOL + "/my/labs/" + id).with(other)).andExpect(status().isNotFound());
        mvc.perform(post(SCHOOL + "/my/labs/" + id + "/commands/start").with(other)).andExpect(status().isNotFound());
        mvc.perform(delete(SCHOOL + "/my/labs/" + id).with(other)).andExpect(status().isNotFound());
    }

    @Test
    void anIdleSessionIsSuspendedAndResumesExactlyWhereItStood() throws Exception {
        var me = student("gm-live5", "gumi-electronic");
        String program = Files.readString(content.root().resolve("courseware/solutions/conveyor-self-hold.st"));
        String id = JsonPath.read(open(me, "conveyor-self-hold", program), "$.id");
        mvc.perform(post(SCHOOL + "/my/labs/" + id + "/commands/start").with(me));
        awaitState(me, id, "the sequence's START ran the motor", s -> JsonPath.<Integer>read(s, "$.state.values.MOTOR") == 1);
        String before = JsonPath.parse(mvc.perform(post(SCHOOL + "/my/labs/" + id + "/commands/stop").with(me))
                .andReturn().getResponse().getContentAsString()).jsonString();

        liveLabs.checkpoint();

        mvc.perform(get(SCHOOL + "/my/labs").with(me))
                .andExpect(jsonPath("$[?(@.id=='" + id + "')].state").value(org.hamcrest.Matchers.contains("SUSPENDED")));
        String after = state(me, id);
        assertThat(time(after)).isEqualTo(((Number) JsonPath.read(before, "$.timeMs")).longValue());
        assertThat(JsonPath.<Map<String, Object>>read(after, "$.state.values"))
                .isEqualTo(JsonPath.<Map<String, Object>>read(before, "$.values"));
        assertThat(JsonPath.<Boolean>read(after, "$.state.running")).isFalse();
        assertThat(JsonPath.<String>read(after, "$.opcUa.password")).as("a resumed session has a new login").isNotBlank();
    }

    @Test
    void aSuspendedSessionAskedForByManyRequestsAtOnceIsResumedOnceUnderItsOwnId() throws Exception { // #issue 10
        var me = student("gm-live9", "gumi-electronic");
        String program = Files.readString(content.root().resolve("courseware/solutions/conveyor-self-hold.st"));
        String id = JsonPath.read(open(me, "conveyor-self-hold", program), "$.id");
        mvc.perform(post(SCHOOL + "/my/labs/" + id + "/commands/stop").with(me));
        liveLabs.checkpoint();

        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(pool.submit(() -> mvc.perform(get(SCHOOL + "/my/labs/" + id).with(me)).andReturn().getResponse()
                    .getContentAsString()));
        }
        for (var a : answers) {
            assertThat(JsonPath.<String>read(a.get(), "$.id")).isEqualTo(id);
        }
        pool.shutdown();
        mvc.perform(get(SCHOOL + "/my/labs/" + id).with(me)).andExpect(status().isOk());
        mvc.perform(get(SCHOOL + "/my/labs").with(me))
                .andExpect(jsonPath("$[?(@.id=='" + id + "')]").value(org.hamcrest.Matchers.hasSize(1)));
    }

    @Test
    void aSessionLostWithItsServerBeforeItsFirstCheckpointStartsAgainUnderItsOwnId() throws Exception { // #issue 10
        var me = student("gm-live10", "gumi-electronic");
        String program = Files.readString(content.root().resolve("courseware/solutions/conveyor-self-hold.st"));
        String id = JsonPath.read(open(me, "conveyor-self-hold", program), "$.id");
        // the server dies before the session's first checkpoint: its record has no snapshot, its plant is gone
        labHost.close(id);

        mvc.perform(get(SCHOOL + "/my/labs/" + id).with(me)).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id));
        mvc.perform(get(SCHOOL + "/my/labs/" + id).with(me)).andExpect(status().isOk());
        mvc.perform(get(SCHOOL + "/my/labs").with(me))
                .andExpect(jsonPath("$[?(@.id=='" + id + "')]").value(org.hamcrest.Matchers.hasSize(1)));
    }

    @Test
    void theStudentsOwnOpcUaClientDrivesTheSessionWithTheLoginTheApiGave() throws Exception {
        var me = student("gm-live6", "gumi-electronic");
        String opened = open(me, "conveyor-self-hold", null);
        String id = JsonPath.read(opened, "$.id");
        String endpoint = JsonPath.read(opened, "$.opcUa.endpoint");
        OpcUaClient client = OpcUaClient.create(endpoint,
                eps -> eps.stream().filter(e -> e.getSecurityPolicyUri().equals(SecurityPolicy.None.getUri())).findFirst(),
                transport -> {
                },
                cfg -> cfg.setIdentityProvider(new UsernameProvider(JsonPath.<String>read(opened, "$.opcUa.user"),
                        JsonPath.<String>read(opened, "$.opcUa.password"))));
        client.connect();
        try {
            int ns = client.readNamespaceTable().getIndex("urn:smart-factory-academy:labs").intValue();
            NodeId motor = new NodeId(ns, JsonPath.<String>read(opened, "$.opcUa.node") + "/Devices/MOTOR/Value");
            assertThat(client.writeValues(List.of(motor), List.of(DataValue.valueOnly(
                    new org.eclipse.milo.opcua.stack.core.types.builtin.Variant(true)))).getFirst().isGood()).isTrue();
            mvc.perform(post(SCHOOL + "/my/labs/" + id + "/commands/start").with(me));

            awaitState(me, id, "the client's MOTOR write shows in the platform",
                    s -> JsonPath.<Integer>read(s, "$.state.values.MOTOR") == 1);
            DataValue read = client.readValue(0, TimestampsToReturn.Neither, motor);
            assertThat(read.getValue().getValue()).isEqualTo(true);
        } finally {
            client.disconnect();
        }
    }
}
