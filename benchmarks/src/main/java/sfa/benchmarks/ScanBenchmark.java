package sfa.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import sfa.lab.plant.SortingController;
import sfa.lab.plc.IoImage;
import sfa.lab.plc.ProgramSource;
import sfa.lab.plc.ScanContext;
import sfa.lab.st.StCompiler;

/**
 * One scan of the sorting-metal logic: compiled Structured Text (bytecode backend, and the closure
 * backend for reference) against the same logic written by hand in Java, side by side in one run. The inputs follow a 64-scan pattern (start, parts passing the
 * sensors, the pusher going out and back) so every branch of the program runs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScanBenchmark {

    private static final int PATTERN = 64;

    private final IoImage io = new IoImage();
    private final boolean[][] inputs = new boolean[PATTERN][6];
    private final ScanContext context = ScanContext.of(0, 0, 10);
    private ProgramSource st;
    private ProgramSource closures;
    private ProgramSource java;
    private int tick;

    @Setup(Level.Trial)
    public void compile() throws IOException {
        String source;
        try (InputStream in = ScanBenchmark.class.getResourceAsStream("/sorting-benchmark.st")) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StCompiler.Compilation c = StCompiler.compile(source, StCompiler.Options.standalone());
        if (!c.ok()) {
            throw new IllegalStateException("benchmark program does not compile: " + c.diagnostics());
        }
        st = c.program();
        closures = StCompiler.compile(source, StCompiler.Options.standalone().with(StCompiler.Backend.CLOSURES)).program();
        java = new SortingController();
        for (int i = 0; i < PATTERN; i++) {
            inputs[i][0] = i == 1;                      // START
            inputs[i][1] = i != 40;                     // STOP (NC)
            inputs[i][2] = i >= 8 && i < 13;            // METAL
            inputs[i][3] = (i >= 14 && i < 19) || (i >= 34 && i < 39); // AT_PUSHER
            inputs[i][4] = i < 15 || i > 22;            // CYL_HOME
            inputs[i][5] = i >= 18 && i <= 20;          // CYL_OUT
        }
    }

    private void feed() {
        boolean[] in = inputs[tick++ & (PATTERN - 1)];
        for (int b = 0; b < 6; b++) {
            io.setInput(b, in[b]);
        }
    }

    @Benchmark
    public boolean structuredTextScan() {
        feed();
        st.scan(io, context);
        return io.output(1);
    }

    /** The same program on the closure backend, the reference implementation, for comparison. */
    @Benchmark
    public boolean structuredTextClosureScan() {
        feed();
        closures.scan(io, context);
        return io.output(1);
    }

    @Benchmark
    public boolean handWrittenJavaScan() {
        feed();
        java.scan(io, context);
        return io.output(1);
    }
}
