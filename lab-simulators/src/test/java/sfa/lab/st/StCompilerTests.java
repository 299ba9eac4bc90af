package sfa.lab.st;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sfa.lab.plc.Address;
import sfa.lab.plc.IoImage;
import sfa.lab.plc.ScanContext;

class StCompilerTests {

    private static final StCompiler.Options CONVEYOR_LAB = StCompiler.Options.forLab(List.of(
            Address.parse("%IX0.0"), Address.parse("%IX0.1"), Address.parse("%IX0.2"),
            Address.parse("%QX0.0"), Address.parse("%QX0.1"), Address.parse("%QX0.2")));

    @Test
    void anAtAddressTheLabDoesNotHaveIsAnErrorThatListsTheLabsIo() {
        StCompiler.Compilation c = StCompiler.compile("""
                PROGRAM Main
                VAR motor AT %QX0.0 : BOOL; pusher AT %QX0.5 : BOOL; END_VAR
                motor := TRUE;
                pusher := TRUE;
                END_PROGRAM
                """, CONVEYOR_LAB);

        assertThat(c.ok()).isFalse();
        Diagnostic d = c.errors().getFirst();
        assertThat(d.code()).isEqualTo("unknown-address");
        assertThat(d.position()).isEqualTo(new Position(2, 39));
        assertThat(d.en()).contains("%QX0.5", "%IX0.0", "%QX0.2");
        assertThat(d.ko()).contains("%QX0.5", "이 실습에는");
    }

    @Test
    void aBitAddressNeedsABoolVariable() {
        StCompiler.Compilation c = StCompiler.compile("""
                PROGRAM Main
                VAR start AT %IX0.0 : INT; END_VAR
                END_PROGRAM
                """, CONVEYOR_LAB);

        assertThat(c.errors()).extracting(Diagnostic::code).containsExactly("address-type");
        assertThat(c.errors().getFirst().en()).contains("declare 'start' as BOOL");
    }

    @Test
    void everyErrorComesInKoreanAndEnglishAndPointsAtItsToken() {
        StCompiler.Compilation c = StCompiler.compile("""
                PROGRAM Main
                VAR motor : BOOL; END_VAR
                moter := TRUE;
                END_PROGRAM
                """, StCompiler.Options.standalone());

        Diagnostic d = c.errors().getFirst();
        assertThat(d.format("prog.st")).isEqualTo("prog.st:3:1: error: unknown variable 'moter' — did you mean 'motor'?");
        assertThat(d.formatKo("prog.st")).isEqualTo("prog.st:3:1: 오류: 알 수 없는 변수 'moter' — 'motor'을(를) 쓰려던 것인가요?");
        assertThat(d.length()).isEqualTo(5);
    }

    @Test
    void warningsDoNotStopAProgramFromRunning() {
        StCompiler.Compilation c = StCompiler.compile("""
                PROGRAM Main
                VAR t : TON; x : INT; END_VAR
                x := x + 1;
                END_PROGRAM
                """, StCompiler.Options.standalone());

        assertThat(c.ok()).isTrue();
        assertThat(c.warnings()).extracting(Diagnostic::code).containsExactly("timer-never-called");
    }

    @Test
    void bothBackendsGiveTheSameValuesScanAfterScan() {
        String source = """
                PROGRAM Main
                VAR n : DINT; acc : LREAL; t : TP; pulses : INT; r : R_TRIG; s : STRING; END_VAR
                n := n * 3 + 7;
                acc := acc + SQRT(DINT_TO_LREAL(ABS(n MOD 1000)));
                t(IN := (n MOD 2) = 0, PT := T#25ms);
                r(CLK := t.Q);
                IF r.Q THEN pulses := pulses + 1; s := CONCAT(s, 'x'); END_IF;
                END_PROGRAM
                """;
        StProgram bytecode = StCompiler.compile(source, StCompiler.Options.standalone()).program();
        StProgram closures = StCompiler.compile(source, StCompiler.Options.standalone().with(StCompiler.Backend.CLOSURES)).program();
        IoImage io = new IoImage();
        for (int scan = 0; scan < 500; scan++) {
            bytecode.scan(io, ScanContext.of(scan, scan * 10L, 10));
            closures.scan(io, ScanContext.of(scan, scan * 10L, 10));
            assertThat(bytecode.variables()).as("scan %d", scan).isEqualTo(closures.variables());
        }
        assertThat(((Number) bytecode.variable("pulses")).intValue()).isPositive();
    }

    @Test
    void aRestartPutsEveryOtherVariableBackToItsInitialValue() {
        StProgram p = StCompiler.compile("""
                PROGRAM Main
                VAR n : INT := 5; END_VAR
                n := n + 1;
                END_PROGRAM
                """, StCompiler.Options.standalone()).program();
        IoImage io = new IoImage();
        p.scan(io, ScanContext.of(0, 0, 10));
        p.scan(io, ScanContext.of(1, 10, 10));
        assertThat(p.variable("n")).isEqualTo(7L);

        p.reset();
        assertThat(p.variable("n")).isEqualTo(5L);
    }

