package sfa.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import sfa.lab.plant.IoPoint;
import sfa.lab.plant.Labs;
import sfa.lab.plc.ManualSource;
import sfa.lab.scenario.Catalog;
import sfa.lab.scenario.Grade;
import sfa.lab.scenario.Grader;
import sfa.lab.scenario.SpecLab;
import sfa.lab.st.StCompiler;
import sfa.lab.st.StProgram;

/**
 * One grade of the sorting-metal model answer, as a student's save would trigger it: compile the
 * Structured Text program for the lab, play the lab's whole 75 s test sequence under one seed, and
 * check every objective. Also the lab's full grade, under its five seeds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GradeBenchmark {

    private SpecLab lab;
    private String source;
    private StCompiler.Options options;

    @Setup(Level.Trial)
    public void load() throws IOException {
        lab = Catalog.lab("sorting-metal");
        try (InputStream in = GradeBenchmark.class.getResourceAsStream("/solutions/sorting-metal.st")) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        options = StCompiler.Options.forLab(Labs.create(lab, 1, new ManualSource()).ioMap().stream()
                .map(IoPoint::address).toList());
    }

    private Grade grade(List<Long> seeds) {
        StProgram program = StCompiler.compile(source, options).program();
        Grade g = Grader.grade(lab, () -> {
            program.coldRestart();
            return program;
        }, List.of(), seeds, null);
        if (!g.passed()) {
            throw new IllegalStateException("the model answer failed: " + g.objectives());
        }
        return g;
    }

    /** Compile + 75 s of simulated time + every objective, one seed. */
    @Benchmark
    public Grade gradeSortingMetalOneSeedIncludingCompilation() {
        return grade(List.of(1L));
    }

    /** The lab's grade as students get it: compile once, five seeds of 75 s each. */
    @Benchmark
    public Grade gradeSortingMetalAllFiveSeeds() {
        return grade(List.of());
    }
}
