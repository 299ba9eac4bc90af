package sfa.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The crash test of docs/benchmarks.md ("Crash safety: kill -9 under load"): the backend runs as a separate JVM on
 * one data folder; students work on it for a random 1 to 6 s, then it is killed with {@code kill -9} at that random
 * moment and started again on the same folder. After every restart the requests that got no answer are retried with
 * their same Idempotency-Keys and {@link CrashChecks} verifies through the API that every acknowledged write
 * survived, exactly once, and that live lab sessions resume from their stored snapshot. Prints the figures; exits
 * 1 on any violation.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar sfa.benchmarks.CrashTest --url http://127.0.0.1:18482 --key DIR/key.pk8
 *      --log DIR/server.log [--kills 50] [--students 16] [--root CHECKOUT] [--seed 1] -- SERVER COMMAND LINE…
 * </pre>
 */
public final class CrashTest {

    public static void main(String[] args) throws Exception {
        int dashes = Arrays.asList(args).indexOf("--");
        if (dashes < 0) {
            throw new IllegalArgumentException("the server's command line follows --");
        }
        Map<String, String> o = ApiLoad.options(Arrays.copyOfRange(args, 0, dashes));
        List<String> server = List.of(Arrays.copyOfRange(args, dashes + 1, args.length));
        int kills = Integer.parseInt(o.getOrDefault("kills", "50"));
        int students = Integer.parseInt(o.getOrDefault("students", "16"));
        Random random = new Random(Long.parseLong(o.getOrDefault("seed", "1")));
        StudentTokens tokens = StudentTokens.load(Path.of(ApiLoad.required(o, "key")),
                o.getOrDefault("issuer", "http://localhost:8180/realms/sfa"));
        Course course = Course.load(Path.of(o.getOrDefault("root", ".")).toAbsolutePath());
        List<Course.CourseUnit> withQuiz = course.units().stream().filter(u -> u.quiz() != null).toList();

        CrashApi api = new CrashApi(ApiLoad.required(o, "url"));
        CrashFigures figures = new CrashFigures();
        CrashChecks checks = new CrashChecks(api, figures);
        long hours = 6 * 3600;
        List<CrashLedger> ledgers = new ArrayList<>();
        List<List<Course.CourseUnit>> unitsOf = new ArrayList<>();
        for (int i = 1; i <= students; i++) {
            String school = ApiLoad.SCHOOLS[i % ApiLoad.SCHOOLS.length];
            String username = "c%03d".formatted(i);
            ledgers.add(new CrashLedger(username, school, tokens.student(username, "학생 " + username, school, hours)));
            List<Course.CourseUnit> mine = new ArrayList<>(withQuiz);
            Collections.shuffle(mine, random);
            unitsOf.add(List.copyOf(mine.subList(0, Math.min(3, mine.size()))));
        }
        Map<String, String> teachers = new java.util.HashMap<>();
        for (String school : ApiLoad.SCHOOLS) {
            teachers.put(school, tokens.teacher("t-" + school, "교사", school, hours));
        }

        BackendProcess backend = new BackendProcess(server, Path.of(ApiLoad.required(o, "log")), api);
        long firstStart = backend.start();
        long activeMillis = 0;
        try {
            for (int kill = 1; kill <= kills; kill++) {
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> threads = new ArrayList<>();
                for (int i = 0; i < students; i++) {
                    threads.add(Thread.ofVirtual().start(new CrashStudent(ledgers.get(i), unitsOf.get(i), api, figures,
                            stop::get, new Random(random.nextLong()))));
                }
                // the random moment of the kill: after a random number of answered writes (about 1-6 s of work
                // here), waiting for that state rather than for a time
                long target = figures.acknowledged.get() + 30 + random.nextLong(321);
                long began = System.nanoTime();
                while (figures.acknowledged.get() < target && System.nanoTime() - began < 10_000_000_000L) {
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                }
                activeMillis += (System.nanoTime() - began) / 1_000_000;
                backend.kill9();
                stop.set(true);
                for (Thread t : threads) {
                    t.join();
                }
                figures.restartMillis.add(backend.start());
                for (CrashLedger l : ledgers) {
                    checks.retryPending(l);
                }
                for (CrashLedger l : ledgers) {
                    checks.verify(l, teachers.get(l.school));
                    checks.verifyLive(l);
                }
            }
        } finally {
            backend.stop();
        }
        boolean ok = report(figures, kills, students, firstStart, activeMillis);
        System.exit(ok ? 0 : 1);
    }

    private static boolean report(CrashFigures f, int kills, int students, long firstStart, long activeMillis) {
        List<Long> restarts = new ArrayList<>(f.restartMillis);
        Collections.sort(restarts);
        List<String> violations = f.violations();
        System.out.printf("kills (kill -9 under load): %d, %d students, %.1f s of activity in all%n", kills, students,
                activeMillis / 1000.0);
        System.out.printf("state-changing requests sent: %,d; acknowledged (2xx): %,d; refused (4xx/5xx): %d; "
                + "unanswered at a kill: %d%n", f.sent.get(), f.acknowledged.get(), f.refused.get(), f.unanswered.get());
        System.out.printf("unanswered retried after the restart with the same key: %d (%d answered by replay, %d run again);"
                + " waits for a request still in flight: %d%n", f.retried.get(), f.retriedReplayed.get(),
                f.retried.get() - f.retriedReplayed.get(), f.inFlightWaits.get());
        System.out.printf("attempt checks after the restarts: %,d (submissions each verified stored exactly once)%n",
                f.attemptChecks.get());
        System.out.printf("live lab sessions checked after the restarts: %d (%d resumed at or past a stored snapshot)%n",
                f.liveChecks.get(), f.liveResumedFromSnapshot.get());
        System.out.printf("losses: %d, duplicates: %d, progress backwards: %d, live sessions behind their snapshot: %d%n",
                f.losses.get(), f.duplicates.get(), f.regressions.get(), f.liveBehind.get());
        System.out.printf("start to healthy: first %d ms; after a kill p50 %d ms, max %d ms%n", firstStart,
                restarts.isEmpty() ? 0 : restarts.get(restarts.size() / 2), restarts.isEmpty() ? 0 : restarts.getLast());
        for (String r : f.refusals()) {
            System.out.println("  refused: " + r);
        }
        for (String v : violations.subList(0, Math.min(20, violations.size()))) {
            System.out.println("  VIOLATION: " + v);
        }
        System.out.println(violations.isEmpty() ? "crash safety: held" : "crash safety: VIOLATED (" + violations.size() + ")");
        return violations.isEmpty();
    }
}