    @Test
    void aWarmRestartKeepsRetainVariablesAndResetsTheOthers() {
        StProgram p = StCompiler.compile("""
                PROGRAM Main
                VAR RETAIN parts : DINT; END_VAR
                VAR n : INT := 5; END_VAR
                n := n + 1;
                parts := parts + 10;
                END_PROGRAM
                """, StCompiler.Options.standalone()).program();
        IoImage io = new IoImage();
        p.scan(io, ScanContext.of(0, 0, 10));
        p.scan(io, ScanContext.of(1, 10, 10));

        p.reset();
        assertThat(p.variable("n")).isEqualTo(5L);
        assertThat(p.variable("parts")).isEqualTo(20L);
    }

    @Test
    void anArrayTooLargeForTheMemoryLimitIsRefusedAtItsDeclarationBeforeAnythingIsAllocated() {
        StCompiler.Compilation c = StCompiler.compile("""
                PROGRAM Main
                VAR
                    samples : ARRAY[0..100000000] OF LREAL;
                    grid : ARRAY[0..65535, 0..65535] OF LREAL;
                    names : ARRAY[0..100000] OF STRING[65535];
                END_VAR
                END_PROGRAM
                """, StCompiler.Options.standalone());

        assertThat(c.ok()).isFalse();
        assertThat(c.errors()).extracting(Diagnostic::code).containsOnly("memory-limit");
        assertThat(c.errors()).extracting(Diagnostic::position)
                .containsExactly(new Position(3, 5), new Position(4, 5), new Position(5, 5));
        assertThat(c.errors().getFirst().en())
                .isEqualTo("'samples' needs 763 MB of memory (ARRAY[0..100000000] OF LREAL), more than the 1 MB a program's"
                        + " variables may take in all");
        assertThat(c.errors().get(1).en()).as("the element count overflowed an int before").contains("'grid' needs 32 GB");
        assertThat(c.errors().get(2).en()).as("strings counted as if full").contains("'names' needs 12 GB");
        assertThat(c.errors().getFirst().ko()).contains("'samples'", "763 MB", "1 MB");
    }

