package sfa.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import sfa.lab.plc.IoImage;
import sfa.lab.plc.ScanContext;
import sfa.lab.scenario.Catalog;
import sfa.lab.scenario.SpecLab;
import sfa.lab.st.StCompiler;
import sfa.lab.st.StProgram;

/**
 * Grade latency of well-behaved students while one account floods the grader (docs/benchmarks.md, "Grading
 * under a flooding student"; issue 15). On a running backend (started by {@code benchmarks/grade-flood}):
 *
 * <ul>
 * <li>a few <b>well-behaved</b> students (default 6: one of the flooder's school, the others of the two other
 * schools) each post the lab's model answer ({@code courseware/solutions/<lab>.st}), think 0.5–1.5 × the think
 * time, and post it again; each attempt's latency is measured (sending to having the whole answer) and its grade
 * must pass;</li>
 * <li>after the warm-up, which the well-behaved students have to themselves (their latency then is the baseline),
 * one <b>flooding</b> student keeps N attempts in flight at all times on the same lab: the model answer with a
 * {@code FOR} loop added whose every scan runs under the 100 ms scan watchdog (the loop's length is calibrated here,
 * on a compiled copy of the program, to {@code --scan-ms} of CPU time, and reached over the first
 * {@value #RAMP_SCANS} scans). A refusal (429 or 503) is waited out as its {@code Retry-After} asks, then the attempt
 * is sent again. Each graded flood attempt is counted by how it ended: PLC stopped by the grading budget, by the
 * watchdog, or the whole sequence played.</li>
 * </ul>
 *
 * Why 12 ms by default and not the 80–90 ms of issue 15: the watchdog counts wall-clock time, and on a 2-core machine
 * shared with other builds (load average 6–10) a loop of 48 ms on an idle core took 70–120 ms a scan (spikes to
 * 470 ms), so the watchdog ended nearly every attempt after a few seconds. What makes a flood hurt is not the length
 * of a scan but that the attempt holds a grading thread for the whole grading budget (20 s of wall-clock time): a
 * sequence of 2,000 scans (conveyor-self-hold) of 12 ms takes 24 s even on an idle core, so each attempt is stopped by
 * the budget, not by the watchdog. Even so, this machine sometimes holds a runnable thread off its core for 100–250 ms,
 * and the watchdog stops the attempt then; the loop is kept as calibrated all the same (shortening it after each such
 * stop would only weaken the flood over the run, as the stops come from the neighbours, not from the loop), and the
 * summary says how many attempts each stop ended. {@code --scan-ms 85} is the flooder on a machine to itself.
 *
 * Only well-behaved attempts started in the measured window count; the window's last ones are waited for (the
 * flood goes on meanwhile, up to {@code --timeout-s}), then the flooder's attempts still in flight are abandoned.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar sfa.benchmarks.GradeFlood --url http://127.0.0.1:18481 --key DIR/key.pk8
 *      [--students 6] [--flood 4] [--warmup 15] [--duration 60] [--think-ms 3000] [--lab conveyor-self-hold]
 *      [--scan-ms 12] [--loop ITERATIONS] [--timeout-s 300] [--target-ms MS] [--server-pid PID] [--root CHECKOUT]
 *      [--seed 1]
 * </pre>
 *
 * Exits with 2 when a well-behaved attempt failed (an error, a refusal or a grade that did not pass), or when
 * {@code --target-ms} is given and the well-behaved p99 under the flood is above it.
 */
public final class GradeFlood {

    /** The flooder's school; the well-behaved students are one of it and the rest of the other two. */
    static final String FLOOD_SCHOOL = "busan-mechanical";
    private static final String[] OTHER_SCHOOLS = {"jeonbuk-mechanical", "gumi-electronic"};
    private static final double TICKS_PER_SECOND = 100;
    private static final Pattern STOPPED_AT = Pattern.compile("stopped at t=([0-9.]+) s");

