package sfa.lab.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import sfa.lab.sim.TraceSink;

/**
 * A recorded run in columns: one {@code double[]} per signal (booleans 1/0), grown as the run goes.
 * It is the plant's {@link TraceSink} during grading and what objectives are evaluated over. Text
 * columns (part lists) are not kept.
 */
public final class TraceTable implements TraceSink {

    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<double[]> columns = new ArrayList<>();
    private int rows;
    private int capacity;
    private int column;
    private boolean first = true;

    /** @param expectedRows rows to reserve (the run's steps); it grows beyond if needed */
    public TraceTable(int expectedRows) {
        this.capacity = Math.max(16, expectedRows);
    }

    private void put(String name, double v) {
        if (first) {
            index.put(name, columns.size());
            columns.add(new double[capacity]);
        }
        double[] c = columns.get(column++);
        c[rows] = v;
    }

    @Override
    public void value(String name, boolean value) {
        put(name, value ? 1 : 0);
    }

    @Override
    public void value(String name, long value) {
        put(name, value);
    }

    @Override
    public void value(String name, double value) {
        put(name, value);
    }

    @Override
    public void text(String name, String value) {
    }

    @Override
    public boolean wantsText() {
        return false;
    }

    @Override
    public void endRow() {
        first = false;
        column = 0;
        rows++;
        if (rows == capacity) {
            capacity *= 2;
            for (int i = 0; i < columns.size(); i++) {
                columns.set(i, Arrays.copyOf(columns.get(i), capacity));
            }
        }
    }

    public int rows() {
        return rows;
    }

    public Set<String> names() {
        return index.keySet();
    }

    /** The column, or null when there is none of that name (case-insensitive). */
    public double @Nullable [] column(String name) {
        Integer i = index.get(name);
        if (i == null) {
            for (Map.Entry<String, Integer> e : index.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    i = e.getValue();
                }
            }
        }
        return i == null ? null : columns.get(i);
    }

    /** Sample times in ms. */
    public double[] times() {
        return columns.getFirst();
    }
}
