package sfa.lab.wiring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A wiring board: the components placed on it and the wires between their terminals. A board is
 * edited freely (a student adds and removes wires) and compiled into a {@link Circuit} to run.
 */
public final class Board {

    private final Map<String, Component> components = new LinkedHashMap<>();
    private final List<Wire> wires = new ArrayList<>();

    /** Places a component; its name must be unique on the board. */
    public <C extends Component> C add(C component) {
        if (components.putIfAbsent(component.name(), component) != null) {
            throw new WiringException("two parts on the board are named " + component.name() + " (a switch, coil or "
                    + "sensor takes the name given to it): rename one", "보드에 이름이 " + component.name()
                    + "인 부품이 둘 있습니다 (스위치, 코일, 센서는 주어진 이름을 씁니다): 하나의 이름을 바꾸세요");
        }
        return component;
    }

    public Collection<Component> components() {
        return Collections.unmodifiableCollection(components.values());
    }

    public Component component(String name) {
        Component c = components.get(name.toUpperCase(Locale.ROOT));
        if (c == null) {
            throw new WiringException("there is no component " + name + " on this board (it has "
                    + String.join(", ", components.keySet()) + ")",
                    "이 보드에는 " + name + " 부품이 없습니다 (있는 부품: " + String.join(", ", components.keySet()) + ")");
        }
        return c;
    }

    /** Adds a wire from {@code from} to {@code to}, both written {@code COMPONENT.PIN}. */
    public Board wire(String from, String to) {
        return connect(new Wire(Terminal.parse(from), Terminal.parse(to)));
    }

    /** Adds a wire after checking that both of its terminals exist. */
    public Board connect(Wire wire) {
        check(wire.from());
        check(wire.to());
        wires.add(wire);
        return this;
    }

    /** Removes one wire between the two terminals (either direction); false if there was none. */
    public boolean disconnect(Terminal a, Terminal b) {
        for (int i = 0; i < wires.size(); i++) {
            Wire w = wires.get(i);
            if ((w.from().equals(a) && w.to().equals(b)) || (w.from().equals(b) && w.to().equals(a))) {
                wires.remove(i);
                return true;
            }
        }
        return false;
    }

    public List<Wire> wires() {
        return List.copyOf(wires);
    }

    /** Checks that a terminal exists on this board; a {@link WiringException} names it when not. */
    public void check(Terminal t) {
        Component c = component(t.component());
        if (!c.pins().contains(t.pin())) {
            throw new WiringException(c.name() + " (" + c.describeEn() + ") has no terminal " + t.pin()
                    + "; its terminals are " + String.join(", ", c.pins()),
                    c.name() + " (" + c.describeKo() + ")에는 " + t.pin() + " 단자가 없습니다; 단자: "
                            + String.join(", ", c.pins()));
        }
    }

    /** Builds the circuit the net solver runs and binds every component to it. */
    public Circuit compile() {
        return Circuit.compile(List.copyOf(components.values()), List.copyOf(wires));
    }
}