    public static void main(String[] args) throws Exception {
        Map<String, String> o = ApiLoad.options(args);
        String base = ApiLoad.required(o, "url");
        int students = Integer.parseInt(o.getOrDefault("students", "6"));
        int flood = Integer.parseInt(o.getOrDefault("flood", "4"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "15"));
        int duration = Integer.parseInt(o.getOrDefault("duration", "60"));
        long think = Long.parseLong(o.getOrDefault("think-ms", "3000"));
        int timeout = Integer.parseInt(o.getOrDefault("timeout-s", "300"));
        double scanMs = Double.parseDouble(o.getOrDefault("scan-ms", "12"));
        long seed = Long.parseLong(o.getOrDefault("seed", "1"));
        long serverPid = Long.parseLong(o.getOrDefault("server-pid", "0"));
        String labId = o.getOrDefault("lab", "conveyor-self-hold");
        Double target = o.containsKey("target-ms") ? Double.valueOf(o.get("target-ms")) : null;

        Course course = Course.load(Path.of(o.getOrDefault("root", ".")).toAbsolutePath());
        Course.CourseUnit unit = null;
        String model = null;
        for (Course.CourseUnit u : course.units()) {
            Course.LabPrograms l = u.lab();
            if (l != null && l.lab().equals(labId)) {
                unit = u;
                model = l.modelAnswer();
                break;
            }
        }
        if (unit == null || model == null) {
            throw new IllegalArgumentException("no unit has lab " + labId + " (as its first lab) with a model answer in"
                    + " courseware/solutions");
        }
        SpecLab lab = Catalog.standard().get(labId);
        long loop = o.containsKey("loop") ? Long.parseLong(o.get("loop")) : calibrate(lab, model, scanMs);
        double localScanMs = scanMillis(lab, model, loop, 10, 10);
        System.out.printf("flood program: the model answer of %s with a FOR loop of %,d iterations a scan (reached over its"
                + " first %d scans): %.1f ms of CPU a scan here (watchdog %d ms of wall-clock time)%n", labId, loop, RAMP_SCANS,
                localScanMs, StCompiler.DEFAULT_WATCHDOG_MILLIS);

        StudentTokens tokens = StudentTokens.load(Path.of(ApiLoad.required(o, "key")),
                o.getOrDefault("issuer", "http://localhost:8180/realms/sfa"));
        long tokenSeconds = warmup + duration + 2L * timeout + 600;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String attempts = "/my/units/" + unit.id() + "/labs/" + labId + "/attempts";

        long t0 = System.nanoTime();
        long measureFrom = t0 + TimeUnit.SECONDS.toNanos(warmup);
        long end = measureFrom + TimeUnit.SECONDS.toNanos(duration);
        var run = new Run(http, base, unit.id(), attempts, Duration.ofSeconds(timeout), measureFrom, end);

        List<Student> good = new ArrayList<>();
        List<Thread> goodThreads = new ArrayList<>();
        for (int i = 0; i < students; i++) {
            String school = i == 0 ? FLOOD_SCHOOL : OTHER_SCHOOLS[(i - 1) % OTHER_SCHOOLS.length];
            String username = "good%02d".formatted(i + 1);
            Student s = new Student(run, school, tokens.student(username, "학생 " + username, school, tokenSeconds),
                    Json.of(Map.of("program", model)), think, seed * 1_000_003L + i);
            good.add(s);
            goodThreads.add(Thread.ofVirtual().name("good-" + username).start(s));
        }
        Flooder flooder = new Flooder(run, tokens.student("flood01", "학생 flood01", FLOOD_SCHOOL, tokenSeconds), model,
                loop, lab.scanMillis());
        flooder.open();
        System.out.printf("%d well-behaved students (1 of %s, %d of %s) post the model answer of %s (unit %s), think"
                + " %d ms mean; %d s without the flood, then flood01 of %s keeps %d attempts in flight for %d s measured"
                + " (client timeout %d s)%n", students, FLOOD_SCHOOL, students - 1, String.join(" and ", OTHER_SCHOOLS),
                labId, unit.id(), think, warmup, FLOOD_SCHOOL, flood, duration, timeout);

        sleepUntil(measureFrom);
        long serverTicks0 = serverPid > 0 ? ApiLoad.cpuTicks(serverPid) : 0;
        List<Thread> floodThreads = new ArrayList<>();
        for (int i = 0; i < flood; i++) {
            floodThreads.add(Thread.ofVirtual().name("flood-" + i).start(flooder));
        }
        sleepUntil(end);
        long serverTicks1 = serverPid > 0 ? ApiLoad.cpuTicks(serverPid) : 0;
        System.out.println("measured window over; waiting for the well-behaved attempts still in flight (the flood goes on)");
        long drainFrom = System.nanoTime();
        for (Thread t : goodThreads) {
            t.join(Duration.ofSeconds(timeout + 10));
            t.interrupt();
        }
        double drained = (System.nanoTime() - drainFrom) / 1e9;
        flooder.stop();
        for (Thread t : floodThreads) {
            t.interrupt();
        }
        for (Thread t : floodThreads) {
            t.join(Duration.ofSeconds(10));
        }
        double floodSeconds = (System.nanoTime() - measureFrom) / 1e9;

        boolean ok = report(good, flooder, warmup, duration, drained, floodSeconds, target);
        if (serverPid > 0) {
            System.out.printf("server CPU during the measured window: %.2f cores%n",
                    (serverTicks1 - serverTicks0) / TICKS_PER_SECOND / duration);
        }
        System.exit(ok ? 0 : 2);
    }

