package sfa.lab.st;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import sfa.lab.plc.ScanCycle;
import sfa.lab.sim.Json;

/**
 * Coverage-guided fuzzing of the Structured Text compiler (docs/fuzzing.md). The seeds are the shipped
 * model answers and wrong answers, and chains and nests at and just past the compiler's limits
 * ({@code StCompilerFuzzingTestsInputs/}); without {@code JAZZER_FUZZ} only they run, as regression tests.
 */
class StCompilerFuzzingTests {

    /**
     * Proves that any text a student submits either compiles to a program or is refused with errors, each
     * at a real line:col in the source, and that a program that compiles runs its scans in the soft PLC
     * (as {@code labsim st-run} does, on either backend) with a short watchdog: an endless loop or a run-time
     * error is a PLC fault (the PLC goes to STOP), never an exception out of the scan, and nothing hangs.
     * A program refused is refused by the compiler's limits, never by a stack overflow it caught (#15).
     */
    @FuzzTest
    void anySourceCompilesOrIsExplainedAndRunsWithoutEscapingTheWatchdog(byte[] input) {
        String source = new String(input, StandardCharsets.UTF_8);
        StCompiler.Compilation c = StCompiler.compile(source, new StCompiler.Options(null, 5, input.length % 2 == 0 ? StCompiler.Backend.BYTECODE
                        : StCompiler.Backend.CLOSURES));
        long lines = source.lines().count() + 1;
        for (Diagnostic d : c.diagnostics()) {
            assertThat(d.position().line()).as("line of %s", d).isBetween(1, (int) Math.max(lines, 1) + 1);
            assertThat(d.position().column()).as("column of %s", d).isPositive();
            assertThat(d.length()).as("length of %s", d).isPositive();
            assertThat(d.en()).as("English of %s", d).isNotBlank();
            assertThat(d.ko()).as("Korean of %s", d).isNotBlank();
            assertThat(d.code()).as("refused by a limit, not by the end of the stack").isNotEqualTo("program-too-deep");
        }
        if (c.program() == null) {
            assertThat(c.errors()).as("a refused program says why").isNotEmpty();
            return;
        }
        ScanCycle plc = new ScanCycle(10, c.program());
        for (int scan = 0; scan < 20 && plc.fault() == null; scan++) {
            plc.scan(scan * 10L);
        }
        assertThat(Json.write(c.program().variables())).isNotNull();
    }
}
