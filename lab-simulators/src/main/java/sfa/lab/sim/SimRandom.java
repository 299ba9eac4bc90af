package sfa.lab.sim;

/**
 * A seeded random generator (SplitMix64) whose whole state is one {@code long}, so it can be
 * saved in a snapshot and resumed exactly. The plant never uses an unseeded source.
 */
public final class SimRandom {

    private long state;

    public SimRandom(long seed) {
        this.state = seed;
    }

    /**
     * An independent generator for one named part of a plant (for example {@code "feeder"}), so
     * that adding a random source elsewhere never changes this one's sequence.
     */
    public static SimRandom stream(long seed, String name) {
        long h = 1125899906842597L;
        for (int i = 0; i < name.length(); i++) {
            h = 31 * h + name.charAt(i);
        }
        SimRandom mixer = new SimRandom(seed ^ h);
        return new SimRandom(mixer.nextLong());
    }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A double in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** A double in [min, max). */
    public double nextDouble(double min, double max) {
        return min + (max - min) * nextDouble();
    }

    /** An int in [0, bound), without modulo bias. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        long limit = (0x1_0000_0000L / bound) * bound;
        long r;
        do {
            r = nextLong() >>> 32;
        } while (r >= limit);
        return (int) (r % bound);
    }

    public boolean nextBoolean() {
        return nextLong() < 0;
    }

    public long state() {
        return state;
    }

    public void restore(long state) {
        this.state = state;
    }
}