    /** What every student shares: the server, the unit and lab, and the run's clock. */
    record Run(HttpClient http, String base, String unit, String attempts, Duration timeout, long measureFromNanos,
            long endNanos) {

        /** One lab attempt (after a POST of the unit, which opens it); the answer, or the exception as the body. */
        Answer post(String school, String token, String path, @Nullable String body) throws InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/schools/" + school + path)).timeout(timeout)
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json");
            if (body == null) {
                b.POST(HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            }
            long start = System.nanoTime();
            try {
                HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Answer(start, System.nanoTime(), r.statusCode(), new String(r.body(), StandardCharsets.UTF_8),
                        r.headers().firstValue("Retry-After").orElse(null));
            } catch (java.io.IOException e) {
                return new Answer(start, System.nanoTime(), 0, e.toString(), null);
            }
        }
    }

    record Answer(long startNanos, long endNanos, int status, String body, @Nullable String retryAfter) {

        long micros() {
            return (endNanos - startNanos) / 1000;
        }

        boolean ok() {
            return status / 100 == 2;
        }

        boolean refused() {
            return status == 429 || status == 503;
        }

        /** The wait a refusal asks for (Retry-After in seconds; an HTTP date is not expected here): 1 s if absent. */
        long retryAfterMillis() {
            if (retryAfter != null) {
                try {
                    return Math.max(0, Long.parseLong(retryAfter.trim())) * 1000;
                } catch (NumberFormatException e) {
                    // fall through
                }
            }
            return 1000;
        }

        @Nullable Map<?, ?> grade() {
            try {
                return JsonIn.at(JsonIn.parse(body), "grade") instanceof Map<?, ?> m ? m : null;
            } catch (RuntimeException e) {
                return null;
            }
        }

        String brief() {
            String b = body.replaceAll("\\s+", " ");
            return (status == 0 ? "" : status + " ") + (b.length() > 200 ? b.substring(0, 200) + "…" : b);
        }
    }

    /** A student posting the model answer with think time between the answer and the next post. */
    static final class Student implements Runnable {

        private final Run run;
        final String school;
        private final String token;
        private final String body;
        private final long think;
        private final Random random;
        final Latencies alone = new Latencies();
        final Latencies flooded = new Latencies();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger notPassed = new AtomicInteger();
        final List<String> errors = new ArrayList<>();

        Student(Run run, String school, String token, String body, long think, long seed) {
            this.run = run;
            this.school = school;
            this.token = token;
            this.body = body;
            this.think = think;
            this.random = new Random(seed);
        }

