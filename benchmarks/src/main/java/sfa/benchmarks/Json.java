package sfa.benchmarks;

import java.util.Collection;
import java.util.Map;

/** Just enough JSON writing for the load client's request bodies (no JSON library on this class path). */
final class Json {

    private Json() {
    }

    /** Strings, booleans, numbers, collections and maps with string keys. */
    static String of(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value);
        return b.toString();
    }

    static String str(String s) {
        StringBuilder b = new StringBuilder();
        string(b, s);
        return b.toString();
    }

    private static void write(StringBuilder b, Object v) {
        switch (v) {
            case String s -> string(b, s);
            case Boolean bool -> b.append(bool);
            case Number n -> b.append(n);
            case Collection<?> c -> {
                b.append('[');
                int i = 0;
                for (Object o : c) {
                    b.append(i++ == 0 ? "" : ",");
                    write(b, o);
                }
                b.append(']');
            }
            case Map<?, ?> m -> {
                b.append('{');
                int i = 0;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    b.append(i++ == 0 ? "" : ",");
                    string(b, String.valueOf(e.getKey()));
                    b.append(':');
                    write(b, e.getValue());
                }
                b.append('}');
            }
            default -> throw new IllegalArgumentException("no JSON for " + v.getClass());
        }
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
