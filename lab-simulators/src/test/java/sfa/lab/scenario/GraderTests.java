package sfa.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import sfa.lab.plant.CsvTrace;
import sfa.lab.plc.ManualSource;
import sfa.lab.plc.ProgramSource;
import sfa.lab.st.StCompiler;
import sfa.lab.st.StProgram;
import sfa.lab.wiring.WiringFile;

class GraderTests {

    private static final String SELF_HOLD = """
            PROGRAM Main
            VAR START AT %IX0.0 : BOOL; STOP AT %IX0.1 : BOOL; ESTOP_OK AT %IX0.2 : BOOL;
                MOTOR AT %QX0.0 : BOOL; LAMP_RUN AT %QX0.1 : BOOL; LAMP_STOP AT %QX0.2 : BOOL; END_VAR
            MOTOR := (START OR MOTOR) AND STOP AND ESTOP_OK;
            LAMP_RUN := MOTOR;
            LAMP_STOP := NOT MOTOR;
            END_PROGRAM
            """;

    private static Supplier<ProgramSource> program(String source) {
        return program(source, StCompiler.Options.standalone());
    }

    /** With a scan watchdog far off, so that only the grading budget can stop a slow program, on a machine however busy. */
    private static Supplier<ProgramSource> slowProgram(String source) {
        return program(source, new StCompiler.Options(null, 60_000));
    }

    private static Supplier<ProgramSource> program(String source, StCompiler.Options options) {
        StProgram p = StCompiler.compile(source, options).program();
        return () -> {
            p.coldRestart();
            return p;
        };
    }

