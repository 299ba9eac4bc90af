package sfa.lab.sim;

/**
 * Simulated time as an integer count of fixed steps. The step size never varies during a run
 * (a varying step would make physics depend on pacing); simulated time is derived from the tick.
 */
public final class Clock {

    /** The default step, equal to the default PLC scan cycle of the lab catalogue. */
    public static final int DEFAULT_STEP_MILLIS = 10;

    private final int stepMillis;
    private final double stepSeconds;
    private long tick;

    /** @param stepMillis the fixed step in milliseconds, 1 to 100 as the lab catalogue allows */
    public Clock(int stepMillis) {
        if (stepMillis < 1 || stepMillis > 100) {
            throw new IllegalArgumentException("step must be 1..100 ms, was " + stepMillis);
        }
        this.stepMillis = stepMillis;
        this.stepSeconds = stepMillis / 1000.0;
    }

    public int stepMillis() {
        return stepMillis;
    }

    /** The step in seconds, for physics. */
    public double stepSeconds() {
        return stepSeconds;
    }

    public long tick() {
        return tick;
    }

    /** Simulated time of the current tick in milliseconds. */
    public long nowMillis() {
        return tick * stepMillis;
    }

    /** The first tick at or after the given simulated time. */
    public long tickAt(long millis) {
        return Math.floorDiv(millis + stepMillis - 1, stepMillis);
    }

    public void advance() {
        tick++;
    }

    void setTick(long tick) {
        this.tick = tick;
    }

    /** Restores the tick from a snapshot. */
    public void restore(StateReader state) {
        setTick(state.getLong("tick"));
    }

    public void save(StateWriter state) {
        state.put("tick", tick);
    }
}
