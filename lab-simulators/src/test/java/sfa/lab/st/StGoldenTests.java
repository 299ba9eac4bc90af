package sfa.lab.st;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import sfa.lab.plc.PlcFault;
import sfa.lab.plc.ScanCycle;
import sfa.lab.sim.Json;

/**
 * The conformance suite: every {@code .st} file under {@code src/test/resources/st} states in comments
 * what it must do, and this runs it.
 * <ul>
 * <li>{@code (* scans: N *)} — run N scans (default 1) of {@code (* cycle: MS *)} ms (default 10);</li>
 * <li>{@code (* expect: name = json *)} — the variable's value after the scans;</li>
 * <li>{@code (* error L:C code *)} / {@code (* warning L:C code *)} — exactly these diagnostics;</li>
 * <li>{@code (* fault: text *)} — the program stops with a fault whose message contains the text.</li>
 * </ul>
 */
class StGoldenTests {

    private static final Pattern SCANS = Pattern.compile("\\(\\*\\s*scans:\\s*(\\d+)\\s*\\*\\)");
    private static final Pattern CYCLE = Pattern.compile("\\(\\*\\s*cycle:\\s*(\\d+)\\s*\\*\\)");
    private static final Pattern EXPECT = Pattern.compile("\\(\\*\\s*expect:\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*=\\s*(.+?)\\s*\\*\\)");
    private static final Pattern DIAGNOSTIC = Pattern.compile("\\(\\*\\s*(error|warning)\\s+(\\d+):(\\d+)\\s+([a-z-]+)\\s*\\*\\)");
    private static final Pattern FAULT = Pattern.compile("\\(\\*\\s*fault:\\s*(.+?)\\s*\\*\\)");

    @TestFactory
    Stream<DynamicTest> everyGoldenProgramDoesWhatItsCommentsSay() throws IOException, URISyntaxException {
        Path dir = Path.of(StGoldenTests.class.getResource("/st").toURI());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".st")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(20);
        return files.stream().flatMap(f -> Stream.of(StCompiler.Backend.values()).map(backend -> DynamicTest.dynamicTest(
                f.getFileName().toString().replace(".st", "").replace('-', ' ') + " (" + backend.name().toLowerCase() + ")",
                () -> run(f, backend))));
    }

    private static void run(Path file, StCompiler.Backend backend) throws IOException {
        String source = Files.readString(file);
        StCompiler.Compilation c = StCompiler.compile(source, StCompiler.Options.standalone().with(backend));
        List<String> expectedDiagnostics = new ArrayList<>();
        Matcher d = DIAGNOSTIC.matcher(source);
        while (d.find()) {
            expectedDiagnostics.add(d.group(1) + " " + d.group(2) + ":" + d.group(3) + " " + d.group(4));
        }
        List<String> actual = c.diagnostics().stream()
                .map(x -> x.severity().label() + " " + x.position() + " " + x.code()).toList();
        assertThat(actual).as("diagnostics of %s:%n%s", file.getFileName(),
                String.join("\n", c.diagnostics().stream().map(x -> x.format(file.getFileName().toString())).toList()))
                .containsExactlyInAnyOrderElementsOf(expectedDiagnostics);
        if (!c.ok()) {
            return;
        }
        Matcher sm = SCANS.matcher(source);
        int scans = sm.find() ? Integer.parseInt(sm.group(1)) : 1;
        Matcher cm = CYCLE.matcher(source);
        int cycle = cm.find() ? Integer.parseInt(cm.group(1)) : 10;
        ScanCycle plc = new ScanCycle(cycle, c.program());
        for (int i = 0; i < scans && plc.fault() == null; i++) {
            plc.scan((long) i * cycle);
        }
        Matcher fm = FAULT.matcher(source);
        PlcFault fault = plc.fault();
        if (fm.find()) {
            assertThat(fault).as("fault of %s", file.getFileName()).isNotNull();
            assertThat(fault.english()).contains(fm.group(1));
        } else {
            assertThat(fault).as("fault of %s", file.getFileName()).isNull();
        }
        Map<String, Object> values = c.program().variables();
        Matcher e = EXPECT.matcher(source);
        while (e.find()) {
            String name = e.group(1);
            Object value = lookup(values, name);
            assertThat(Json.write(value)).as("%s in %s", name, file.getFileName())
                    .isEqualTo(Json.write(Json.read(e.group(2))));
        }
    }

    @SuppressWarnings("unchecked")
    private static Object lookup(Map<String, Object> values, String dotted) {
        Object v = values;
        for (String part : dotted.split("\\.")) {
            Map<String, Object> m = (Map<String, Object>) v;
            Object next = null;
            for (Map.Entry<String, Object> entry : m.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(part)) {
                    next = entry.getValue();
                }
            }
            v = next;
        }
        return v;
    }
}
