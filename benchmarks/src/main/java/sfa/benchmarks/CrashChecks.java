package sfa.benchmarks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the crash test checks after every restart, through the API only. First every request that got no answer is
 * sent again with its same key until it is answered (the first answer replayed, or the work done now); then, for
 * each student and unit, a teacher reads the stored progress and attempts and they must show:
 * <ul>
 * <li>every quiz and lab submission exactly once: the attempt counts equal the number of keys sent, the stored
 * attempt ids are the ids those keys give, none missing, none twice (a loss or a duplicate otherwise);</li>
 * <li>no progress backwards: lessons read, the best quiz score, quiz passed, labs passed and completion at least what
 * the last acknowledged answer said, and the moment of completion unchanged;</li>
 * <li>the student's live lab session found again, at a simulated time no earlier than the snapshot the server last
 * said it had stored.</li>
 * </ul>
 */
final class CrashChecks {

    /** Quiz attempts an enrollment keeps in full (sfa.backend.learning.Enrollments#KEPT_ATTEMPTS). */
    private static final int KEPT_QUIZ_ATTEMPTS = 30;
    /** Lab attempts the teacher's view lists at most. */
    private static final int LISTED_LAB_ATTEMPTS = 200;
    /** How long a retry waits at most for the server to give up a request it still thinks is in flight. */
    private static final long RETRY_LIMIT_MS = 180_000;

    private final CrashApi api;
    private final CrashFigures figures;

    CrashChecks(CrashApi api, CrashFigures figures) {
        this.api = api;
        this.figures = figures;
    }

    /** Sends the student's pending calls again, same key and body, until each is answered. */
    void retryPending(CrashLedger l) throws InterruptedException {
        for (CrashLedger.Call c : List.copyOf(l.pending)) {
            long until = System.currentTimeMillis() + RETRY_LIMIT_MS;
            CrashApi.Reply r;
            while (true) {
                r = api.send(l.token, "POST", c.path(), c.body(), c.key());
                if (r != null && r.status() == 409 && r.body().contains("idempotency-in-flight")) {
                    figures.inFlightWaits.incrementAndGet();
                } else if (r != null) {
                    break;
                }
                if (System.currentTimeMillis() > until) {
                    throw new IllegalStateException("no answer to the retry of " + c + " within " + RETRY_LIMIT_MS + " ms");
                }
                Thread.sleep(r == null ? 200 : 1000); // the server's Retry-After is 1 s
            }
            l.pending.remove(c);
            figures.retried.incrementAndGet();
            if (r.replayed()) {
                figures.retriedReplayed.incrementAndGet();
            }
            if (r.ok()) {
                String problem = l.answered(c, r);
                if (problem != null) {
                    figures.violation(null, problem);
                }
            } else {
                l.refused(c);
                figures.violation(null, l.username + " retry of " + c.kind() + " " + c.path() + " answered " + r.status()
                        + " " + r.body());
            }
        }
    }

    /** Checks every unit the student touched, as a teacher of their school reads it. */
    void verify(CrashLedger l, String teacherToken) {
        for (var e : l.units.entrySet()) {
            CrashApi.Reply r = read(teacherToken, "/api/schools/" + l.school + "/students/" + l.username + "/units/" + e.getKey());
            String where = l.username + " " + e.getKey() + ": ";
            if (!r.ok()) {
                figures.violation(figures.losses, where + "the teacher's view answered " + r.status() + " " + r.body());
                continue;
            }
            Object json = r.json();
            attempts(where + "quiz: ", l, e.getValue().quizKeys, ids(JsonIn.at(json, "quizAttempts")),
                    JsonIn.at(json, "quizAttemptCount"), KEPT_QUIZ_ATTEMPTS, true);
            attempts(where + "lab: ", l, e.getValue().labKeys, ids(JsonIn.at(json, "labAttempts")),
                    JsonIn.at(json, "labAttemptCount"), LISTED_LAB_ATTEMPTS, false);
            progress(where, e.getValue(), JsonIn.at(json, "progress"));
        }
    }

