package sfa.lab.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** {@code --name value} options of one subcommand, checked against the names it accepts. */
final class Options {

    private final Map<String, String> values = new LinkedHashMap<>();

    Options(String[] args, int from, Set<String> accepted, String command) {
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new UsageException("unexpected argument '" + a + "' (options start with --)");
            }
            String name = a.substring(2);
            if (!accepted.contains(name)) {
                throw new UsageException("unknown option " + a + " for '" + command + "'; it takes --"
                        + String.join(", --", new java.util.TreeSet<>(accepted)));
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new UsageException("option " + a + " needs a value");
            }
            if (values.put(name, args[++i]) != null) {
                throw new UsageException("option " + a + " is given twice");
            }
        }
    }

    @Nullable String get(String name) {
        return values.get(name);
    }

    String require(String name, String example) {
        String v = values.get(name);
        if (v == null) {
            throw new UsageException("missing --" + name + " (e.g. --" + name + " " + example + ")");
        }
        return v;
    }

    long getLong(String name, long fallback, long min, long max) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v);
            if (n < min || n > max) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max + ", not " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a whole number, not '" + v + "'");
        }
    }

    /** A duration in seconds (decimals allowed), returned in ms. */
    long getMillis(String name, long fallback, long maxMillis) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            double s = Double.parseDouble(v);
            if (!(s > 0) || s * 1000 > maxMillis) {
                throw new UsageException("--" + name + " must be more than 0 and at most " + maxMillis / 1000 + " seconds, not " + v);
            }
            return Math.round(s * 1000);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes seconds, e.g. 30 or 2.5, not '" + v + "'");
        }
    }
}
