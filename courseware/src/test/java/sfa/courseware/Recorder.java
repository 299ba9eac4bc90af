package sfa.courseware;

import sfa.lab.scenario.TraceTable;

/** Reads a run's {@link TraceTable} by row and column name, for checking objectives in tests. */
final class Recorder {

    private final TraceTable table = new TraceTable(1024);

    TraceTable table() {
        return table;
    }

    int size() {
        return table.rows();
    }

    double get(int row, String column) {
        double[] c = table.column(column);
        if (c == null) {
            throw new IllegalArgumentException("no column " + column + " in " + table.names());
        }
        return c[row];
    }

    boolean on(int row, String column) {
        return get(row, column) != 0;
    }

    long time(int row) {
        return (long) table.times()[row];
    }

    /** The first row at or after {@code fromMillis} where {@code column} is {@code value}, or -1. */
    int first(String column, boolean value, long fromMillis) {
        for (int i = 0; i < size(); i++) {
            if (time(i) >= fromMillis && on(i, column) == value) {
                return i;
            }
        }
        return -1;
    }
}
