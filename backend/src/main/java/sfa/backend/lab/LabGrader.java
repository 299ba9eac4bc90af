package sfa.backend.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import sfa.backend.content.Content;
import sfa.backend.web.ApiProblem;
import sfa.lab.plant.ChangeTrace;
import sfa.lab.plant.Labs;
import sfa.lab.plc.ManualSource;
import sfa.lab.plc.ProgramSource;
import sfa.lab.scenario.Grade;
import sfa.lab.scenario.Grader;
import sfa.lab.scenario.SpecLab;
import sfa.lab.st.Diagnostic;
import sfa.lab.st.StCompiler;
import sfa.lab.st.StProgram;
import sfa.lab.wiring.Wire;
import sfa.lab.wiring.WiringException;
import sfa.lab.wiring.WiringFile;

/** Grades a student's program (and wiring) on a lab, exactly as {@code labsim grade} does. */
@Component
@org.springframework.boot.context.properties.EnableConfigurationProperties(GradingProperties.class)
public class LabGrader {

    /** A program or wiring file larger than this is refused before compiling. */
    public static final int MAX_SOURCE_CHARS = 64 * 1024;

    private final Content content;
    private final GradingQueue queue;

    /**
     * Grades run on their own few threads ({@code sfa.labs.grading.threads}, default one less than the cores, at least two): a
     * grade is 2–50 ms of solid CPU, and on the request threads a class's grades crowded out everyone else's clicks
     * (docs/benchmarks.md, "API load"). They are served fairly across schools and students, one running per student
     * ({@link GradingQueue}).
     */
    LabGrader(Content content, GradingProperties settings) {
        this.content = content;
        this.queue = new GradingQueue(settings.threadCount(), settings.waitingPerStudent(), settings.queue());
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        queue.close();
    }

    /**
     * Runs {@code work} (a grade) on a grading thread in {@code student}'s turn.
     *
     * @throws ApiProblem 429 when the student already has a grade running and others waiting, 503 when the queue is full
     */
    <T> T inTurn(sfa.backend.security.Caller student, java.util.concurrent.Callable<T> work) {
        String school = student.school() == null ? "" : student.school();
        return queue.run(new GradingQueue.Requester(school, student.username()), work);
    }

    /** An analog value is kept in the stored trace at most this often (every change of a bit is kept). */
    static final long TRACE_WORD_MILLIS = 100;

    /**
     * A finished grade, its compiler warnings, and the first seed's trace for the timing diagram: the
     * signals' changes as CSV lines {@code t_ms,signal,value}, gzip.
     */
    public record Graded(Grade grade, List<Diagnostic> warnings, byte[] traceGzip) {
    }

    public SpecLab lab(String labId) {
        return content.labs().find(labId).orElseThrow(() -> ApiProblem.notFound("there is no lab '" + labId + "'",
                "'" + labId + "' 실습이 없습니다"));
    }

    /**
     * @throws ApiProblem 422 with the diagnostics when the program does not compile, 400 for bad wiring
     *         or a file that is too large
     */
    public Graded grade(sfa.backend.security.Caller student, String labId, String program, String wiring) {
        SpecLab lab = lab(labId);
        limit("program", program);
        limit("wiring", wiring);
        List<Wire> wires = wires(lab, wiring);
        Supplier<ProgramSource> source;
        List<Diagnostic> warnings = List.of();
        if (program.isBlank()) {
            if (lab.spec().standardPanel()) {
                throw ApiProblem.badRequest("program-needed", "lab " + labId + " is graded on a Structured Text program",
                        labId + " 실습은 ST 프로그램으로 채점합니다. 프로그램을 보내세요");
            }
            source = ManualSource::new;
        } else {
            StCompiler.Compilation compilation = compile(lab, program);
            StProgram compiled = compilation.program();
            warnings = compilation.diagnostics();
            source = () -> {
                compiled.coldRestart();
                return compiled;
            };
        }
        List<Diagnostic> found = warnings;
        return inTurn(student, () -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Grade grade;
            try (Writer w = new OutputStreamWriter(new GZIPOutputStream(bytes), StandardCharsets.UTF_8)) {
                ChangeTrace trace = new ChangeTrace(w, TRACE_WORD_MILLIS);
                grade = Grader.grade(lab, source, wires, List.of(), trace);
                trace.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Graded(grade, found, bytes.toByteArray());
        });
    }

    /** The lab's plant as it stands before a run (its first seed), for the workbench to draw before anything runs. */
    public sfa.lab.plant.Scene startingScene(String labId) {
        SpecLab lab = lab(labId);
        return Labs.create(lab, lab.spec().seeds().getFirst(), lab.scanMillis(), new ManualSource()).scene();
    }

    /** Every diagnostic of a program for a lab, without running it. */
    public List<Map<String, Object>> check(String labId, String program) {
        SpecLab lab = lab(labId);
        limit("program", program);
        return json(StCompiler.compile(program, StCompiler.Options.forLab(lab.addresses())).diagnostics());
    }

    /** The program compiled once (its warnings too), or a 422 problem listing every diagnostic with its line and column. */
    private static StCompiler.Compilation compile(SpecLab lab, String program) {
        limit("program", program);
        StCompiler.Compilation c = StCompiler.compile(program, StCompiler.Options.forLab(lab.addresses()));
        if (!c.ok()) {
            throw programProblem(c.diagnostics());
        }
        return c;
    }

    private static List<Wire> wires(SpecLab lab, String wiring) {
        if (wiring.isBlank()) {
            return List.of();
        }
        try {
            List<Wire> wires = WiringFile.parse(wiring);
            var probe = Labs.create(lab, 1, new ManualSource());
            for (Wire w : wires) {
                probe.addWire(w);
            }
            return wires;
        } catch (WiringException e) {
            throw ApiProblem.badRequest("invalid-wiring", e.english(), e.korean());
        }
    }

    static void limit(String what, String text) {
        if (text.length() > MAX_SOURCE_CHARS) {
            throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, what + "-too-large", "the " + what + " has " + text.length()
                    + " characters; at most " + MAX_SOURCE_CHARS + " are accepted",
                    (what.equals("program") ? "프로그램" : "배선") + "이 " + text.length() + "자입니다. " + MAX_SOURCE_CHARS
                            + "자까지 받습니다");
        }
    }

    /** Diagnostics as JSON: line, column, length, severity, code, ko, en. */
    public static List<Map<String, Object>> json(List<Diagnostic> diagnostics) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", d.position().line());
            m.put("column", d.position().column());
            m.put("length", d.length());
            m.put("severity", d.severity().label());
            m.put("code", d.code());
            m.put("ko", d.ko());
            m.put("en", d.en());
            out.add(m);
        }
        return out;
    }

    /** A program that does not compile: a 422 problem with every diagnostic. */
    static ApiProblem programProblem(List<Diagnostic> diagnostics) {
        List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).toList();
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "program-does-not-compile",
                "the program has " + errors.size() + " error(s); the first: " + errors.getFirst().format("program"),
                "프로그램에 오류가 " + errors.size() + "개 있습니다. 첫 번째: " + errors.getFirst().formatKo("program"))
                .with("diagnostics", json(diagnostics));
    }
}
