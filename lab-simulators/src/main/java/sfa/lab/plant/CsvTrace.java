package sfa.lab.plant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import sfa.lab.sim.TraceSink;

/**
 * Writes a signal trace as CSV: a header row of column names, then one row per step. Booleans are
 * 0/1, numbers are written exactly (a double's shortest round-trip form), so two traces are equal
 * as text exactly when the runs were equal.
 */
public final class CsvTrace implements TraceSink {

    private final Appendable out;
    private final List<String> header = new ArrayList<>();
    private final StringBuilder row = new StringBuilder(256);
    private boolean headerDone;
    private long rows;

    public CsvTrace(Appendable out) {
        this.out = out;
    }

    private void column(String name) {
        if (!headerDone) {
            header.add(name);
        }
        if (!row.isEmpty()) {
            row.append(',');
        }
    }

    @Override
    public void value(String column, boolean value) {
        column(column);
        row.append(value ? '1' : '0');
    }

    @Override
    public void value(String column, long value) {
        column(column);
        row.append(value);
    }

    @Override
    public void value(String column, double value) {
        column(column);
        row.append(value);
    }

    @Override
    public void text(String column, String value) {
        column(column);
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0) {
            row.append('"').append(value.replace("\"", "\"\"")).append('"');
        } else {
            row.append(value);
        }
    }

    @Override
    public void endRow() {
        try {
            if (!headerDone) {
                out.append(String.join(",", header)).append('\n');
                headerDone = true;
            }
            out.append(row).append('\n');
            row.setLength(0);
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The column names, known after the first row. */
    public List<String> header() {
        return List.copyOf(header);
    }

    public long rows() {
        return rows;
    }
}
