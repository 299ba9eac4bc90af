package sfa.lab.session;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits in tests for a state the sessions reach, woken after every scan any session runs, instead of
 * sleeping a guessed time.
 */
public final class Scans {

    private final Object scanned = new Object();

    public Scans(LabSessions sessions) {
        sessions.afterScan(s -> {
            synchronized (scanned) {
                scanned.notifyAll();
            }
        });
    }

    /** Returns once {@code condition} holds (checked after each scan); fails after 20 s. */
    public void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        synchronized (scanned) {
            while (!condition.getAsBoolean()) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out waiting until " + what);
                }
                scanned.wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
