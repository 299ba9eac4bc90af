package sfa.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What one simulated student of the crash test sent and was told. Every state-changing request is a {@link Call}
 * with its own Idempotency-Key; a call that got no answer stays pending until it is retried, with the same key,
 * after the restart. Every quiz or lab submission sent counts: once all pending calls are answered, the store must
 * hold exactly one attempt per key. The progress of every answer is kept as the floor the store may never fall
 * below again.
 */
final class CrashLedger {

    enum Kind { OPEN_UNIT, LESSON_READ, QUIZ, LAB, LIVE_OPEN, LIVE_START }

    /** One state-changing request, as sent and as retried. */
    record Call(Kind kind, String unit, String path, @Nullable String body, String key) {
    }

    /** One unit: the submissions sent (in order) and the best progress acknowledged. */
    static final class UnitLog {
        final List<String> quizKeys = new ArrayList<>();
        final List<String> labKeys = new ArrayList<>();
        final Set<String> lessonsAcknowledged = new HashSet<>();
        int lessonsRead;
        double bestQuizPercent;
        boolean quizPassed;
        int labsPassed;
        boolean completed;
        @Nullable String completedAt;

        /** Raises the floor to what an acknowledged answer's progress says. */
        void saw(@Nullable Object progress) {
            if (!(progress instanceof Map<?, ?>)) {
                return;
            }
            lessonsRead = Math.max(lessonsRead, number(progress, "lessonsRead").intValue());
            bestQuizPercent = Math.max(bestQuizPercent, number(progress, "bestQuizPercent").doubleValue());
            quizPassed |= Boolean.TRUE.equals(JsonIn.at(progress, "quizPassed"));
            labsPassed = Math.max(labsPassed, number(progress, "labsPassed").intValue());
            completed |= Boolean.TRUE.equals(JsonIn.at(progress, "completed"));
            if (completedAt == null && JsonIn.at(progress, "completedAt") instanceof String at) {
                completedAt = at;
            }
        }
    }

    private static Number number(Object json, String key) {
        return JsonIn.at(json, key) instanceof Number n ? n : 0;
    }

    final String username;
    final String school;
    final String token;
    final Map<String, UnitLog> units = new LinkedHashMap<>();
    final List<Call> pending = new ArrayList<>();
    /** The student's live lab session (at most one is opened per student), its lab, and whether it was started. */
    @Nullable String liveId;
    @Nullable String liveLab;
    boolean liveStarted;
    /** The newest simulated time the server said the session's stored snapshot holds; -1 before any. */
    long liveSnapshotMs = -1;

    CrashLedger(String username, String school, String token) {
        this.username = username;
        this.school = school;
        this.token = token;
    }

    UnitLog unit(String unit) {
        return units.computeIfAbsent(unit, u -> new UnitLog());
    }

    /** The id the server gives an attempt submitted under {@code key} (sfa.backend.web.Idempotency#attemptId). */
    String attemptId(String key) {
        return UUID.nameUUIDFromBytes((username + "\n" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Counts a submission as sent (before it is sent: it counts even if no answer comes). */
    void sent(Call c) {
        switch (c.kind()) {
            case QUIZ -> unit(c.unit()).quizKeys.add(c.key());
            case LAB -> unit(c.unit()).labKeys.add(c.key());
            default -> {
            }
        }
    }

    /** Forgets a submission the server refused (it was never counted). */
    void refused(Call c) {
        switch (c.kind()) {
            case QUIZ -> unit(c.unit()).quizKeys.remove(c.key());
            case LAB -> unit(c.unit()).labKeys.remove(c.key());
            case LIVE_OPEN -> liveLab = null;
            default -> {
            }
        }
    }

    /** Takes in an acknowledged (2xx) answer; a problem with it as text, or null. */
    @Nullable String answered(Call c, CrashApi.Reply r) {
        Object json = r.json();
        switch (c.kind()) {
            case OPEN_UNIT -> unit(c.unit()).saw(JsonIn.at(json, "progress"));
            case LESSON_READ -> {
                unit(c.unit()).saw(json);
                unit(c.unit()).lessonsAcknowledged.add(c.path().replaceAll(".*/lessons/([^/]+)/read$", "$1"));
            }
            case QUIZ, LAB -> {
                unit(c.unit()).saw(JsonIn.at(json, "progress"));
                if (!Objects.equals(JsonIn.at(json, "attempt"), attemptId(c.key()))) {
                    return username + " " + c.kind() + " " + c.unit() + ": attempt " + JsonIn.at(json, "attempt")
                            + " is not the one its key gives (" + attemptId(c.key()) + ")";
                }
            }
            case LIVE_OPEN -> liveId = (String) JsonIn.at(json, "id");
            case LIVE_START -> liveStarted = true;
        }
        return null;
    }
}
