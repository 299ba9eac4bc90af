package sfa.lab.cli;

import sfa.lab.scenario.Catalog;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sfa.lab.plant.IoPoint;
import sfa.lab.plant.Labs;
import sfa.lab.plant.Plant;
import sfa.lab.plc.ManualSource;
import sfa.lab.plc.PlcFault;
import sfa.lab.plc.ScanCycle;
import sfa.lab.sim.Json;
import sfa.lab.st.Diagnostic;
import sfa.lab.st.StCompiler;
import sfa.lab.st.StProgram;

/** {@code labsim check} and {@code labsim st-run}, and compiling the program of {@code labsim run}. */
final class StCommands {

    static final int PROGRAM_ERRORS = 1;

    private final PrintStream out;
    private final PrintStream err;

    StCommands(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** {@code check prog.st [--lab <id>]}: diagnostics with the line and a caret; exit 1 on errors. */
    int check(String[] args) {
        String path = file(args, "check");
        Options o = new Options(args, 2, Set.of("lab"), "check");
        String source = source(path);
        StCompiler.Compilation c = StCompiler.compile(source, options(o.get("lab")));
        print(path, source, c.diagnostics(), out);
        out.printf("%s: %d error(s), %d warning(s) / 오류 %d개, 경고 %d개%n", path, c.errors().size(), c.warnings().size(),
                c.errors().size(), c.warnings().size());
        return c.ok() ? Labsim.OK : PROGRAM_ERRORS;
    }

    /** {@code st-run prog.st --scans N [--cycle-ms 10] [--json]}: runs without a plant and prints the variables. */
    int stRun(String[] args) {
        String path = file(args, "st-run");
        boolean json = false;
        java.util.List<String> rest = new java.util.ArrayList<>(List.of(args));
        if (rest.remove("--json")) {
            json = true;
        }
        String[] remaining = rest.toArray(String[]::new);
        Options o = new Options(remaining, 2, Set.of("scans", "cycle-ms"), "st-run");
        long scans = o.getLong("scans", -1, 1, 100_000_000);
        if (scans < 0) {
            throw new UsageException("missing --scans (e.g. --scans 100)");
        }
        int cycle = (int) o.getLong("cycle-ms", 10, 1, 100);
        String source = source(path);
        StCompiler.Compilation c = StCompiler.compile(source, StCompiler.Options.standalone());
        print(path, source, c.diagnostics(), err);
        if (!c.ok()) {
            return PROGRAM_ERRORS;
        }
        StProgram program = c.program();
        ScanCycle plc = new ScanCycle(cycle, program);
        for (long i = 0; i < scans && plc.fault() == null; i++) {
            plc.scan(i * cycle);
        }
        Map<String, Object> values = program.variables();
        if (json) {
            out.println(Json.write(values));
        } else {
            values.forEach((k, v) -> out.println(k + " = " + Json.write(v)));
        }
        PlcFault fault = plc.fault();
        if (fault != null) {
            err.println(path + ": PLC STOP after scan " + plc.scans() + ": " + fault.english());
            err.println(path + ": PLC 정지 (" + plc.scans() + "번째 스캔): " + fault.korean());
            return PROGRAM_ERRORS;
        }
        return Labsim.OK;
    }

    /** Compiles a lab's program; on errors prints them and throws, so {@code run} exits 2. */
    StProgram forLab(String path, Plant plant) {
        String source = source(path);
        StCompiler.Compilation c = StCompiler.compile(source, StCompiler.Options.forLab(
                plant.ioMap().stream().map(IoPoint::address).toList()));
        print(path, source, c.diagnostics(), err);
        if (!c.ok()) {
            throw new UsageException(path + " has " + c.errors().size() + " error(s); fix them and run again");
        }
        return c.program();
    }

    private StCompiler.Options options(String lab) {
        if (lab == null) {
            return StCompiler.Options.standalone();
        }
        Plant plant = Labs.create(Catalog.lab(lab), 1, new ManualSource());
        return StCompiler.Options.forLab(plant.ioMap().stream().map(IoPoint::address).toList());
    }

    private static String file(String[] args, String command) {
        if (args.length < 2 || args[1].startsWith("--")) {
            throw new UsageException("'" + command + "' needs a program file, e.g. labsim " + command + " prog.st");
        }
        return args[1];
    }

    static String source(String path) {
        try {
            return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(path)), StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UsageException("no such file: " + path);
        } catch (java.io.IOException e) {
            throw new UsageException("cannot read " + path + ": " + e.getMessage());
        }
    }

    /** Each diagnostic in English and Korean, then the source line with a caret under the token. */
    static void print(String path, String source, List<Diagnostic> diagnostics, PrintStream to) {
        String[] lines = source.split("\r?\n", -1);
        for (Diagnostic d : diagnostics) {
            to.println(d.format(path));
            to.println(d.formatKo(path));
            int line = d.position().line();
            if (line >= 1 && line <= lines.length) {
                String text = lines[line - 1].replace('\t', ' ');
                String number = String.valueOf(line);
                to.printf("%5s | %s%n", number, text);
                int col = Math.max(1, Math.min(d.position().column(), text.length() + 1));
                to.printf("%5s | %s%s%n", "", " ".repeat(col - 1), "^".repeat(Math.max(1, Math.min(d.length(), text.length() - col + 2))));
            }
        }
    }

}
