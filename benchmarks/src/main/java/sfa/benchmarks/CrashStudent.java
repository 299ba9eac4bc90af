package sfa.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One simulated student of the crash test, one request at a time until told to stop (the server was killed):
 * opens one of their units, marks lessons read, submits quiz attempts and lab programs for grading, once opens a
 * live lab session running the lab's model program and starts it, and now and then lists their live sessions to
 * learn how far the stored snapshot of theirs is. Every state-changing request gets a fresh Idempotency-Key and
 * goes through the {@link CrashLedger}; a request without an answer is left pending there and the student stops.
 */
final class CrashStudent implements Runnable {

    private final CrashLedger ledger;
    private final List<Course.CourseUnit> units;
    private final CrashApi api;
    private final CrashFigures figures;
    private final BooleanSupplier stop;
    private final Random random;

    CrashStudent(CrashLedger ledger, List<Course.CourseUnit> units, CrashApi api, CrashFigures figures,
            BooleanSupplier stop, Random random) {
        this.ledger = ledger;
        this.units = units;
        this.api = api;
        this.figures = figures;
        this.stop = stop;
        this.random = random;
    }

    @Override
    public void run() {
        try {
            while (!stop.getAsBoolean() && ledger.pending.isEmpty()) {
                act();
                Thread.sleep(20 + random.nextInt(180)); // think time, pacing the load
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void act() {
        Course.CourseUnit u = units.get(random.nextInt(units.size()));
        String my = "/api/schools/" + ledger.school + "/my";
        String unit = my + "/units/" + u.id();
        if (ledger.liveId != null && !ledger.liveStarted) {
            call(CrashLedger.Kind.LIVE_START, u.id(), my + "/labs/" + ledger.liveId + "/commands/start", null);
            return;
        }
        double r = random.nextDouble();
        if (r < 0.03 && ledger.liveLab == null && u.lab() != null) {
            ledger.liveLab = u.lab().lab();
            call(CrashLedger.Kind.LIVE_OPEN, u.id(), my + "/labs",
                    Json.of(Map.of("lab", u.lab().lab(), "program", u.lab().modelAnswer())));
        } else if (r < 0.12) {
            call(CrashLedger.Kind.OPEN_UNIT, u.id(), unit, null);
        } else if (r < 0.42 && !u.lessons().isEmpty()) {
            String lesson = u.lessons().get(random.nextInt(u.lessons().size()));
            call(CrashLedger.Kind.LESSON_READ, u.id(), unit + "/lessons/" + lesson + "/read", null);
        } else if (r < 0.80 && u.quiz() != null) {
            double right = random.nextBoolean() ? 0.5 : 0.95;
            call(CrashLedger.Kind.QUIZ, u.id(), unit + "/quiz/attempts",
                    Json.of(Map.of("responses", Course.responses(u.quiz(), right, random))));
        } else if (r < 0.86 && u.lab() != null) {
            List<String> wrong = u.lab().wrong();
            String program = wrong.isEmpty() || random.nextInt(5) < 3 ? u.lab().modelAnswer()
                    : wrong.get(random.nextInt(wrong.size()));
            call(CrashLedger.Kind.LAB, u.id(), unit + "/labs/" + u.lab().lab() + "/attempts",
                    Json.of(Map.of("program", program)));
        } else if (ledger.liveId != null) {
            readSnapshotTime();
        }
    }

    private void call(CrashLedger.Kind kind, String unit, String path, @Nullable String body) {
        CrashLedger.Call c = new CrashLedger.Call(kind, unit, path, body, UUID.randomUUID().toString());
        ledger.sent(c);
        figures.sent.incrementAndGet();
        CrashApi.Reply r = api.send(ledger.token, "POST", path, body, c.key());
        if (r == null) {
            ledger.pending.add(c);
            figures.unanswered.incrementAndGet();
        } else if (r.ok()) {
            figures.acknowledged.incrementAndGet();
            String problem = ledger.answered(c, r);
            if (problem != null) {
                figures.violation(null, problem);
            }
        } else {
            ledger.refused(c);
            figures.refusal(ledger.username + " " + kind + " " + path + ": " + r.status() + " " + r.body());
        }
    }

    /** Lists the student's live sessions: the stored snapshot's time of theirs is the floor a restart must keep. */
    private void readSnapshotTime() {
        CrashApi.Reply r = api.get(ledger.token, "/api/schools/" + ledger.school + "/my/labs");
        if (r == null || !r.ok() || !(r.json() instanceof List<?> labs)) {
            return;
        }
        figures.reads.incrementAndGet();
        for (Object lab : labs) {
            if (ledger.liveId.equals(JsonIn.at(lab, "id")) && JsonIn.at(lab, "snapshotTimeMs") instanceof Number t) {
                ledger.liveSnapshotMs = Math.max(ledger.liveSnapshotMs, t.longValue());
            }
        }
    }
}
