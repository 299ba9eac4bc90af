package sfa.lab.plant;

import sfa.lab.scenario.Catalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import sfa.lab.plc.ManualSource;
import sfa.lab.sim.SnapshotException;

class DeterminismTests {

    private static Plant sorting(long seed, SortingController controller) {
        Plant plant = Labs.create(Catalog.lab("sorting-metal"), seed, controller);
        plant.scheduleAll(CommandScript.presses("START@0.5,STOP@30.0,START@32.0"));
        return plant;
    }

    @Test
    void twoRunsWithOneSeedGiveIdenticalTraces() {
        String first = Traces.run(sorting(42, new SortingController()), 75_000);
        String second = Traces.run(sorting(42, new SortingController()), 75_000);

        assertThat(first).isEqualTo(second);
        assertThat(first.lines().count()).isEqualTo(7_501);
    }

    @Test
    void aSnapshotResumedGivesTheSameTraceAsAnUninterruptedRun() {
        String whole = Traces.run(sorting(42, new SortingController()), 60_000);

        Plant first = sorting(42, new SortingController());
        String before = Traces.run(first, 31_230); // mid-run: parts on the belt, STOP held, pusher moving
        byte[] snapshot = first.snapshot();
        Plant resumed = Catalog.standard().resume(snapshot, new SortingController());
        String after = Traces.run(resumed, 60_000);

        assertThat(before + Traces.body(after)).isEqualTo(whole);
    }

    @Test
    void aSnapshotOfEveryLabResumesExactly() {
        for (Lab lab : Catalog.standard().labs()) {
            Plant whole = Labs.create(lab, 5, new ManualSource());
            Plant split = Labs.create(lab, 5, new ManualSource());
            for (Plant p : java.util.List.of(whole, split)) {
                p.scheduleAll(CommandScript.presses(p.operableNames().getFirst() + "@0.5"));
            }
            String expected = Traces.run(whole, 8_000);
            String head = Traces.run(split, 4_000);
            String tail = Traces.run(Catalog.standard().resume(split.snapshot(), new ManualSource()), 8_000);
            assertThat(head + Traces.body(tail)).as(lab.id()).isEqualTo(expected);
        }
    }

    @Test
    void aSnapshotOfARunningStructuredTextProgramResumesExactly() {
        String source = """
                PROGRAM Main
                VAR START AT %IX0.0 : BOOL; STOP AT %IX0.1 : BOOL; ESTOP AT %IX0.2 : BOOL;
                    MOTOR AT %QX0.0 : BOOL; RUNLAMP AT %QX0.1 : BOOL; blink : TON; phase : BOOL; END_VAR
                MOTOR := (START OR MOTOR) AND STOP AND ESTOP;
                blink(IN := MOTOR AND NOT blink.Q, PT := T#370ms);
                IF blink.Q THEN phase := NOT phase; END_IF;
                RUNLAMP := MOTOR AND phase;
                END_PROGRAM
                """;
        java.util.function.Supplier<sfa.lab.plc.ProgramSource> program = () -> sfa.lab.st.StCompiler.compile(source,
                sfa.lab.st.StCompiler.Options.standalone()).program();
        Plant whole = Labs.create(Catalog.lab("conveyor-self-hold"), 1, program.get());
        Plant split = Labs.create(Catalog.lab("conveyor-self-hold"), 1, program.get());
        for (Plant p : java.util.List.of(whole, split)) {
            p.scheduleAll(CommandScript.presses("START@0.5,STOP@6.0"));
        }
        String expected = Traces.run(whole, 8_000);
        String head = Traces.run(split, 3_333);
        String tail = Traces.run(Catalog.standard().resume(split.snapshot(), program.get()), 8_000);

        assertThat(head + Traces.body(tail)).isEqualTo(expected);
    }

    @Test
    void aPacedRunStepsExactlyAsAFastOne() {
        Plant fast = Labs.create(Catalog.lab("conveyor-self-hold"), 1, new ManualSource());
        Plant paced = Labs.create(Catalog.lab("conveyor-self-hold"), 1, new ManualSource());
        for (Plant p : java.util.List.of(fast, paced)) {
            p.scheduleAll(CommandScript.forces("MOTOR=1@0.1,LAMP_RUN=1@0.2"));
        }
        StringBuilder pacedCsv = new StringBuilder();
        paced.runPaced(500, 1000.0, new CsvTrace(pacedCsv), null);

        assertThat(pacedCsv.toString()).isEqualTo(Traces.run(fast, 500));
    }

    @Test
    void aSnapshotOfAnotherProgramKindIsRefused() {
        byte[] snapshot = sorting(1, new SortingController()).snapshot();

        assertThatThrownBy(() -> Catalog.standard().resume(snapshot, new ManualSource()))
                .isInstanceOf(SnapshotException.class).hasMessageContaining("'java'");
    }

    @Test
    void bytesThatAreNotASnapshotAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Catalog.standard().resume("{\"format\":1".getBytes(), new ManualSource()))
                .isInstanceOf(SnapshotException.class).hasMessageContaining("offset");
    }
}
