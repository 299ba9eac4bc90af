package sfa.lab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import sfa.lab.plant.CsvTrace;
import sfa.lab.plant.Labs;
import sfa.lab.plc.ManualSource;
import sfa.lab.plc.ProgramSource;
import sfa.lab.scenario.Catalog;
import sfa.lab.scenario.Grade;
import sfa.lab.scenario.Grader;
import sfa.lab.scenario.SpecLab;
import sfa.lab.scenario.TraceTable;
import sfa.lab.scenario.Verdict;
import sfa.lab.sim.Json;
import sfa.lab.st.Diagnostic;
import sfa.lab.st.StCompiler;
import sfa.lab.st.StProgram;
import sfa.lab.wiring.Finding;
import sfa.lab.wiring.Wire;
import sfa.lab.wiring.WiringException;
import sfa.lab.wiring.WiringFile;

/**
 * {@code labsim grade --lab <id> --program prog.st [--wiring wires.txt] [--seed N] [--json] [--trace out.csv]}
 * and {@code --replay trace.csv}. Exit 0 when every objective passes, 1 when any fails, 2 for invalid
 * input (an unknown lab, a program that does not compile, bad wiring), with the diagnostics in the JSON.
 */
final class GradeCommand {

    static final int FAILED = 1;

    private final PrintStream out;
    private final PrintStream err;

    GradeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        boolean json = false;
        List<String> rest = new ArrayList<>(List.of(args));
        if (rest.remove("--json")) {
            json = true;
        }
        Options o = new Options(rest.toArray(String[]::new), 1, Set.of("lab", "program", "wiring", "seed", "trace", "replay"),
                "grade");
        String labId = o.require("lab", "sorting-metal");
        SpecLab lab;
        try {
            lab = Catalog.lab(labId);
        } catch (IllegalArgumentException e) {
            return invalid(json, labId, List.of(), e.getMessage(), e.getMessage());
        }
        List<Long> seeds = o.get("seed") == null ? List.of() : List.of(o.getLong("seed", 1, 0, Long.MAX_VALUE));
        String replay = o.get("replay");
        if (replay != null) {
            TraceTable trace = TraceTable.fromCsv(StCommands.source(replay));
            return report(json, Grader.judge(lab, trace, seeds.isEmpty() ? lab.spec().seeds().getFirst() : seeds.getFirst()),
                    List.of());
        }
        List<Wire> wiring = List.of();
        String wiringFile = o.get("wiring");
        if (wiringFile != null) {
            try {
                wiring = WiringFile.parse(StCommands.source(wiringFile));
                checkWiring(lab, wiring);
            } catch (WiringException e) {
                return invalid(json, labId, List.of(), e.english(), e.korean());
            }
        }
        String programFile = o.get("program");
        Supplier<ProgramSource> program;
        List<Diagnostic> diagnostics = List.of();
        if (programFile == null) {
            if (lab.spec().standardPanel()) {
                throw new UsageException("grading " + labId + " needs --program prog.st");
            }
            program = ManualSource::new;
        } else {
            String source = StCommands.source(programFile);
            StCompiler.Compilation c = StCompiler.compile(source, StCompiler.Options.forLab(lab.addresses()));
            diagnostics = c.diagnostics();
            if (!c.ok()) {
                if (!json) {
                    StCommands.print(programFile, source, c.diagnostics(), err);
                }
                return invalid(json, labId, c.diagnostics(), programFile + " has " + c.errors().size() + " error(s)",
                        programFile + "에 오류 " + c.errors().size() + "개가 있습니다");
            }
            StProgram compiled = c.program();
            program = () -> {
                compiled.coldRestart();
                return compiled;
            };
        }
        Grade grade;
        String tracePath = o.get("trace");
        if (tracePath != null) {
            try (Writer w = Files.newBufferedWriter(Path.of(tracePath), StandardCharsets.UTF_8)) {
                grade = Grader.grade(lab, program, wiring, seeds, new CsvTrace(w));
            } catch (IOException e) {
                throw new UsageException("cannot write the trace " + tracePath + ": " + e.getMessage());
            }
        } else {
            grade = Grader.grade(lab, program, wiring, seeds, null);
        }
        return report(json, grade, diagnostics);
    }

    /** Every wire must name terminals of the lab's board: checked before running. */
    private static void checkWiring(SpecLab lab, List<Wire> wiring) {
        sfa.lab.plant.Plant probe = Labs.create(lab, 1, new ManualSource());
        for (Wire w : wiring) {
            probe.addWire(w);
        }
    }

    private int report(boolean json, Grade g, List<Diagnostic> diagnostics) {
        if (json) {
            Map<String, Object> m = g.toMap();
            m.put("diagnostics", diagnostics(diagnostics));
            out.println(Json.write(m));
        } else {
            out.printf("%s: %s, score %d/100 (seeds %s)%n", g.lab(), g.passed() ? "PASSED / 통과" : "FAILED / 실패",
                    g.score(), g.seeds());
            for (Verdict v : g.objectives()) {
                out.println((v.passed() ? "  ✓ " : "  ✗ ") + v.id());
                out.println("      " + v.ko());
                out.println("      " + v.en());
            }
            for (Finding f : g.wiring()) {
                out.println("  wiring / 배선: " + f.ko());
                out.println("                 " + f.en());
            }
        }
        return g.passed() ? Labsim.OK : FAILED;
    }

    private int invalid(boolean json, String lab, List<Diagnostic> diagnostics, String en, String ko) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lab", lab);
            m.put("passed", false);
            m.put("score", 0);
            m.put("objectives", List.of());
            m.put("error", Map.of("ko", ko, "en", en));
            m.put("diagnostics", diagnostics(diagnostics));
            out.println(Json.write(m));
        } else {
            err.println("labsim: error: " + en + " / " + ko);
        }
        return Labsim.BAD_INPUT;
    }


    private static List<Object> diagnostics(List<Diagnostic> diagnostics) {
        List<Object> out = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("severity", d.severity().label());
            m.put("line", d.position().line());
            m.put("column", d.position().column());
            m.put("code", d.code());
            m.put("message", Map.of("ko", d.ko(), "en", d.en()));
            out.add(m);
        }
        return out;
    }
}
