package sfa.courseware;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sfa.lab.sim.TraceSink;

/** Keeps a plant's trace in memory as numbers, for checking objectives in tests. */
final class Recorder implements TraceSink {

    private final Map<String, Integer> columns = new HashMap<>();
    private final List<double[]> rows = new ArrayList<>();
    private final List<Double> row = new ArrayList<>();
    private boolean first = true;

    private void add(String column, double v) {
        if (first) {
            columns.put(column, columns.size());
        }
        row.add(v);
    }

    @Override
    public void value(String column, boolean value) {
        add(column, value ? 1 : 0);
    }

    @Override
    public void value(String column, long value) {
        add(column, value);
    }

    @Override
    public void value(String column, double value) {
        add(column, value);
    }

    @Override
    public void text(String column, String value) {
        add(column, Double.NaN);
    }

    @Override
    public void endRow() {
        first = false;
        double[] r = new double[row.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = row.get(i);
        }
        rows.add(r);
        row.clear();
    }

    int size() {
        return rows.size();
    }

    double get(int row, String column) {
        Integer c = columns.get(column);
        if (c == null) {
            throw new IllegalArgumentException("no column " + column + " in " + columns.keySet());
        }
        return rows.get(row)[c];
    }

    boolean on(int row, String column) {
        return get(row, column) != 0;
    }

    long time(int row) {
        return (long) get(row, "t_ms");
    }

    /** The first row at or after {@code fromMillis} where {@code column} is {@code value}, or -1. */
    int first(String column, boolean value, long fromMillis) {
        for (int i = 0; i < rows.size(); i++) {
            if (time(i) >= fromMillis && on(i, column) == value) {
                return i;
            }
        }
        return -1;
    }
}
