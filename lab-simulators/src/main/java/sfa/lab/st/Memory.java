package sfa.lab.st;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a program's variables take in memory, counted before anything is allocated, so a program that
 * asks for more than {@link StCompiler#MEMORY_LIMIT_BYTES} is refused at compile time instead of
 * exhausting the server that runs hundreds of sessions. Every value is counted at its largest: a
 * number, BOOL, TIME or enum slot 8 bytes, a {@code STRING[n]} 2n + 48 bytes (n characters of UTF-16
 * and the string's headers, as if full), a function block instance its own variables and 64 bytes of
 * frame. Since frames are made once at load and strings are cut to their declared length, a running
 * program never holds more than this. Sums saturate at {@link Long#MAX_VALUE}.
 */
final class Memory {

    static final long SLOT = 8;
    static final long FRAME = 64;

    private final Map<FunctionBlock, Long> frames = new HashMap<>();

    /** The bytes a value of {@code type} can take at most. */
    long bytes(Type type) {
        return switch (type) {
            case Type.StringType s -> SLOT + 48 + 2L * s.length();
            case Type.ArrayType a -> times(count(a.low(), a.high()), bytes(a.element()));
            case Type.StructType s -> {
                long sum = 0;
                for (Type.Field f : s.fields()) {
                    sum = plus(sum, bytes(f.type()));
                }
                yield sum;
            }
            case Type.FbType fb -> plus(SLOT, frame(fb.block()));
            default -> SLOT;
        };
    }

    /** The bytes of one frame of {@code block}: its variables and nested instances. */
    long frame(FunctionBlock block) {
        Long known = frames.get(block);
        if (known != null) {
            return known;
        }
        frames.put(block, 0L); // an instance containing itself is reported as recursion, not counted twice
        long sum = FRAME;
        for (Variable v : block.variables().values()) {
            sum = plus(sum, bytes(v.type()));
        }
        frames.put(block, sum);
        return sum;
    }

    /** The number of elements of an array with these bounds, saturated. */
    static long count(int[] low, int[] high) {
        long n = 1;
        for (int i = 0; i < low.length; i++) {
            n = times(n, (long) high[i] - low[i] + 1);
        }
        return n;
    }

    static long plus(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    static long times(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }

    /** A size as people read it: {@code 800 MB}, {@code 1.5 KB}, {@code 96 bytes}. */
    static String format(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "more than 8 EB";
        }
        String[] units = {"KB", "MB", "GB", "TB", "PB", "EB"};
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return (v < 10 && v != Math.floor(v) ? String.format(Locale.ROOT, "%.1f", v) : String.valueOf(Math.round(v)))
                + " " + units[u];
    }
}