        @Override
        public void run() {
            try {
                Answer open = run.post(school, token, "/my/units/" + run.unit(), null);
                if (!open.ok()) {
                    error("opening the unit: " + open.brief());
                }
                // students arrive spread over the first think time
                Thread.sleep(random.nextLong(think + 1));
                while (System.nanoTime() < run.endNanos()) {
                    Answer a = run.post(school, token, run.attempts(), body);
                    boolean measured = a.startNanos() >= run.measureFromNanos();
                    Latencies into = measured ? flooded : alone;
                    if (a.ok() && a.grade() instanceof Map<?, ?> g && Boolean.TRUE.equals(g.get("passed"))) {
                        into.add(a.micros());
                    } else {
                        into.error();
                        (a.refused() ? refused : a.ok() ? notPassed : failed).incrementAndGet();
                        error((measured ? "" : "(warm-up) ") + (a.ok() ? "model answer not passed: " : "") + a.brief());
                        if (a.refused()) {
                            Thread.sleep(a.retryAfterMillis());
                        }
                    }
                    Thread.sleep(think / 2 + random.nextLong(think + 1));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private synchronized void error(String what) {
            if (errors.size() < 5) {
                errors.add(school + ": " + what);
            }
        }
    }

    /** The flooding student: each of its threads keeps one attempt in flight until stopped. */
    static final class Flooder implements Runnable {

        private final Run run;
        private final String token;
        private final String model;
        private final long loop;
        private final int labScanMillis;
        private volatile boolean stopped;
        final Latencies accepted = new Latencies();
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger refused429 = new AtomicInteger();
        final AtomicInteger refused503 = new AtomicInteger();
        final AtomicLong waitedMillis = new AtomicLong();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger abandoned = new AtomicInteger();
        final AtomicInteger byBudget = new AtomicInteger();
        final AtomicInteger byWatchdog = new AtomicInteger();
        final AtomicInteger otherFault = new AtomicInteger();
        final AtomicInteger ranThrough = new AtomicInteger();
        final List<Double> stoppedAt = new ArrayList<>();
        final List<String> notes = new ArrayList<>();

        Flooder(Run run, String token, String model, long loop, int labScanMillis) {
            this.run = run;
            this.token = token;
            this.model = model;
            this.loop = loop;
            this.labScanMillis = labScanMillis;
        }

        void stop() {
            stopped = true;
        }

        /** Opens the unit, as a student does before sending a lab program. */
        void open() throws InterruptedException {
            Answer a = run.post(FLOOD_SCHOOL, token, "/my/units/" + run.unit(), null);
            if (!a.ok()) {
                note("opening the unit: " + a.brief());
            }
        }

        @Override
        public void run() {
            try {
                while (!stopped) {
                    String body = Json.of(Map.of("program", flooding(model, loop)));
                    sent.incrementAndGet();
                    Answer a;
                    try {
                        a = run.post(FLOOD_SCHOOL, token, run.attempts(), body);
                    } catch (InterruptedException e) {
                        abandoned.incrementAndGet();
                        return;
                    }
                    if (stopped) {
                        abandoned.incrementAndGet(); // answered after the end: not counted
                        return;
                    }
                    if (a.ok()) {
                        accepted.add(a.micros());
                        outcome(a);
                    } else if (a.refused()) {
                        (a.status() == 429 ? refused429 : refused503).incrementAndGet();
                        waitedMillis.addAndGet(a.retryAfterMillis());
                        Thread.sleep(a.retryAfterMillis());
                    } else {
                        failed.incrementAndGet();
                        note(a.brief());
                        Thread.sleep(1000);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** How the graded flood attempt ended. */
        private void outcome(Answer a) {
            Map<?, ?> g = a.grade();
            Object fault = g == null ? null : JsonIn.at(g, "fault", "en");
            if (fault == null) {
                ranThrough.incrementAndGet();
            } else if (fault.toString().startsWith("watchdog")) {
                if (byWatchdog.incrementAndGet() == 1) {
                    note("first stop by the watchdog: " + fault);
                }
            } else if (fault.toString().startsWith("grading took longer")) {
                byBudget.incrementAndGet();
                Matcher m = STOPPED_AT.matcher(fault.toString());
                if (m.find()) {
                    synchronized (stoppedAt) {
                        stoppedAt.add(Double.valueOf(m.group(1)));
                    }
                }
            } else {
                otherFault.incrementAndGet();
                note(fault.toString());
            }
        }

        private void note(String what) {
            synchronized (notes) {
                if (notes.size() < 5) {
                    notes.add(what);
                }
            }
        }

        /** The simulated time at which the grading budget stopped the PLC, median, in s; NaN if never. */
        double medianStoppedAt() {
            synchronized (stoppedAt) {
                if (stoppedAt.isEmpty()) {
                    return Double.NaN;
                }
                double[] s = stoppedAt.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                return s[s.length / 2];
            }
        }

        int labScanMillis() {
            return labScanMillis;
        }

        long loop() {
            return loop;
        }
    }

    /** Prints the summary; true when no well-behaved attempt failed (and the target, if any, is met). */
    private static boolean report(List<Student> good, Flooder f, int warmup, int duration, double drained,
            double floodSeconds, @Nullable Double target) {
        Latencies alone = new Latencies();
        Latencies flooded = new Latencies();
        Latencies ownSchool = new Latencies();
        Latencies otherSchools = new Latencies();
        int refused = 0;
        int failed = 0;
        int notPassed = 0;
        List<String> errors = new ArrayList<>();
        for (Student s : good) {
            alone.addAll(s.alone);
            flooded.addAll(s.flooded);
            (s.school.equals(FLOOD_SCHOOL) ? ownSchool : otherSchools).addAll(s.flooded);
            refused += s.refused.get();
            failed += s.failed.get();
            notPassed += s.notPassed.get();
            synchronized (s) {
                errors.addAll(s.errors);
            }
        }
        System.out.println();
        System.out.println("| well-behaved grades (model answer) | count | errors | p50 ms | p90 ms | p99 ms | max ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        row("without the flood (warm-up, " + warmup + " s)", alone.summary());
        Latencies.Summary w = flooded.summary();
        row("**with the flood** (" + duration + " s measured)", w);
        row("… students of the flooder's school", ownSchool.summary());
        row("… students of the other schools", otherSchools.summary());
        System.out.printf("well-behaved errors: %d refused (429/503), %d failed, %d graded but not passed; the window's last"
                + " attempts took %.1f s more to come back%n", refused, failed, notPassed, drained);
        for (String e : errors.subList(0, Math.min(errors.size(), 5))) {
            System.out.println("  error: " + e);
        }

        Latencies.Summary fl = f.accepted.summary();
        int refusals = f.refused429.get() + f.refused503.get();
        System.out.println();
        System.out.printf("flooder (over %.1f s, from its start until the last well-behaved answer): %d attempts sent;"
                + " accepted and graded %d, refused %d (429: %d, 503: %d; Retry-After waits %.1f s in all), failed %d,"
                + " abandoned in flight at the end %d%n", floodSeconds, f.sent.get(), fl.count(), refusals,
                f.refused429.get(), f.refused503.get(), f.waitedMillis.get() / 1000.0, f.failed.get(), f.abandoned.get());
        System.out.printf("flooder's graded attempts: latency p50 %.1f / p90 %.1f / p99 %.1f / max %.1f ms; PLC stopped by the"
                + " grading budget %d (median at t=%.1f s of simulated time, %d-ms scans), by the watchdog %d, other fault %d,"
                + " ran the whole sequence %d%n", fl.p50(), fl.p90(), fl.p99(), fl.max(), f.byBudget.get(),
                f.medianStoppedAt(), f.labScanMillis(), f.byWatchdog.get(), f.otherFault.get(), f.ranThrough.get());
        System.out.printf("grading: %d attempts graded while the flood ran (%d of the flooder's, %d well-behaved) in %.1f s;"
                + " with one grading thread always busy that is ≈ %.1f s of grading per flood attempt%n",
                fl.count() + flooded.summary().count(), fl.count(), flooded.summary().count(), floodSeconds,
                fl.count() == 0 ? Double.NaN : floodSeconds / fl.count());
        synchronized (f.notes) {
            for (String n : f.notes) {
                System.out.println("  flooder: " + n);
            }
        }
        Latencies.Summary a = alone.summary();
        System.out.println();
        if (w.count() == 0) {
            System.out.printf("verdict: no well-behaved attempt was graded with one student flooding (%d errors); the flooder"
                    + " got %d of %d attempts graded, %d refused%n", w.errors(), fl.count(), f.sent.get() - f.abandoned.get(),
                    refusals);
        } else {
            System.out.printf("verdict: well-behaved p99 %.0f ms with one student flooding (n=%d, p50 %.0f ms, max %.0f ms,"
                    + " %d errors; p99 %.0f ms without the flood); the flooder got %d of %d attempts graded, %d refused%n",
                    w.p99(), w.count(), w.p50(), w.max(), w.errors(), a.p99(), fl.count(), f.sent.get() - f.abandoned.get(),
                    refusals);
        }
        boolean ok = refused + failed + notPassed == 0 && w.count() > 0;
        if (target != null) {
            boolean met = w.p99() <= target && ok;
            System.out.printf("target (well-behaved p99 <= %.0f ms with the flood, no error): %s%n", target, met ? "met" : "MISSED");
            return met;
        }
        return ok;
    }

    private static void row(String label, Latencies.Summary s) {
        System.out.printf("| %s | %,d | %d | %.1f | %.1f | %.1f | %.1f |%n", label, s.count(), s.errors(), s.p50(), s.p90(),
                s.p99(), s.max());
    }

    // --- the flooding program --------------------------------------------------------------

    private static final Pattern PROGRAM_LINE = Pattern.compile("(?m)^\\s*PROGRAM\\s+\\w+[^\\n]*\\n");

    /**
     * Scans over which the flood loop grows to its full length: the first scans of a freshly compiled program run in
     * the JVM's interpreter until the JIT has compiled the loop (each attempt is a new class, so every attempt starts
     * cold), and a full-length loop there would overrun the watchdog at once.
     */
    static final int RAMP_SCANS = 200;

    /** The flooding program as sent: the full loop reached after {@link #RAMP_SCANS} scans. */
    static String flooding(String model, long iterations) {
        return flooding(model, iterations, RAMP_SCANS);
    }

    /**
     * The model answer with a loop added to every scan, growing by {@code iterations / rampScans} a scan up to
     * {@code iterations}: it still compiles for the lab's I/O map (it is the model answer's own declarations) and still
     * drives the plant, only slowly.
     */
    static String flooding(String model, long iterations, int rampScans) {
        Matcher m = PROGRAM_LINE.matcher(model);
        int end = model.lastIndexOf("END_PROGRAM");
        if (!m.find() || end < m.end()) {
            throw new IllegalArgumentException("the model answer has no PROGRAM … END_PROGRAM");
        }
        long n = Math.min(Math.max(1, iterations), Integer.MAX_VALUE - 1);
        long step = Math.max(1, n / Math.max(1, rampScans));
        return model.substring(0, m.end())
                + "VAR\n    flood_i : DINT;\n    flood_n : DINT;\n    flood_sum : LREAL;\nEND_VAR\n"
                + model.substring(m.end(), end)
                + "\n(* flood: a loop under the scan watchdog in every scan, reached after a few scans *)\n"
                + "flood_n := MIN(flood_n + " + step + ", " + n + ");\n"
                + "FOR flood_i := 1 TO flood_n DO\n    flood_sum := flood_sum + DINT_TO_LREAL(flood_i) * 0.5;\nEND_FOR;\n"
                + model.substring(end);
    }

    private static StProgram compile(SpecLab lab, String source, int watchdogMillis) {
        StCompiler.Compilation c = StCompiler.compile(source,
                new StCompiler.Options(java.util.Set.copyOf(lab.addresses()), watchdogMillis));
        if (!c.ok() || c.program() == null) {
            throw new IllegalStateException("the flood program does not compile for " + lab.id() + ": " + c.diagnostics());
        }
        return c.program();
    }

    /**
     * The CPU time of a scan of the full loop (no ramp), the median of {@code scans} scans after {@code warm} (JIT), in
     * ms: what a scan takes on a core of its own. CPU time, not wall-clock time: on a machine shared with other builds
     * the wall-clock time of a scan depends on the neighbours more than on the loop.
     */
    private static double scanMillis(SpecLab lab, String model, long iterations, int warm, int scans) {
        StProgram p = compile(lab, flooding(model, iterations, 1), 60_000);
        IoImage io = new IoImage();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] ms = new double[scans];
        for (int i = 0; i < warm + scans; i++) {
            long t = threads.getCurrentThreadCpuTime();
            p.scan(io, ScanContext.of(i, i * 10L, 10));
            if (i >= warm) {
                ms[i - warm] = (threads.getCurrentThreadCpuTime() - t) / 1e6;
            }
        }
        java.util.Arrays.sort(ms);
        return ms[scans / 2];
    }

    /** The loop length that makes a scan take {@code targetMs} of CPU time on this machine. */
    private static long calibrate(SpecLab lab, String model, double targetMs) {
        long n = 500_000;
        for (int round = 0; round < 3; round++) {
            double ms = scanMillis(lab, model, n, 10, 10);
            n = Math.max(1, Math.min(Integer.MAX_VALUE - 1, (long) (n * targetMs / Math.max(ms, 0.01))));
        }
        return n;
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            Thread.sleep(Duration.ofNanos(left));
        }
    }
}