    @Test
    void instancesThatTogetherPassTheMemoryLimitAreRefusedNamingTheLargest() {
        StCompiler.Compilation c = StCompiler.compile("""
                FUNCTION_BLOCK Buffer
                VAR data : ARRAY[0..9999] OF LREAL; END_VAR
                END_FUNCTION_BLOCK
                PROGRAM Main
                VAR buffers : ARRAY[1..8] OF Buffer; more : ARRAY[1..8] OF Buffer; END_VAR
                END_PROGRAM
                """, StCompiler.Options.standalone());

        assertThat(c.errors()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("program-memory-limit");
            assertThat(d.position()).isEqualTo(new Position(5, 5));
            assertThat(d.en()).isEqualTo("the program's variables need 1.2 MB of memory in all, more than the 1 MB a program"
                    + " may use; the largest is 'buffers' (626 KB)");
        });
        assertThat(StCompiler.compile("""
                FUNCTION_BLOCK Buffer
                VAR data : ARRAY[0..9999] OF LREAL; END_VAR
                END_FUNCTION_BLOCK
                PROGRAM Main
                VAR buffers : ARRAY[1..10] OF Buffer; END_VAR
                END_PROGRAM
                """, StCompiler.Options.standalone()).ok()).as("800 KB fits").isTrue();
    }

    @Test
    void recursionIsRefusedAlsoThroughAGlobalInstanceOrAnotherFunction() {
        StCompiler.Compilation throughGlobal = StCompiler.compile("""
                VAR_GLOBAL counter : Countdown; END_VAR
                FUNCTION_BLOCK Countdown
                VAR_INPUT n : INT; END_VAR
                VAR_EXTERNAL counter : Countdown; END_VAR
                IF n > 0 THEN counter(n := n - 1); END_IF;
                END_FUNCTION_BLOCK
                PROGRAM Main
                VAR_EXTERNAL counter : Countdown; END_VAR
                counter(n := 10000);
                END_PROGRAM
                """, StCompiler.Options.standalone());
        StCompiler.Compilation mutual = StCompiler.compile("""
                FUNCTION Ping : INT VAR_INPUT n : INT; END_VAR Ping := Pong(n); END_FUNCTION
                FUNCTION Pong : INT VAR_INPUT n : INT; END_VAR Pong := Ping(n); END_FUNCTION
                PROGRAM Main VAR x : INT; END_VAR x := Ping(1); END_PROGRAM
                """, StCompiler.Options.standalone());

        assertThat(throughGlobal.errors()).extracting(Diagnostic::code).containsOnly("recursion");
        assertThat(throughGlobal.errors().getFirst().position()).isEqualTo(new Position(2, 1));
        assertThat(mutual.errors()).extracting(Diagnostic::code).containsExactly("recursion", "recursion");
    }

    @Test
    void functionBlocksNestedDeeperThanThirtyTwoLevelsAreRefusedNamingTheChain() {
        StringBuilder source = new StringBuilder("FUNCTION_BLOCK F0 VAR_INPUT x : INT; END_VAR END_FUNCTION_BLOCK\n");
        for (int i = 1; i < 3000; i++) {
            source.append("FUNCTION_BLOCK F").append(i).append(" VAR_INPUT x : INT; END_VAR VAR inner : F").append(i - 1)
                    .append("; END_VAR inner(x := x); END_FUNCTION_BLOCK\n");
        }
        source.append("PROGRAM Main VAR top : F2999; END_VAR top(x := 1); END_PROGRAM\n");

        StCompiler.Compilation c = StCompiler.compile(source.toString(), StCompiler.Options.standalone());

        assertThat(c.errors()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("nesting-too-deep");
            assertThat(d.en()).startsWith("function blocks and functions nest more than 32 levels deep here (Main → F2999 → F2998");
        });
        StringBuilder shallow = new StringBuilder("FUNCTION_BLOCK F0 VAR_INPUT x : INT; END_VAR END_FUNCTION_BLOCK\n");
        for (int i = 1; i < 32; i++) {
            shallow.append("FUNCTION_BLOCK F").append(i).append(" VAR_INPUT x : INT; END_VAR VAR inner : F").append(i - 1)
                    .append("; END_VAR inner(x := x); END_FUNCTION_BLOCK\n");
        }
        shallow.append("PROGRAM Main VAR top : F31; END_VAR top(x := 1); END_PROGRAM\n");
        assertThat(StCompiler.compile(shallow.toString(), StCompiler.Options.standalone()).errors()).as("32 levels").isEmpty();
    }

    @Test
    void aProgramWithThousandsOfProblemsListsTheFirstHundredAndHowManyMore() { // #15
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            body.append("y").append(i).append(" := 1;\n");
        }
        StCompiler.Compilation c = StCompiler.compile("PROGRAM Main\nVAR x : INT; END_VAR\n" + body + "END_PROGRAM\n",
                StCompiler.Options.standalone());

        assertThat(c.ok()).isFalse();
        assertThat(c.diagnostics()).hasSize(101);
        Diagnostic last = c.diagnostics().getLast();
        assertThat(last.code()).isEqualTo("more-problems");
        assertThat(last.en()).matches("\\d+ more problems are not listed: fix the ones above first");
        assertThat(last.ko()).contains("개 더 있지만 표시하지 않습니다");
    }

    @Test
    void caseRangesFromAVariableOrUpToTheLargestLintAreCheckedWithoutCountingThroughThem() { // #15, found by fuzzing
        StCompiler.Compilation c = StCompiler.compile("""
                PROGRAM Main
                VAR x : LINT; y : LINT; END_VAR
                CASE x OF
                    y..345: x := 1;
                    -9223372036854775807..9223372036854775807: x := 2;
                    9223372036854775800..9223372036854775807: x := 3;
                END_CASE;
                END_PROGRAM
                """, StCompiler.Options.standalone());

        assertThat(c.errors()).extracting(Diagnostic::code, Diagnostic::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("not-constant", new Position(4, 5)));
    }

    @Test
    void aProgramTooLongForOneJvmMethodRunsOnTheClosuresInstead() {
        StCompiler.Compilation c = StCompiler.compile("PROGRAM Main VAR x : DINT; END_VAR\n" + "x := x + 1;\n".repeat(100_000)
                + "END_PROGRAM\n", StCompiler.Options.standalone());

        assertThat(c.errors()).isEmpty();
        c.program().scan(new IoImage(), ScanContext.of(0, 0, 10));
        assertThat(c.program().variable("x")).isEqualTo(100_000L);
    }

    @Test
    void theWatchdogNamesTheLoopsLineAndColumn() {
        StCompiler.Compilation c = StCompiler.compile("""
                PROGRAM Main
                VAR x : DINT; END_VAR
                x := 0;   WHILE TRUE DO x := x + 1; END_WHILE;
                END_PROGRAM
                """, new StCompiler.Options(null, 5));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.program().scan(new IoImage(), ScanContext.of(0, 0, 10)))
                .isInstanceOf(sfa.lab.plc.PlcFault.class)
                .hasMessage("watchdog: scan exceeded 5 ms at line 3:11")
                .satisfies(f -> assertThat(((sfa.lab.plc.PlcFault) f).korean()).isEqualTo("워치독: 스캔이 5 ms를 넘었습니다 (3행 11열)"));
        assertThat(c.program().longLoop()).isEqualTo(new Position(3, 11));
    }
}
