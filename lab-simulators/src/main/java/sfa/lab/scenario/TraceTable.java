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
    private final @Nullable Set<String> wanted;
    /** Per incoming value of a row: the column it goes to, or -1 when it is not kept. */
    private int[] route = new int[64];
    private int rows;
    private int capacity;
    private int column;
    private boolean first = true;

    /** @param expectedRows rows to reserve (the run's steps); it grows beyond if needed */
    public TraceTable(int expectedRows) {
        this(expectedRows, null);
    }

    /**
     * @param wanted the only columns to keep (upper case; time is always kept), or null for all:
     *        grading keeps just the signals its objectives name
     */
    public TraceTable(int expectedRows, @Nullable Set<String> wanted) {
        this.capacity = Math.max(16, expectedRows);
        this.wanted = wanted;
    }

    private void put(String name, double v) {
        int at = column++;
        if (first) {
            if (at == route.length) {
                route = Arrays.copyOf(route, at * 2);
            }
            if (at == 0 || wanted == null || wanted.contains(name.toUpperCase(java.util.Locale.ROOT))) {
                route[at] = columns.size();
                index.put(name, columns.size());
                columns.add(new double[capacity]);
            } else {
                route[at] = -1;
            }
        }
        int c = route[at];
        if (c >= 0) {
            columns.get(c)[rows] = v;
        }
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

    /**
     * Reads a CSV trace written by {@code labsim run/grade --trace}: every column whose first value is a
     * number is kept (text columns such as the part list are skipped).
     */
    public static TraceTable fromCsv(String csv) {
        String[] lines = csv.split("\r?\n");
        String[] header = lines[0].split(",", -1);
        TraceTable t = new TraceTable(lines.length);
        boolean[] numeric = new boolean[header.length];
        if (lines.length > 1) {
            String[] first = splitCsv(lines[1]);
            for (int c = 0; c < header.length && c < first.length; c++) {
                numeric[c] = parses(first[c]);
            }
        }
        for (int r = 1; r < lines.length; r++) {
            if (lines[r].isEmpty()) {
                continue;
            }
            String[] cells = splitCsv(lines[r]);
            for (int c = 0; c < header.length; c++) {
                if (numeric[c]) {
                    t.put(header[c], c < cells.length && parses(cells[c]) ? Double.parseDouble(cells[c]) : Double.NaN);
                }
            }
            t.endRow();
        }
        return t;
    }

    private static boolean parses(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String[] splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        out.add(cell.toString());
        return out.toArray(String[]::new);
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
