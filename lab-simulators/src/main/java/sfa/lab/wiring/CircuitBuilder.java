package sfa.lab.wiring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects the elements that components declare, by terminal, while a board is compiled. */
final class CircuitBuilder {

    record Source(Terminal terminal, boolean high, Supply supply) {
    }

    record Load(Terminal a, Terminal b, boolean polar, Component owner, String role) {
    }

    record Switch(Terminal a, Terminal b, int controlLoad, boolean inverted, boolean actuated, Component owner) {
    }

    final List<Source> sources = new ArrayList<>();
    final List<Load> loads = new ArrayList<>();
    final List<Switch> switches = new ArrayList<>();
    final Map<Terminal, Integer> terminalIndex;

    CircuitBuilder(Map<Terminal, Integer> terminalIndex) {
        this.terminalIndex = terminalIndex;
    }

    void source(Supply supply, String pin, boolean high) {
        sources.add(new Source(supply.terminal(pin), high, supply));
    }

    /**
     * A load between two terminals; {@code polar} loads (a sensor's supply) are powered only with
     * {@code a} at +24 V and {@code b} at 0 V, others with either polarity. Returns its index.
     */
    int load(Component owner, String pinA, String pinB, boolean polar, String role) {
        loads.add(new Load(owner.terminal(pinA), owner.terminal(pinB), polar, owner, role));
        return loads.size() - 1;
    }

    /**
     * A switch between two terminals. It conducts while actuated and, when it has a control load,
     * while that load is powered ({@code inverted}: while it is not). Returns its index.
     */
    int switchBetween(Component owner, String pinA, String pinB, int controlLoad, boolean inverted, boolean actuated) {
        switches.add(new Switch(owner.terminal(pinA), owner.terminal(pinB), controlLoad, inverted, actuated, owner));
        return switches.size() - 1;
    }
}
