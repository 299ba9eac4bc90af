package sfa.lab.plant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import sfa.lab.sim.TraceSink;

/**
 * A compact trace for a timing diagram: CSV lines {@code t_ms,signal,value}, one when a signal changes.
 * Bits (I/O points, sensors, the PLC's run flag) are written at every change; numbers (analog words,
 * counters) at most every {@code wordMillis} while they keep changing, and always once more when the
 * run ends, so a noisy analog input does not write a line per step. Positions (doubles) and texts are
 * left out: the full CSV trace ({@link CsvTrace}) has them. A 75 s sorting run is a few kilobytes
 * instead of a hundred.
 */
public final class ChangeTrace implements TraceSink {

    private static final class Last {
        long value;
        long writtenAt;
        long writtenValue;
        boolean pending;
    }

    private final Appendable out;
    private final long wordMillis;
    private final Map<String, Last> bits = new HashMap<>();
    private final Map<String, Last> words = new HashMap<>();
    private long now;
    private long lines;

    public ChangeTrace(Appendable out, long wordMillis) {
        this.out = out;
        this.wordMillis = wordMillis;
        write("t_ms,signal,value");
    }

    @Override
    public void value(String column, boolean value) {
        long v = value ? 1 : 0;
        Last last = bits.get(column);
        if (last == null) {
            last = new Last();
            last.value = v;
            bits.put(column, last);
            line(column, v);
        } else if (last.value != v) {
            last.value = v;
            line(column, v);
        }
    }

    @Override
    public void value(String column, long value) {
        if (column.equals("t_ms")) {
            now = value;
            return;
        }
        Last last = words.get(column);
        if (last == null) {
            last = new Last();
            words.put(column, last);
            last.value = value;
            write(column, last, value);
        } else if (last.value != value || last.pending) {
            last.value = value;
            if (now - last.writtenAt >= wordMillis) {
                if (last.writtenValue != value) {
                    write(column, last, value);
                } else {
                    last.pending = false;
                }
            } else {
                last.pending = last.writtenValue != value;
            }
        }
    }

    private void write(String column, Last last, long value) {
        last.writtenAt = now;
        last.writtenValue = value;
        last.pending = false;
        line(column, value);
    }

    @Override
    public void value(String column, double value) {
        // positions and levels as doubles: in the full CSV trace only
    }

    @Override
    public void text(String column, String value) {
        // texts: in the full CSV trace only
    }

    @Override
    public boolean wantsText() {
        return false;
    }

    @Override
    public void endRow() {
        // changes are written as they come
    }

    /** Writes each number whose last change was held back, at the run's last moment. */
    public void finish() {
        for (Map.Entry<String, Last> e : words.entrySet()) {
            if (e.getValue().pending) {
                write(e.getKey(), e.getValue(), e.getValue().value);
            }
        }
    }

    public long lines() {
        return lines;
    }

    private void line(String column, long value) {
        write(now + "," + column + "," + value);
    }

    private void write(String line) {
        try {
            out.append(line).append('\n');
            lines++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
