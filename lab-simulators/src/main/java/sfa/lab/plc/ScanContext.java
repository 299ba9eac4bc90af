package sfa.lab.plc;

/**
 * What a program may know of time during one scan: simulated time only, never the wall clock, so
 * timers stay exact when grading runs at many times real time. One instance is reused for every
 * scan (the scan cycle allocates nothing); read it during the scan, do not keep it.
 */
public final class ScanContext {

    private final int cycleMillis;
    private long scan;
    private long nowMillis;

    ScanContext(int cycleMillis) {
        this.cycleMillis = cycleMillis;
    }

    /** A context for calling a program outside a scan cycle, as tests of a program do. */
    public static ScanContext of(long scan, long nowMillis, int cycleMillis) {
        ScanContext c = new ScanContext(cycleMillis);
        c.set(scan, nowMillis);
        return c;
    }

    void set(long scan, long nowMillis) {
        this.scan = scan;
        this.nowMillis = nowMillis;
    }

    /** The number of this scan, from 0. */
    public long scan() {
        return scan;
    }

    /** Simulated time at the start of this scan, in ms. */
    public long nowMillis() {
        return nowMillis;
    }

    /** The scan cycle in ms. */
    public int cycleMillis() {
        return cycleMillis;
    }
}
