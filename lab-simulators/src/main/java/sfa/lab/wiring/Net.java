package sfa.lab.wiring;

import java.util.List;
import java.util.stream.Collectors;

/** Terminals joined by wires into one conductor; named in diagnoses by its terminals. */
public record Net(int id, List<Terminal> terminals) {

    public Net {
        terminals = List.copyOf(terminals);
    }

    public boolean contains(Terminal t) {
        return terminals.contains(t);
    }

    /** {@code {PSU.+24V, S1.BN}}, the way a diagnosis names the net. */
    public String label() {
        return terminals.stream().map(Terminal::toString).collect(Collectors.joining(", ", "{", "}"));
    }

    @Override
    public String toString() {
        return label();
    }
}
