package sfa.benchmarks;

import sfa.lab.scenario.Catalog;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import sfa.lab.plant.CommandScript;
import sfa.lab.plant.Labs;
import sfa.lab.plant.Plant;
import sfa.lab.plant.SortingController;

/**
 * Steps per second of the sorting-metal plant run by a correct controller: belt, feeder, sensors,
 * pusher and bins, with the net solver on (it re-solves whenever a sensor, reed switch or output
 * changes). A warm-up of 30 simulated seconds puts three parts on the belt before measuring, and
 * the parts keep coming for as long as the benchmark runs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PlantStepBenchmark {

    private Plant plant;
    private Plant stPlant;

    @Setup(Level.Trial)
    public void start() throws java.io.IOException {
        plant = Labs.create(Catalog.lab("sorting-metal"), 7, new SortingController());
        plant.scheduleAll(CommandScript.presses("START@0.5"));
        plant.runUntil(30_000, null);
        String source;
        try (java.io.InputStream in = PlantStepBenchmark.class.getResourceAsStream("/sorting-benchmark.st")) {
            source = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        stPlant = Labs.create(Catalog.lab("sorting-metal"), 7,
                sfa.lab.st.StCompiler.compile(source, sfa.lab.st.StCompiler.Options.standalone()).program());
        stPlant.scheduleAll(CommandScript.presses("START@0.5"));
        stPlant.runUntil(30_000, null);
    }

    /** One step with the controller written in Structured Text (bytecode backend), as students run it. */
    @Benchmark
    public long sortingMetalStepWithStructuredText() {
        stPlant.step();
        return stPlant.clock().tick();
    }

    /** One 10 ms step of the plant, solving the circuit only when a switch changed (as in a real run). */
    @Benchmark
    public long sortingMetalStep() {
        plant.step();
        return plant.clock().tick();
    }

    /** One step with a full net solve forced every step: the solver's worst case. */
    @Benchmark
    public long sortingMetalStepSolvingEveryStep() {
        plant.circuit().invalidate();
        plant.step();
        return plant.clock().tick();
    }
}