    private static Verdict verdict(Grade g, String id) {
        return g.objectives().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aProgramTooSlowToGradeIsStoppedAtTheGradingBudgetAndTheVerdictSaysSo() { // #issue 10
        String slow = SELF_HOLD.replace("END_VAR", "    i : DINT; x : LREAL;\nEND_VAR")
                .replace("END_PROGRAM", "FOR i := 1 TO 2000000 DO x := x + 0.5; END_FOR;\nEND_PROGRAM");

        Grade g = Grader.grade(Catalog.lab("conveyor-self-hold"), slowProgram(slow), List.of(), List.of(), null,
                java.time.Duration.ofMillis(300));

        assertThat(g.passed()).isFalse();
        assertThat(g.faultEn()).contains("grading took longer than this lab allows")
                .contains("the most any grade may take is 0.3 s");
        assertThat(g.faultKo()).contains("채점이 이 실습에 허용된 시간을 넘었습니다").contains("최대 0.3초");
    }

    @Test
    void aGradesBudgetFollowsItsLabsSimulatedLength() { // #15
        assertThat(Grader.budgetFor(20_000)).as("a 20 s lab: the grace and 1 s").isEqualTo(java.time.Duration.ofMillis(1_500));
        assertThat(Grader.budgetFor(5 * 75_000)).as("five seeds of a 75 s lab").isEqualTo(java.time.Duration.ofMillis(19_250));
        assertThat(Grader.budgetFor(20 * 60_000)).as("a 20-minute lab: the most any grade may take")
                .isEqualTo(Grader.BUDGET);
    }

    @Test
    void aProgramTooSlowForTheGradingPaceIsStoppedEarlyWithTheLineOfItsLoop() { // #15
        // about a millisecond or more of CPU every 10 ms scan: far below the 20 times real time a grade needs
        String slow = SELF_HOLD.replace("END_VAR", "    i : DINT; x : LREAL;\nEND_VAR")
                .replace("END_PROGRAM", "FOR i := 1 TO 2000000 DO x := x + 0.5; END_FOR;\nEND_PROGRAM");
        int loopLine = (int) slow.lines().takeWhile(l -> !l.startsWith("FOR")).count() + 1;

        Grade g = Grader.grade(Catalog.lab("conveyor-self-hold"), slowProgram(slow), List.of(), List.of(), null);

        assertThat(g.passed()).isFalse();
        assertThat(g.faultEn()).contains("grading took longer than this lab allows")
                .contains("where a grade needs at least 20×").contains("the loop at line " + loopLine + ":1")
                .doesNotContain("the most any grade may take");
        assertThat(g.faultKo()).contains(loopLine + "행 1열의 반복문");
        double stoppedAt = Double.parseDouble(g.faultEn().replaceAll(".*stopped at t=([0-9.]+) s.*", "$1"));
        assertThat(stoppedAt).as("stopped long before the 20 s sequence ends").isLessThan(15);
    }

    @Test
    void aCorrectSelfHoldPassesEveryObjective() {
        Grade g = Grader.grade(Catalog.lab("conveyor-self-hold"), program(SELF_HOLD), List.of(), List.of(), null);

        assertThat(g.passed()).isTrue();
        assertThat(g.score()).isEqualTo(100);
        assertThat(g.objectives()).allSatisfy(v -> assertThat(v.passed()).isTrue());
    }

    @Test
    void withoutSelfHoldTheMotorStopsWhenStartIsReleasedAndTheVerdictSaysWhen() {
        Grade g = Grader.grade(Catalog.lab("conveyor-self-hold"),
                program(SELF_HOLD.replace("(START OR MOTOR) AND STOP", "START AND STOP")), List.of(), List.of(), null);

        assertThat(g.passed()).isFalse();
        Verdict v = verdict(g, "start-self-hold");
        assertThat(v.passed()).isFalse();
        assertThat(v.atMillis()).isEqualTo(1_200);
        assertThat(v.en()).startsWith("t=1.20 s: START was pressed but MOTOR did not run, or it stopped");
        assertThat(v.ko()).startsWith("t=1.20 s: START를 눌렀는데");
        assertThat(g.score()).isLessThan(100);
    }

    @Test
    void aProgramWithoutStopPriorityFailsThatObjective() {
        Grade g = Grader.grade(Catalog.lab("conveyor-self-hold"),
                program(SELF_HOLD.replace("(START OR MOTOR) AND STOP AND ESTOP_OK", "START OR (MOTOR AND STOP AND ESTOP_OK)")),
                List.of(), List.of(), null);

        assertThat(verdict(g, "stop-priority").passed()).isFalse();
        assertThat(verdict(g, "stop-priority").en()).contains("t=7.", "stop does not have priority");
    }

    @Test
    void aReplayedTraceGivesTheSameVerdictAsTheRun() {
        StringBuilder csv = new StringBuilder();
        Grade live = Grader.grade(Catalog.lab("conveyor-self-hold"),
                program(SELF_HOLD.replace("(START OR MOTOR) AND STOP", "START AND STOP")), List.of(), List.of(),
                new CsvTrace(csv));
        Grade replayed = Grader.judge(Catalog.lab("conveyor-self-hold"), TraceTable.fromCsv(csv.toString()), 1);

        assertThat(replayed.objectives()).isEqualTo(live.objectives());
        assertThat(replayed.score()).isEqualTo(live.score());
    }

    @Test
    void anyCorrectWiringPassesTheWiringLab() {
        String relayForNpn = """
                PSU.+24V - S1.BN
                PSU.0V - S1.BU
                S1.BK - IN.X0
                IN.COM - PSU.0V
                PSU.+24V - S2.BN
                PSU.0V - S2.BU
                PSU.+24V - K1.A1
                S2.BK - K1.A2
                PSU.+24V - K1.11
                K1.14 - IN.X1
                """;
        String relayForPnp = """
                IN.COM - PSU.+24V
                PSU.+24V - S2.BN
                PSU.0V - S2.BU
                S2.BK - IN.X1
                PSU.+24V - S1.BN
                PSU.0V - S1.BU
                S1.BK - K1.A1
                K1.A2 - PSU.0V
                PSU.0V - K1.11
                K1.14 - IN.X0
                """;
        for (String wiring : List.of(relayForNpn, relayForPnp)) {
            Grade g = Grader.grade(Catalog.lab("wiring-sensors"), ManualSource::new, WiringFile.parse(wiring), List.of(), null);
            assertThat(g.passed()).as(wiring).isTrue();
            assertThat(g.wiring()).isEmpty();
        }
    }

    @Test
    void aWrongWiringFailsAndTheFeedbackNamesTheFaultyNet() {
        Grade g = Grader.grade(Catalog.lab("wiring-sensors"), ManualSource::new, WiringFile.parse("""
                PSU.+24V - S1.BN
                PSU.0V - S1.BU
                S1.BK - IN.X0
                IN.COM - PSU.0V
                PSU.+24V - S2.BN
                PSU.0V - S2.BU
                S2.BK - IN.X1
                """), List.of(), null);

        assertThat(g.passed()).isFalse();
        assertThat(verdict(g, "pnp-on-x0").passed()).isTrue();
        Verdict npn = verdict(g, "npn-on-x1");
        assertThat(npn.passed()).isFalse();
        assertThat(npn.en()).contains("t=3.", "wiring:", "{IN.X1, S2.BK}", "interposing relay");
        assertThat(npn.ko()).contains("배선:", "중계 릴레이");
    }

    @Test
    void aProgramThatOnlyWorksForOnePartOrderFailsUnderAnotherSeed() {
        // pushes the 1st, 3rd, 5th... part whatever it is made of: right only if metal and plastic alternate
        String guessing = """
                PROGRAM Main
                VAR START AT %IX0.0 : BOOL; STOP AT %IX0.1 : BOOL; AT_PUSHER AT %IX0.3 : BOOL; CYL_HOME AT %IX0.4 : BOOL;
                    CYL_OUT AT %IX0.5 : BOOL; CONVEYOR AT %QX0.0 : BOOL; PUSHER AT %QX0.1 : BOOL; LAMP_RUN AT %QX0.2 : BOOL;
                    seen : R_TRIG; n : INT; pushing : BOOL; END_VAR
                CONVEYOR := (START OR CONVEYOR) AND STOP;
                LAMP_RUN := CONVEYOR;
                seen(CLK := AT_PUSHER);
                IF seen.Q THEN n := n + 1; IF (n MOD 2) = 1 AND CYL_HOME THEN pushing := TRUE; END_IF; END_IF;
                IF pushing AND CYL_OUT THEN pushing := FALSE; END_IF;
                PUSHER := pushing;
                END_PROGRAM
                """;
        Grade g = Grader.grade(Catalog.lab("sorting-metal"), program(guessing), List.of(), List.of(), null);

        assertThat(verdict(g, "sorted").passed()).isFalse();
        assertThat(g.seeds()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aPartNamedLikeAPanelModuleIsRefusedWithTheReason() {
        SpecLoader.Result r = SpecLoader.load("""
                id: clash
                version: 1
                title: {ko: 이름, en: Names}
                instructions: {ko: 이름, en: names}
                equipment:
                  - {type: lamp, name: OUT}
                io:
                  - {address: "%QX0.0", name: OUT, ko: 램프, en: lamp}
                sequence: {seconds: 1}
                objectives:
                  - {id: x, check: never OUT, ko: 꺼짐, en: off}
                """, "clash.yaml");

        assertThat(r.problems()).extracting(Problem::en).anySatisfy(e -> assertThat(e).contains("OUT", "panel"));
        assertThat(r.problems()).extracting(Problem::ko).anySatisfy(e -> assertThat(e).contains("OUT", "패널"));
    }

    @Test
    void aFaultScheduledInTheSequenceReachesThePlant() {
        String spec = """
                id: stuck-sensor
                version: 1
                title: {ko: 고장, en: Fault}
                instructions: {ko: 고장, en: fault}
                equipment:
                  - {type: push_button, name: START, contact: NO}
                  - {type: bin, name: B}
                  - {type: conveyor, name: BELT, length_m: 2.0, speed_mps: 0.2, end_bin: B}
                  - {type: sensor, name: EYE, kind: photoelectric, output: PNP, conveyor: BELT, at_m: 1.0}
                io:
                  - {address: "%IX0.0", name: START, ko: 버튼, en: button}
                  - {address: "%IX0.1", name: EYE, ko: 센서, en: sensor}
                sequence:
                  seconds: 3
                  faults:
                    - {at: 1.0, until: 2.0, stuck_on: EYE}
                objectives:
                  - {id: dark, check: never EYE, ko: 꺼져 있습니다, en: stays dark}
                """;
        SpecLoader.Result r = SpecLoader.load(spec, "stuck.yaml");
        assertThat(r.problems()).isEmpty();
        Grade g = Grader.grade(new SpecLab(r.spec()), ManualSource::new, List.of(), List.of(), null);

        assertThat(g.passed()).isFalse();
        assertThat(g.objectives().getFirst().atMillis()).isEqualTo(1_010);
    }

    private static Grade gradeSpec(String faults, String check) {
        String spec = """
                id: faults
                version: 1
                title: {ko: 고장, en: Faults}
                instructions: {ko: 고장, en: faults}
                equipment:
                  - {type: push_button, name: START, contact: NO}
                  - {type: cylinder, name: CYL, acting: single, extend_coil: OUT_COIL, extend_s: 0.5, home_switch: CYL_HOME, out_switch: CYL_OUT}
                  - {type: tank, name: TANK, height_m: 1.0, pump: PUMP, drain: DRAIN, pump_mps: 0.05, drain_mps: 0.03}
                  - {type: analog_input, name: LEVEL, source: TANK.level}
                io:
                  - {address: "%IX0.0", name: START, ko: 버튼, en: button}
                  - {address: "%IX0.1", name: CYL_HOME, ko: 후진, en: home}
                  - {address: "%IX0.2", name: CYL_OUT, ko: 전진, en: out}
                  - {address: "%IW0", name: LEVEL, ko: 수위, en: level}
                  - {address: "%QX0.0", name: OUT_COIL, ko: 코일, en: coil}
                sequence:
                  seconds: 4
                  faults:
                FAULTS
                objectives:
                  - {id: check, check: "CHECK", ko: 확인, en: check}
                """.replace("FAULTS", faults).replace("CHECK", check);
        SpecLoader.Result r = SpecLoader.load(spec, "faults.yaml");
        assertThat(r.problems()).isEmpty();
        // the program only holds the cylinder's valve open
        return Grader.grade(new SpecLab(r.spec()), () -> (sfa.lab.plc.JavaProgram) (io, ctx) -> io.setOutput(0, true),
                List.of(), List.of(), null);
    }

    @Test
    void aJammedCylinderDoesNotReachItsEndUntilTheJamClears() {
        assertThat(gradeSpec("    - {at: 0, until: 2.0, jam: CYL}", "always not CYL_OUT until 1.9s").passed()).isTrue();
        assertThat(gradeSpec("    - {at: 0, until: 2.0, jam: CYL}", "CYL_OUT by 2.6s").passed()).isTrue();
        assertThat(gradeSpec("    - {at: 0, until: 2.0, jam: CYL}", "CYL_OUT by 1.0s").passed()).isFalse();
    }

    @Test
    void aBrokenWireDarkensItsInputUntilItIsMended() {
        String fault = "    - {at: 1.0, until: 2.0, broken_wire: \"CYL_OUT.BU - IN.X2\"}";
        assertThat(gradeSpec(fault, "always CYL_OUT from 0.6s until 1.0s").passed()).isTrue();
        assertThat(gradeSpec(fault, "never CYL_OUT from 1.05s until 2.0s").passed()).isTrue();
        assertThat(gradeSpec(fault, "always CYL_OUT from 2.05s").passed()).isTrue();
    }

    @Test
    void noiseOnALoopMovesTheRawValueAroundTheTruthAndEndsOnTime() {
        String fault = "    - {at: 1.0, until: 3.0, noise: LEVEL, amplitude_ma: 0.5}";
        assertThat(gradeSpec(fault, "never LEVEL != 0 until 1.0s").passed()).isTrue();
        assertThat(gradeSpec(fault, "never LEVEL > 500 from 1.0s").passed()).isTrue();
        assertThat(gradeSpec(fault, "never LEVEL < 0 from 1.0s until 3.0s").passed()).isFalse();
        assertThat(gradeSpec(fault, "always LEVEL == 0 from 3.05s").passed()).isTrue();
    }
}
