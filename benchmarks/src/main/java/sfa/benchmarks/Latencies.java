package sfa.benchmarks;

import java.util.Arrays;

/**
 * Every latency sample of one kind of request, in microseconds, kept whole (a 60 s run at a few hundred
 * requests per second is tens of thousands of samples), and the errors of that kind.
 */
final class Latencies {

    private long[] samples = new long[16_384];
    private int count;
    private long errors;

    synchronized void add(long micros) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = micros;
    }

    synchronized void error() {
        errors++;
    }

    synchronized void addAll(Latencies other) {
        long[] s;
        int n;
        synchronized (other) {
            s = other.samples;
            n = other.count;
            errors += other.errors;
        }
        for (int i = 0; i < n; i++) {
            add(s[i]);
        }
    }

    /** The count, errors and percentiles (nearest rank) in ms. */
    synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return new Summary(count, errors, at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99),
                count == 0 ? 0 : sorted[count - 1] / 1000.0);
    }

    private static double at(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1000.0;
    }

    record Summary(int count, long errors, double p50, double p90, double p99, double max) {
    }
}
