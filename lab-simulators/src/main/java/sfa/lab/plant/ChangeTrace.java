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
    /**
     * The signals of a row come in the same order at every step: the {@code Last} of each position in the row,
     * and the name it was for, spare a map lookup per signal per step (a grade's trace was 15 % of its CPU).
     */
    private static final int MAX_SLOTS = 4096;
    private Last[] slots = new Last[64];
    private String[] slotNames = new String[64];
    private int position;
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
        Last last = slot(column, bits);
        if (last == null) {
            last = new Last();
            last.value = v;
            bits.put(column, last);
            remember(column, last);
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
        Last last = slot(column, words);
        if (last == null) {
            last = new Last();
            words.put(column, last);
            remember(column, last);
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

    /** The signal's {@code Last} from its position in the row when the same name was there before, else from the map. */
    private Last slot(String column, Map<String, Last> byName) {
        int at = position++;
        if (at < slots.length && slotNames[at] == column) {
            return slots[at];
        }
        Last last = byName.get(column);
        if (last != null) {
            remember(column, last);
        }
        return last;
    }

    private void remember(String column, Last last) {
        int at = position - 1;
        if (at >= MAX_SLOTS) {
            return; // a writer that never ends its rows: the map alone
        }
        if (at >= slots.length) {
            slots = java.util.Arrays.copyOf(slots, Math.max(at + 1, slots.length * 2));
            slotNames = java.util.Arrays.copyOf(slotNames, slots.length);
        }
        slots[at] = last;
        slotNames[at] = column;
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
        position = 0;
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
