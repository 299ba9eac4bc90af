package sfa.benchmarks;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * How fast this machine is right now, in one figure: a fixed piece of single-threaded work (SHA-256 over 32 MB, sorting
 * and counting a million numbers), best of five rounds after two warm-ups. A shared two-core machine's speed differs by
 * a quarter from one evening to the next (docs/benchmarks.md, issue 16); {@code benchmarks/api-load} prints this beside
 * its figures so that rows from different days can be compared. The work is none of the platform's own code, so
 * changes to the platform never move it.
 */
public final class Calibration {

    private Calibration() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("machine calibration (fixed single-thread work, best of 5; lower is faster): %.1f ms%n", millis());
    }

    static double millis() throws Exception {
        byte[] data = new byte[8 << 20];
        new Random(1).nextBytes(data);
        long best = Long.MAX_VALUE;
        long sink = 0;
        for (int round = 0; round < 7; round++) {
            long t0 = System.nanoTime();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < 4; i++) {
                sha.update(data);
            }
            sink += sha.digest()[0];
            int[] numbers = new Random(round).ints(1_000_000).toArray();
            Arrays.sort(numbers);
            Map<Integer, Integer> counts = new HashMap<>();
            for (int n : numbers) {
                counts.merge(n & 0xffff, 1, Integer::sum);
            }
            sink += counts.size();
            long took = System.nanoTime() - t0;
            if (round >= 2) {
                best = Math.min(best, took);
            }
        }
        if (sink == 42) {
            System.out.print(""); // keeps the work from being optimised away
        }
        return best / 1e6;
    }
}
