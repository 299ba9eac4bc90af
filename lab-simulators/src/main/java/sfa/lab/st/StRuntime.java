package sfa.lab.st;

import sfa.lab.plc.PlcFault;

/**
 * What running code needs besides its frame: the scan's simulated time (timers read it, never the
 * wall clock) and the watchdog that stops a scan running longer than its budget.
 */
final class StRuntime {

    /** Loops look at the wall clock only every this many back-edges (and at a scan's first), to stay cheap. */
    private static final int WATCHDOG_STRIDE_MASK = 1023;

    long nowMillis;
    /** The one frame of each FUNCTION and its description, indexed as the compiled code numbers them. */
    Frame[] functionFrames = new Frame[0];
    FunctionBlock[] functions = new FunctionBlock[0];
    private final long budgetNanos;
    private final int budgetMillis;
    private long deadline;
    private int ticks;
    private int loopLine;
    private int loopColumn;

    StRuntime(int watchdogMillis) {
        this.budgetMillis = watchdogMillis;
        this.budgetNanos = watchdogMillis * 1_000_000L;
    }

    void startScan(long nowMillis) {
        this.nowMillis = nowMillis;
        this.ticks = 0;
    }

    /**
     * Called at each loop back-edge; faults when the scan has run past its budget. The clock is read
     * at the scan's first back-edge (a scan without loops never reads it), so the budget counts from
     * the first loop on, and then every 1024th back-edge: the fault comes at most 1024 iterations late,
     * never early.
     */
    void tick(int line, int column) {
        int t = ++ticks;
        if (t != 1 && (t & WATCHDOG_STRIDE_MASK) != 0) {
            return;
        }
        long now = System.nanoTime();
        if (t == 1) {
            deadline = now + budgetNanos;
            return;
        }
        loopLine = line;
        loopColumn = column;
        if (now - deadline > 0) {
            throw new PlcFault(Message.WATCHDOG.en(budgetMillis, line, column), Message.WATCHDOG.ko(budgetMillis, line, column));
        }
    }

    /**
     * The loop that ran past 1024 back-edges last (line and column packed as {@code line << 32 | column}),
     * or 0 when no scan ran so long a loop: where a program spends its time when its scans are slow.
     */
    long longLoop() {
        return loopLine == 0 ? 0 : (long) loopLine << 32 | loopColumn;
    }

    static PlcFault fault(Message message, Object... args) {
        return new PlcFault(message.en(args), message.ko(args));
    }

    // --- helpers the compiled bytecode calls ----------------------------------------------

    static PlcFault divisionByZero(int line, int column) {
        return fault(Message.DIVISION_BY_ZERO, line, column);
    }

    static PlcFault indexOutOfRange(long index, String name, int low, int high, int line, int column) {
        return fault(Message.INDEX_OUT_OF_RANGE, index, name, low, high, line, column);
    }

    static PlcFault sqrtNegative(int line, int column) {
        return fault(Message.SQRT_NEGATIVE, line, column);
    }

    /** A string cut to a STRING[n] variable's length. */
    static Object truncate(Object value, int max) {
        return value instanceof String s && s.length() > max ? s.substring(0, max) : value;
    }

    static int compareStrings(Object a, Object b) {
        return ((String) a).compareTo((String) b);
    }

    static Object concat(Object a, Object b) {
        return (String) a + (String) b;
    }

    static long length(Object s) {
        return ((String) s).length();
    }

    /** Wraps {@code v} to {@code bits} (signed or not), as {@link Type.Elementary#wrap} does. */
    static long wrap(long v, int bits, boolean signed) {
        if (bits >= 64) {
            return v;
        }
        if (bits == 1) {
            return v & 1;
        }
        long mask = (1L << bits) - 1;
        long u = v & mask;
        return signed && (u & (1L << (bits - 1))) != 0 ? u - (1L << bits) : u;
    }

    static long shl(long v, long n, int bits, boolean signed) {
        return n >= bits || n < 0 ? 0 : wrap(v << n, bits, signed);
    }

    static long shr(long v, long n, int bits, boolean signed) {
        long mask = bits == 64 ? -1L : (1L << bits) - 1;
        return n >= bits || n < 0 ? 0 : wrap((v & mask) >>> n, bits, signed);
    }

    static long rol(long v, long n, int bits, boolean signed) {
        long mask = bits == 64 ? -1L : (1L << bits) - 1;
        int k = (int) Math.floorMod(n, (long) bits);
        long x = v & mask;
        return k == 0 ? wrap(x, bits, signed) : wrap(((x << k) | (x >>> (bits - k))) & mask, bits, signed);
    }

    static long ror(long v, long n, int bits, boolean signed) {
        long mask = bits == 64 ? -1L : (1L << bits) - 1;
        int k = (int) Math.floorMod(n, (long) bits);
        long x = v & mask;
        return k == 0 ? wrap(x, bits, signed) : wrap(((x >>> k) | (x << (bits - k))) & mask, bits, signed);
    }

    /** LIMIT on ULINT/LWORD: the bounds compared without sign. */
    static long limitUnsigned(long mn, long in, long mx) {
        long v = Long.compareUnsigned(in, mn) < 0 ? mn : in;
        return Long.compareUnsigned(v, mx) > 0 ? mx : v;
    }

    static double sqrt(double v, int line, int column) {
        if (v < 0) {
            throw sqrtNegative(line, column);
        }
        return Math.sqrt(v);
    }

    static double unsignedToDouble(long n) {
        return n >= 0 ? n : (double) (n >>> 1) * 2.0 + (n & 1);
    }
}
