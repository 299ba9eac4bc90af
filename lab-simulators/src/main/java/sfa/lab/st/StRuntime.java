package sfa.lab.st;

import sfa.lab.plc.PlcFault;

/**
 * What running code needs besides its frame: the scan's simulated time (timers read it, never the
 * wall clock) and the watchdog that stops a scan running longer than its budget.
 */
final class StRuntime {

    /** Loops and calls look at the wall clock only every this many back-edges, to stay cheap. */
    private static final int WATCHDOG_STRIDE_MASK = 1023;

    long nowMillis;
    private final long budgetNanos;
    private final int budgetMillis;
    private long deadline;
    private int ticks;

    StRuntime(int watchdogMillis) {
        this.budgetMillis = watchdogMillis;
        this.budgetNanos = watchdogMillis * 1_000_000L;
    }

    void startScan(long nowMillis) {
        this.nowMillis = nowMillis;
        this.deadline = System.nanoTime() + budgetNanos;
        this.ticks = 0;
    }

    /** Called at each loop back-edge; faults when the scan has run past its budget. */
    void tick(int line) {
        if ((++ticks & WATCHDOG_STRIDE_MASK) == 0 && System.nanoTime() - deadline > 0) {
            throw new PlcFault(Message.WATCHDOG.en(budgetMillis, line), Message.WATCHDOG.ko(budgetMillis, line));
        }
    }

    static PlcFault fault(Message message, Object... args) {
        return new PlcFault(message.en(args), message.ko(args));
    }
}
