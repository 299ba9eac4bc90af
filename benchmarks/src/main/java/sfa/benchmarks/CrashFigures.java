package sfa.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The crash test's counts, shared by the students and the checks, and the violations found: a violation is an
 * acknowledged write lost, a submission stored twice, progress gone backwards, or a live session not resumed from
 * its snapshot. Any violation fails the run.
 */
final class CrashFigures {

    final AtomicLong sent = new AtomicLong();
    final AtomicLong acknowledged = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong unanswered = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong retriedReplayed = new AtomicLong();
    final AtomicLong inFlightWaits = new AtomicLong();
    final AtomicLong reads = new AtomicLong();
    final AtomicLong attemptChecks = new AtomicLong();
    final AtomicLong losses = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong regressions = new AtomicLong();
    final AtomicLong liveChecks = new AtomicLong();
    final AtomicLong liveResumedFromSnapshot = new AtomicLong();
    final AtomicLong liveBehind = new AtomicLong();
    final List<Long> restartMillis = Collections.synchronizedList(new ArrayList<>());
    private final java.util.Set<String> violations = new java.util.LinkedHashSet<>();
    private final List<String> refusals = Collections.synchronizedList(new ArrayList<>());

    /** Records a violation; the same one found again after a later restart counts once. */
    void violation(@Nullable AtomicLong counter, String what) {
        synchronized (violations) {
            if (violations.contains(what)) {
                return;
            }
            violations.add(what);
        }
        if (counter != null) {
            counter.incrementAndGet();
        }
    }

    void refusal(String what) {
        refused.incrementAndGet();
        if (refusals.size() < 5) {
            refusals.add(what);
        }
    }

    List<String> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    List<String> refusals() {
        synchronized (refusals) {
            return List.copyOf(refusals);
        }
    }
}
