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
}
