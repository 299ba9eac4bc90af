package sfa.lab.plant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Test helpers over a CSV trace held in memory. */
final class Traces {

    private Traces() {
    }

    /** Runs {@code plant} until {@code untilMillis} and returns its trace as CSV text. */
    static String run(Plant plant, long untilMillis) {
        StringBuilder csv = new StringBuilder();
        plant.runUntil(untilMillis, new CsvTrace(csv));
        return csv.toString();
    }

    /** Rows as column → value maps. */
    static List<Map<String, String>> rows(String csv) {
        String[] lines = csv.split("\n");
        String[] header = lines[0].split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            Map<String, String> row = new java.util.LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) {
                row.put(header[c], cells[c]);
            }
            rows.add(row);
        }
        return rows;
    }

    /** The time of the first row matching {@code when}, or -1. */
    static long firstTime(String csv, Predicate<Map<String, String>> when) {
        for (Map<String, String> row : rows(csv)) {
            if (when.test(row)) {
                return Long.parseLong(row.get("t_ms"));
            }
        }
        return -1;
    }

    /** The value of {@code column} in the row at {@code millis}. */
    static String at(String csv, long millis, String column) {
        return rows(csv).stream().filter(r -> Long.parseLong(r.get("t_ms")) == millis)
                .findFirst().orElseThrow().get(column);
    }

    /** The part of a trace after its header: the data rows only. */
    static String body(String csv) {
        return csv.substring(csv.indexOf('\n') + 1);
    }
}