    /**
     * The attempts stored for the keys sent: {@code count} must equal the keys, and the listed ids (the newest
     * {@code window} of them) be exactly the ids of the newest keys, in order when the list keeps order.
     */
    private void attempts(String where, CrashLedger l, List<String> keys, List<String> listed, @Nullable Object count,
            int window, boolean ordered) {
        int stored = count instanceof Number n ? n.intValue() : -1;
        figures.attemptChecks.addAndGet(keys.size());
        if (stored < keys.size()) {
            figures.violation(figures.losses, where + keys.size() + " sent, " + stored + " counted");
        } else if (stored > keys.size()) {
            figures.violation(figures.duplicates, where + keys.size() + " sent, " + stored + " counted");
        }
        if (new HashSet<>(listed).size() != listed.size()) {
            figures.violation(figures.duplicates, where + "an attempt listed twice: " + listed);
        }
        List<String> expected = new ArrayList<>();
        for (String k : keys.subList(Math.max(0, keys.size() - window), keys.size())) {
            expected.add(l.attemptId(k));
        }
        Set<String> have = new HashSet<>(listed);
        for (String id : expected) {
            if (!have.contains(id)) {
                figures.violation(figures.losses, where + "attempt " + id + " missing");
            }
        }
        Set<String> known = new HashSet<>(expected);
        for (String id : listed) {
            if (!known.contains(id)) {
                figures.violation(figures.duplicates, where + "attempt " + id + " stored but never sent");
            }
        }
        if (ordered && have.equals(known) && !listed.equals(expected)) {
            figures.violation(null, where + "attempts out of order: " + listed + " instead of " + expected);
        }
    }

    private void progress(String where, CrashLedger.UnitLog floor, @Nullable Object p) {
        int lessons = JsonIn.at(p, "lessonsRead") instanceof Number n ? n.intValue() : -1;
        double best = JsonIn.at(p, "bestQuizPercent") instanceof Number n ? n.doubleValue() : -1;
        int labs = JsonIn.at(p, "labsPassed") instanceof Number n ? n.intValue() : -1;
        List<String> back = new ArrayList<>();
        if (lessons < Math.max(floor.lessonsRead, floor.lessonsAcknowledged.size())) {
            back.add("lessons read " + lessons + " < " + Math.max(floor.lessonsRead, floor.lessonsAcknowledged.size()));
        }
        if (best < floor.bestQuizPercent) {
            back.add("best quiz " + best + " < " + floor.bestQuizPercent);
        }
        if (floor.quizPassed && !Boolean.TRUE.equals(JsonIn.at(p, "quizPassed"))) {
            back.add("quiz no longer passed");
        }
        if (labs < floor.labsPassed) {
            back.add("labs passed " + labs + " < " + floor.labsPassed);
        }
        if (floor.completed && !Boolean.TRUE.equals(JsonIn.at(p, "completed"))) {
            back.add("no longer completed");
        }
        if (floor.completedAt != null && !Objects.equals(floor.completedAt, JsonIn.at(p, "completedAt"))) {
            back.add("completed at " + JsonIn.at(p, "completedAt") + " instead of " + floor.completedAt);
        }
        for (String b : back) {
            figures.violation(figures.regressions, where + b);
        }
        floor.saw(p);
    }

    /** The student's live session is found again, no earlier than its last stored snapshot. */
    void verifyLive(CrashLedger l) {
        if (l.liveId == null) {
            return;
        }
        figures.liveChecks.incrementAndGet();
        CrashApi.Reply r = read(l.token, "/api/schools/" + l.school + "/my/labs/" + l.liveId);
        if (!r.ok()) {
            figures.violation(figures.losses, l.username + " live session " + l.liveId + ": " + r.status() + " " + r.body());
            return;
        }
        long time = JsonIn.at(r.json(), "state", "timeMs") instanceof Number n ? n.longValue() : -1;
        if (time < l.liveSnapshotMs) {
            figures.violation(figures.liveBehind, l.username + " live session " + l.liveId + " resumed at " + time
                    + " ms, its stored snapshot was at " + l.liveSnapshotMs + " ms");
        } else if (l.liveSnapshotMs > 0) {
            figures.liveResumedFromSnapshot.incrementAndGet();
        }
    }

    /** A read, tried again while the server does not answer (a new connection after the restart). */
    private CrashApi.Reply read(String token, String path) {
        for (int i = 0; ; i++) {
            CrashApi.Reply r = api.get(token, path);
            if (r != null) {
                return r;
            }
            if (i == 50) {
                throw new IllegalStateException("no answer to GET " + path);
            }
        }
    }

    private static List<String> ids(@Nullable Object list) {
        List<String> ids = new ArrayList<>();
        if (list instanceof List<?> l) {
            for (Object o : l) {
                ids.add(String.valueOf(JsonIn.at(o, "id")));
            }
        }
        return ids;
    }
}
