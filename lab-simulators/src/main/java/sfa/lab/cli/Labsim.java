package sfa.lab.cli;

import sfa.lab.scenario.Catalog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import sfa.lab.plant.Command;
import sfa.lab.plant.CommandScript;
import sfa.lab.plant.CsvTrace;
import sfa.lab.plant.IoPoint;
import sfa.lab.plant.Lab;
import sfa.lab.plant.Labs;
import sfa.lab.plant.Plant;
import sfa.lab.plc.ManualSource;
import sfa.lab.plc.ProgramSource;
import sfa.lab.sim.Clock;
import sfa.lab.sim.SnapshotException;
import sfa.lab.wiring.Finding;
import sfa.lab.wiring.Supply;
import sfa.lab.wiring.Wire;
import sfa.lab.wiring.WiringException;
import sfa.lab.wiring.WiringFile;

/**
 * {@code labsim run|list|demo}. Exit codes: 0 done, 2 bad input (one line on stderr naming it).
 */
public final class Labsim {

    static final int OK = 0;
    static final int BAD_INPUT = 2;
    /** The longest run the command line accepts: one simulated day. */
    static final long MAX_MILLIS = 86_400_000L;

    private static final String USAGE = """
            usage: labsim <command> [options]
              run   --lab <id> [--program prog.st] [--seconds S] [--seed N] [--step MS] [--trace out.csv]
                    [--press START@1.0,STOP@5.0,STOP@7.0-7.5] [--set TARGET=100@0]
                    [--force MOTOR=1@2.0] [--wiring wires.txt]
                    [--fault stuck_on:METAL@12-14,jam:CYL_A@5,noise:LEVEL=0.5@3-6]
                    [--snapshot state.json] [--resume state.json]
                    runs a lab with a Structured Text program, or with outputs forced by hand,
                    and writes its signal trace as CSV (time, every I/O point, plant state)
              check prog.st [--lab <id>]
                    prints the program's errors and warnings; exit 1 when it has errors
              st-run prog.st --scans N [--cycle-ms 10] [--json]
                    runs a program without a plant and prints every variable of its PROGRAM
              grade --lab <id> [--program prog.st] [--wiring wires.txt] [--seed N] [--json]
                    [--trace out.csv] | --replay trace.csv
                    runs the lab's test sequence and checks its objectives; exit 0 all
                    passed, 1 some failed, 2 invalid input
              serve --lab <id> (--program prog.st | --external) [--port 4840] [--sessions N]
                    [--pki DIR] [--host NAME] [--bind ADDR] [--security-none on|off]
                    serves the lab live over OPC UA and prints the endpoint and each session's
                    user name and password; --external: the student's own client writes the outputs
              list  lists the labs
              demo  [--lab conveyor-self-hold] [--seconds S] [--speed X]
                    runs a lab paced to the wall clock with a built-in program; type a device
                    name (START, STOP, ESTOP) to press it, 'release ESTOP', or 'quit'
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;

    Labsim(PrintStream out, PrintStream err, InputStream in) {
        this.out = out;
        this.err = err;
        this.in = in;
    }

    public static void main(String[] args) {
        System.exit(new Labsim(System.out, System.err, System.in).run(args));
    }

    private int serve(String[] args) {
        try {
            return new ServeCommand(out, err, in).run(args);
        } catch (UsageException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OK;
        } catch (Exception e) {
            throw new UsageException("the OPC UA server failed: " + e);
        }
    }

    int run(String[] args) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            out.print(USAGE);
            return args.length == 0 ? BAD_INPUT : OK;
        }
        try {
            return switch (args[0]) {
                case "run" -> runLab(args);
                case "list" -> list();
                case "check" -> new StCommands(out, err).check(args);
                case "st-run" -> new StCommands(out, err).stRun(args);
                case "grade" -> new GradeCommand(out, err).run(args);
                case "serve" -> serve(args);
                case "demo" -> new Demo(out, in).run(new Options(args, 1, Set.of("lab", "seconds", "speed"), "demo"));
                default -> throw new UsageException("unknown command '" + args[0] + "'; use run, grade, check, st-run, serve, list or demo");
            };
        } catch (UsageException | IllegalArgumentException | SnapshotException e) {
            err.println("labsim: error: " + e.getMessage());
            return BAD_INPUT;
        } catch (WiringException e) {
            err.println("labsim: error: " + e.english() + " / " + e.korean());
            return BAD_INPUT;
        } catch (sfa.lab.scenario.Catalog.InvalidCatalogException e) {
            err.println("labsim: error: the lab specs have problems; nothing was loaded / 실습 명세에 문제가 있어 불러오지 않았습니다:");
            for (sfa.lab.scenario.Problem p : e.problems()) {
                err.println("  " + p.format());
                err.println("  " + p.formatKo());
            }
            return BAD_INPUT;
        }
    }

    private int list() {
        for (Lab lab : Catalog.standard().labs()) {
            out.printf("%-20s %s — %s (%d s)%n", lab.id(), lab.titleKo(), lab.titleEn(), lab.sequenceMillis() / 1000);
        }
        return OK;
    }

    private int runLab(String[] args) {
        Options o = new Options(args, 1, Set.of("lab", "seconds", "seed", "step", "trace", "press", "set", "force",
                "fault", "wiring", "snapshot", "resume", "program"), "run");
        ManualSource manual = new ManualSource();
        Plant plant;
        String resume = o.get("resume");
        String programFile = o.get("program");
        if (programFile != null && o.get("force") != null) {
            throw new UsageException("--force sets outputs by hand; with --program the program sets them");
        }
        if (resume != null) {
            ProgramSource source = manual;
            if (programFile != null) {
                Plant probe = Labs.create(Catalog.lab(Labs.labOf(read(resume))), 1, new ManualSource());
                source = new StCommands(out, err).forLab(programFile, probe);
            }
            plant = Catalog.standard().resume(read(resume), source);
            String lab = o.get("lab");
            if (lab != null && !lab.equals(plant.labId())) {
                throw new UsageException("--lab " + lab + " differs from the snapshot's lab " + plant.labId());
            }
            if (o.get("seed") != null || o.get("step") != null) {
                throw new UsageException("--seed and --step come from the snapshot when resuming");
            }
        } else {
            Lab lab = Catalog.lab(o.require("lab", "conveyor-self-hold"));
            long seed = o.getLong("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
            int step = (int) o.getLong("step", Clock.DEFAULT_STEP_MILLIS, 1, 100);
            plant = Labs.create(lab, seed, step, manual);
            if (programFile != null) {
                plant = Labs.create(lab, seed, step, new StCommands(out, err).forLab(programFile, plant));
            }
        }
        String wiring = o.get("wiring");
        if (wiring != null) {
            for (Wire w : WiringFile.parse(new String(read(wiring), StandardCharsets.UTF_8))) {
                plant.addWire(w);
            }
        }
        long start = plant.clock().nowMillis();
        long seconds = o.getMillis("seconds", Catalog.lab(plant.labId()).sequenceMillis(), MAX_MILLIS);
        List<Command> commands = new ArrayList<>();
        addAll(commands, o.get("press"), CommandScript::presses);
        addAll(commands, o.get("set"), CommandScript::settings);
        addAll(commands, o.get("force"), CommandScript::forces);
        addAll(commands, o.get("fault"), CommandScript::faults);
        plant.scheduleAll(commands);

        String tracePath = o.get("trace");
        long wallStart = System.nanoTime();
        long rows;
        if (tracePath != null) {
            try (Writer w = writer(tracePath)) {
                CsvTrace trace = new CsvTrace(w);
                plant.runUntil(start + seconds, trace);
                rows = trace.rows();
            } catch (IOException e) {
                throw new UsageException("cannot write the trace " + tracePath + ": " + e.getMessage());
            }
        } else {
            plant.runUntil(start + seconds, null);
            rows = 0;
        }
        long wallMillis = (System.nanoTime() - wallStart) / 1_000_000;
        String snapshot = o.get("snapshot");
        if (snapshot != null) {
            write(snapshot, plant.snapshot());
        }
        summary(plant, start, wallMillis, tracePath, rows, snapshot);
        return OK;
    }

    private void summary(Plant plant, long start, long wallMillis, @Nullable String tracePath, long rows,
            @Nullable String snapshot) {
        PrintStream s = "-".equals(tracePath) ? err : out;
        s.printf("lab %s, seed %d: %.3f s simulated (t = %.3f … %.3f s) in %d ms%n", plant.labId(), plant.seed(),
                (plant.clock().nowMillis() - start) / 1000.0, start / 1000.0, plant.clock().nowMillis() / 1000.0, wallMillis);
        StringBuilder io = new StringBuilder("final I/O:");
        for (IoPoint p : plant.ioMap()) {
            io.append(' ').append(p.name()).append('=').append(plant.value(p.name()));
        }
        s.println(io);
        s.println("PLC " + plant.plc().mode() + ", program " + plant.plc().program().kind());
        if (plant.plc().fault() != null) {
            s.println("PLC fault: " + plant.plc().fault().english());
            s.println("PLC 고장: " + plant.plc().fault().korean());
        }
        for (var c : plant.circuit().components()) {
            if (c instanceof Supply supply && supply.fuseBlown()) {
                s.println("fuse of " + supply.name() + " is blown / " + supply.name() + " 퓨즈 끊어짐");
            }
        }
        for (Finding f : plant.circuit().diagnose().findings()) {
            s.println("wiring: " + f.ko());
            s.println("wiring: " + f.en());
        }
        if (tracePath != null && !"-".equals(tracePath)) {
            s.println("trace: " + tracePath + " (" + rows + " rows)");
        }
        if (snapshot != null) {
            s.println("snapshot: " + snapshot);
        }
    }

    private interface Parser {
        List<Command> parse(String text);
    }

    private static void addAll(List<Command> into, @Nullable String text, Parser parser) {
        if (text != null) {
            into.addAll(parser.parse(text));
        }
    }

    private Writer writer(String path) throws IOException {
        if (path.equals("-")) {
            return new BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
        return Files.newBufferedWriter(Path.of(path), StandardCharsets.UTF_8);
    }

    private static byte[] read(String path) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + path);
        } catch (IOException e) {
            throw new UsageException("cannot read " + path + ": " + e.getMessage());
        }
    }

    private static void write(String path, byte[] bytes) {
        try {
            Files.write(Path.of(path), bytes);
        } catch (IOException e) {
            throw new UsageException("cannot write " + path + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new UsageException("cannot write " + path + ": " + e.getCause().getMessage());
        }
    }
}
