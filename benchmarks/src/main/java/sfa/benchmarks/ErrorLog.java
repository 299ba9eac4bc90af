package sfa.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** Failed requests (a status other than 2xx, or an exception): counted, and the first few kept to print. */
final class ErrorLog {

    private static final int KEPT = 10;

    private final List<String> first = new ArrayList<>();
    private long warmUp;
    private long measured;

    synchronized void add(LoadStudent.Kind kind, boolean inMeasurement, String what) {
        if (inMeasurement) {
            measured++;
        } else {
            warmUp++;
        }
        if (first.size() < KEPT) {
            first.add((inMeasurement ? "" : "(warm-up) ") + kind + " " + (what.length() > 300 ? what.substring(0, 300) + "…" : what));
        }
    }

    synchronized long warmUp() {
        return warmUp;
    }

    synchronized long measured() {
        return measured;
    }

    synchronized List<String> first() {
        return List.copyOf(first);
    }
}
