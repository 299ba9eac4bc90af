package sfa.lab.session;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What every client did to every session, newest last: log-ins (and refused ones), writes, method
 * calls. Keeps the most recent entries in memory and hands each to an optional listener (a file).
 */
public final class Audit {

    /** One action: who ({@code client}: user and address) did what to which session. */
    public record Entry(Instant at, String session, String client, String action, String detail) {

        @Override
        public String toString() {
            return at + " " + session + " " + client + " " + action + (detail.isEmpty() ? "" : " " + detail);
        }
    }

    private final int capacity;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private volatile Consumer<Entry> listener = e -> {
    };

    public Audit(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("an audit keeps at least one entry");
        }
        this.capacity = capacity;
    }

    public void record(String session, String client, String action, String detail) {
        Entry e = new Entry(Instant.now(), session, client, action, detail);
        synchronized (entries) {
            if (entries.size() == capacity) {
                entries.removeFirst();
            }
            entries.addLast(e);
        }
        listener.accept(e);
    }

    /** Also sends every new entry to {@code listener} (on the thread that records it). */
    public void onEntry(Consumer<Entry> listener) {
        this.listener = listener;
    }

    public List<Entry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    /** The entries about one session, oldest first. */
    public List<Entry> of(String session) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries()) {
            if (e.session().equals(session)) {
                out.add(e);
            }
        }
        return out;
    }
}
