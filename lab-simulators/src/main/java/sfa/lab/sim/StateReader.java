package sfa.lab.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads back what a {@link StateWriter} collected; a missing or mistyped value is a {@link SnapshotException}. */
public final class StateReader {

    private final Map<String, Object> values;
    private final String path;

    public StateReader(Map<String, Object> values) {
        this(values, "");
    }

    private StateReader(Map<String, Object> values, String path) {
        this.values = values;
        this.path = path;
    }

    private Object get(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw new SnapshotException("snapshot lacks '" + path + key + "'");
        }
        return v;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public long getLong(String key) {
        if (get(key) instanceof Number n) {
            return n.longValue();
        }
        throw mistyped(key, "a number");
    }

    public int getInt(String key) {
        return Math.toIntExact(getLong(key));
    }

    public double getDouble(String key) {
        if (get(key) instanceof Number n) {
            return n.doubleValue();
        }
        throw mistyped(key, "a number");
    }

    public boolean getBoolean(String key) {
        if (get(key) instanceof Boolean b) {
            return b;
        }
        throw mistyped(key, "true or false");
    }

    public String getString(String key) {
        if (get(key) instanceof String s) {
            return s;
        }
        throw mistyped(key, "a string");
    }

    public void getBits(String key, boolean[] into) {
        List<?> list = list(key);
        if (list.size() != into.length) {
            throw mistyped(key, into.length + " values");
        }
        for (int i = 0; i < into.length; i++) {
            if (!(list.get(i) instanceof Boolean b)) {
                throw mistyped(key, "true or false values");
            }
            into[i] = b;
        }
    }

    public void getInts(String key, int[] into) {
        List<?> list = list(key);
        if (list.size() != into.length) {
            throw mistyped(key, into.length + " values");
        }
        for (int i = 0; i < into.length; i++) {
            if (!(list.get(i) instanceof Number n)) {
                throw mistyped(key, "numbers");
            }
            into[i] = n.intValue();
        }
    }

    public void getLongs(String key, long[] into) {
        List<?> list = list(key);
        if (list.size() != into.length) {
            throw mistyped(key, into.length + " values");
        }
        for (int i = 0; i < into.length; i++) {
            if (!(list.get(i) instanceof Number n)) {
                throw mistyped(key, "numbers");
            }
            into[i] = n.longValue();
        }
    }

    public void getDoubles(String key, double[] into) {
        List<?> list = list(key);
        if (list.size() != into.length) {
            throw mistyped(key, into.length + " values");
        }
        for (int i = 0; i < into.length; i++) {
            if (!(list.get(i) instanceof Number n)) {
                throw mistyped(key, "numbers");
            }
            into[i] = n.doubleValue();
        }
    }

    public List<String> getStrings(String key) {
        List<String> out = new ArrayList<>();
        for (Object o : list(key)) {
            if (!(o instanceof String s)) {
                throw mistyped(key, "strings");
            }
            out.add(s);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public StateReader child(String key) {
        if (get(key) instanceof Map<?, ?> m) {
            return new StateReader((Map<String, Object>) m, path + key + ".");
        }
        throw mistyped(key, "a group");
    }

    /** The nested groups appended under {@code key}; empty when none were written. */
    @SuppressWarnings("unchecked")
    public List<StateReader> children(String key) {
        if (!values.containsKey(key)) {
            return List.of();
        }
        List<StateReader> out = new ArrayList<>();
        int i = 0;
        for (Object o : list(key)) {
            if (!(o instanceof Map<?, ?> m)) {
                throw mistyped(key, "groups");
            }
            out.add(new StateReader((Map<String, Object>) m, path + key + "[" + i++ + "]."));
        }
        return out;
    }

    private List<?> list(String key) {
        if (get(key) instanceof List<?> l) {
            return l;
        }
        throw mistyped(key, "a list");
    }

    private SnapshotException mistyped(String key, String expected) {
        return new SnapshotException("snapshot value '" + path + key + "' is not " + expected);
    }
}
