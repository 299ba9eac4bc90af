package sfa.lab.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects a plant's state as an ordered tree of named values that {@link Json} can write. */
public final class StateWriter {

    private final Map<String, Object> values;

    public StateWriter() {
        this(new LinkedHashMap<>());
    }

    private StateWriter(Map<String, Object> values) {
        this.values = values;
    }

    public StateWriter put(String key, long value) {
        values.put(key, value);
        return this;
    }

    public StateWriter put(String key, double value) {
        values.put(key, value);
        return this;
    }

    public StateWriter put(String key, boolean value) {
        values.put(key, value);
        return this;
    }

    public StateWriter put(String key, String value) {
        values.put(key, value);
        return this;
    }

    public StateWriter put(String key, boolean[] bits) {
        List<Object> list = new ArrayList<>(bits.length);
        for (boolean b : bits) {
            list.add(b);
        }
        values.put(key, list);
        return this;
    }

    public StateWriter put(String key, int[] numbers) {
        List<Object> list = new ArrayList<>(numbers.length);
        for (int n : numbers) {
            list.add((long) n);
        }
        values.put(key, list);
        return this;
    }

    public StateWriter put(String key, long[] numbers) {
        List<Object> list = new ArrayList<>(numbers.length);
        for (long n : numbers) {
            list.add(n);
        }
        values.put(key, list);
        return this;
    }

    public StateWriter put(String key, double[] numbers) {
        List<Object> list = new ArrayList<>(numbers.length);
        for (double n : numbers) {
            list.add(n);
        }
        values.put(key, list);
        return this;
    }

    public StateWriter putStrings(String key, List<String> strings) {
        values.put(key, List.copyOf(strings));
        return this;
    }

    /** A nested group of values under {@code key}. */
    public StateWriter child(String key) {
        Map<String, Object> nested = new LinkedHashMap<>();
        values.put(key, nested);
        return new StateWriter(nested);
    }

    /** Appends a nested group to the list under {@code key} (created on first use). */
    @SuppressWarnings("unchecked")
    public StateWriter appendChild(String key) {
        List<Object> list = (List<Object>) values.computeIfAbsent(key, k -> new ArrayList<>());
        Map<String, Object> nested = new LinkedHashMap<>();
        list.add(nested);
        return new StateWriter(nested);
    }

    /** The collected tree, for {@link Json#write}. */
    public Map<String, Object> tree() {
        return values;
    }
}
