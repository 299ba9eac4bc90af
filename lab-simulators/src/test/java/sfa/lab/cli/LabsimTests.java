package sfa.lab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabsimTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int labsim(String... args) {
        return new Labsim(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0])).run(args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runWritesATraceWithTimeEveryIoPointAndPlantState() throws Exception {
        Path trace = dir.resolve("out.csv");
        int code = labsim("run", "--lab", "sorting-metal", "--seconds", "30", "--seed", "7", "--trace", trace.toString(),
                "--press", "START@1.0,STOP@5.0", "--force", "CONVEYOR=1@1.0");

        assertThat(code).isZero();
        var lines = Files.readAllLines(trace);
        assertThat(lines).hasSize(3_001);
        assertThat(lines.getFirst()).startsWith("t_ms,START,STOP,METAL,AT_PUSHER,CYL_HOME,CYL_OUT,CONVEYOR,PUSHER,LAMP_RUN")
                .contains("PUSHER_CYL.stroke", "CONVEYOR.parts", "BIN_A.metal", "BIN_B.plastic");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("sorting-metal", "trace:");
    }

    @Test
    void aScheduledFaultShowsInTheTraceForTheAiTracksData() throws Exception {
        Path trace = dir.resolve("fault.csv");
        int code = labsim("run", "--lab", "sorting-metal", "--seconds", "3", "--trace", trace.toString(),
                "--fault", "stuck_on:AT_PUSHER@1-2");

        assertThat(code).isZero();
        var lines = Files.readAllLines(trace);
        int column = java.util.Arrays.asList(lines.getFirst().split(",")).indexOf("AT_PUSHER");
        assertThat(lines.get(50).split(",")[column]).as("before the fault, no part at the sensor").isEqualTo("0");
        assertThat(lines.get(150).split(",")[column]).as("stuck on with the belt standing").isEqualTo("1");
        assertThat(lines.get(250).split(",")[column]).as("released at 2 s").isEqualTo("0");
    }

    @Test
    void aMalformedFaultExitsTwoSayingHowToWriteOne() {
        int code = labsim("run", "--lab", "sorting-metal", "--fault", "stuck:METAL@1");

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("bad fault 'stuck:METAL@1'", "stuck_on, stuck_off, jam, broken_wire or noise");
    }

    @Test
    void anUnknownLabExitsTwoWithOneLineListingTheLabs() {
        int code = labsim("run", "--lab", "sorting", "--seconds", "5");

        assertThat(code).isEqualTo(2);
        assertThat(err().lines()).hasSize(1);
        assertThat(err()).contains("unknown lab 'sorting'", "sorting-metal", "tank-level");
    }

    @Test
    void aMalformedEventListExitsTwoNamingTheBadItem() {
        int code = labsim("run", "--lab", "conveyor-self-hold", "--press", "START@1.0,STOP5.0");

        assertThat(code).isEqualTo(2);
        assertThat(err().lines()).hasSize(1);
        assertThat(err()).contains("'STOP5.0'");
    }

    @Test
    void aBadAddressExitsTwoNamingIt() {
        int code = labsim("run", "--lab", "conveyor-self-hold", "--force", "%QX9.0=1@1.0");

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("%QX9.0").doesNotContain("Exception");
    }

    @Test
    void aDeviceTheLabDoesNotHaveExitsTwoListingTheDevicesItHas() {
        int code = labsim("run", "--lab", "conveyor-self-hold", "--press", "PUSHER@1.0");

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("no device PUSHER", "START, STOP, ESTOP");
    }

    @Test
    void aWiringFileWithAnUnknownTerminalExitsTwoInBothLanguages() throws Exception {
        Path wiring = dir.resolve("wires.txt");
        Files.writeString(wiring, "PSU.+24V - S1.BN\nPSU.0V - S9.BU\n");
        int code = labsim("run", "--lab", "wiring-sensors", "--wiring", wiring.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("S9", "부품");
    }

    @Test
    void aRunSavedAsASnapshotContinuesWhereItStopped() throws Exception {
        Path whole = dir.resolve("whole.csv");
        Path first = dir.resolve("first.csv");
        Path second = dir.resolve("second.csv");
        Path state = dir.resolve("state.json");
        assertThat(labsim("run", "--lab", "sorting-metal", "--seconds", "20", "--trace", whole.toString(),
                "--press", "START@1.0", "--force", "CONVEYOR=1@1.0")).isZero();
        assertThat(labsim("run", "--lab", "sorting-metal", "--seconds", "8", "--trace", first.toString(),
                "--press", "START@1.0", "--force", "CONVEYOR=1@1.0", "--snapshot", state.toString())).isZero();
        assertThat(labsim("run", "--resume", state.toString(), "--seconds", "12", "--trace", second.toString())).isZero();

        var a = Files.readAllLines(first);
        var b = Files.readAllLines(second);
        var joined = new java.util.ArrayList<>(a);
        joined.addAll(b.subList(1, b.size()));
        assertThat(joined).isEqualTo(Files.readAllLines(whole));
    }

    @Test
    void checkPrintsEachProblemWithItsLineAndACaretAndExitsOne() throws Exception {
        Path prog = dir.resolve("prog.st");
        Files.writeString(prog, """
                PROGRAM Main
                VAR MOTOR AT %QX0.0 : BOOL; END_VAR
                MOTR := TRUE;
                END_PROGRAM
                """);
        int code = labsim("check", prog.toString(), "--lab", "conveyor-self-hold");

        assertThat(code).isEqualTo(1);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains(prog + ":3:1: error: unknown variable 'MOTR' — did you mean 'MOTOR'?")
                .contains(prog + ":3:1: 오류: 알 수 없는 변수 'MOTR'")
                .contains("    3 | MOTR := TRUE;")
                .contains("      | ^^^^")
                .contains("1 error(s), 0 warning(s)");
    }

    @Test
    void checkExitsZeroForACleanProgram() throws Exception {
        Path prog = dir.resolve("ok.st");
        Files.writeString(prog, "PROGRAM Main VAR MOTOR AT %QX0.0 : BOOL; END_VAR MOTOR := TRUE; END_PROGRAM");

        assertThat(labsim("check", prog.toString(), "--lab", "conveyor-self-hold")).isZero();
    }

    @Test
    void stRunPrintsEveryProgramVariableAsOneJsonObject() throws Exception {
        Path prog = dir.resolve("count.st");
        Files.writeString(prog, """
                PROGRAM Main
                VAR n : INT; on : BOOL; t : TON; r : REAL := 0.5; END_VAR
                n := n + 1;
                t(IN := TRUE, PT := T#50ms);
                on := t.Q;
                END_PROGRAM
                """);
        int code = labsim("st-run", prog.toString(), "--scans", "10", "--cycle-ms", "10", "--json");

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("{\"n\":10,\"on\":true,\"t\":{\"IN\":true,\"PT\":50,\"Q\":true,\"ET\":50},\"r\":0.5}");
    }

    @Test
    void stRunReportsARuntimeFaultAndExitsOne() throws Exception {
        Path prog = dir.resolve("div.st");
        Files.writeString(prog, "PROGRAM Main VAR a : INT; b : INT; END_VAR a := 1 / b; END_PROGRAM");

        assertThat(labsim("st-run", prog.toString(), "--scans", "3")).isEqualTo(1);
        assertThat(err()).contains("division by zero at line 1", "0으로 나누었습니다");
    }

    @Test
    void runWithAProgramDrivesTheLab() throws Exception {
        Path prog = dir.resolve("hold.st");
        Files.writeString(prog, """
                PROGRAM Main
                VAR START AT %IX0.0 : BOOL; STOP AT %IX0.1 : BOOL; ESTOP_OK AT %IX0.2 : BOOL; MOTOR AT %QX0.0 : BOOL; END_VAR
                MOTOR := (START OR MOTOR) AND STOP AND ESTOP_OK;
                END_PROGRAM
                """);
        int code = labsim("run", "--lab", "conveyor-self-hold", "--program", prog.toString(), "--seconds", "3",
                "--press", "START@1.0");

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("MOTOR=1", "program st");
    }

    @Test
    void runWithAProgramThatDoesNotCompileExitsTwoWithTheDiagnostics() throws Exception {
        Path prog = dir.resolve("bad.st");
        Files.writeString(prog, "PROGRAM Main VAR P AT %QX0.7 : BOOL; END_VAR P := TRUE; END_PROGRAM");

        assertThat(labsim("run", "--lab", "conveyor-self-hold", "--program", prog.toString())).isEqualTo(2);
        assertThat(err()).contains("this lab has no %QX0.7", "1 error(s)");
    }

    private static final String SELF_HOLD = """
            PROGRAM Main
            VAR START AT %IX0.0 : BOOL; STOP AT %IX0.1 : BOOL; ESTOP_OK AT %IX0.2 : BOOL;
                MOTOR AT %QX0.0 : BOOL; LAMP_RUN AT %QX0.1 : BOOL; LAMP_STOP AT %QX0.2 : BOOL; END_VAR
            MOTOR := (START OR MOTOR) AND STOP AND ESTOP_OK;
            LAMP_RUN := MOTOR;
            LAMP_STOP := NOT MOTOR;
            END_PROGRAM
            """;

    @Test
    void gradePrintsTheVerdictAsJsonAndExitsZeroWhenEverythingPasses() throws Exception {
        Path prog = dir.resolve("hold.st");
        Files.writeString(prog, SELF_HOLD);
        int code = labsim("grade", "--lab", "conveyor-self-hold", "--program", prog.toString(), "--json");

        assertThat(code).isZero();
        Object json = sfa.lab.sim.Json.read(out.toString(StandardCharsets.UTF_8).strip());
        assertThat(json).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("lab", "conveyor-self-hold").containsEntry("passed", true).containsEntry("score", 100L)
                .containsKeys("objectives", "wiring", "diagnostics");
    }

    @Test
    void gradeExitsOneWhenAnObjectiveFailsAndSaysWhen() throws Exception {
        Path prog = dir.resolve("nohold.st");
        Files.writeString(prog, SELF_HOLD.replace("(START OR MOTOR) AND STOP", "START AND STOP"));
        int code = labsim("grade", "--lab", "conveyor-self-hold", "--program", prog.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("FAILED / 실패", "✗ start-self-hold", "t=1.20 s");
    }

    @Test
    void gradeExitsTwoForAProgramThatDoesNotCompileWithTheDiagnosticsInTheJson() throws Exception {
        Path prog = dir.resolve("bad.st");
        Files.writeString(prog, SELF_HOLD.replace("LAMP_RUN := MOTOR;", "LAMP_RUN := MOTR;"));
        int code = labsim("grade", "--lab", "conveyor-self-hold", "--program", prog.toString(), "--json");

        assertThat(code).isEqualTo(2);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("\"passed\":false", "\"code\":\"unknown-variable\"", "\"line\":5", "MOTOR");
    }

    @Test
    void gradeExitsTwoForAnUnknownLab() {
        assertThat(labsim("grade", "--lab", "sorting", "--program", "x.st", "--json")).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("unknown lab 'sorting'");
    }

    @Test
    void gradeWritesATraceThatReplaysToTheSameVerdict() throws Exception {
        Path prog = dir.resolve("nohold.st");
        Path trace = dir.resolve("run.csv");
        Files.writeString(prog, SELF_HOLD.replace("(START OR MOTOR) AND STOP", "START AND STOP"));
        labsim("grade", "--lab", "conveyor-self-hold", "--program", prog.toString(), "--json", "--trace", trace.toString());
        String live = out.toString(StandardCharsets.UTF_8);
        out.reset();
        labsim("grade", "--lab", "conveyor-self-hold", "--replay", trace.toString(), "--json");
        String replayed = out.toString(StandardCharsets.UTF_8);

        assertThat(objectives(replayed)).isEqualTo(objectives(live));
    }

    @SuppressWarnings("unchecked")
    private static Object objectives(String json) {
        return ((java.util.Map<String, Object>) sfa.lab.sim.Json.read(json.strip())).get("objectives");
    }
}
