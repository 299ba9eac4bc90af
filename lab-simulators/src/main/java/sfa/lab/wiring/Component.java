package sfa.lab.wiring;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A part on the board with named terminals. When a {@link Board} is compiled each component
 * declares its electrical elements (sources, loads, switches) to the circuit and is then bound
 * to it, so that equipment can actuate its switches and read its loads every step.
 */
public abstract class Component {

    private final String name;
    private @Nullable Circuit circuit;

    protected Component(String name) {
        if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("component names are letters, digits and '_': " + name);
        }
        this.name = name.toUpperCase(Locale.ROOT);
    }

    public final String name() {
        return name;
    }

    /** The terminal names, as printed on the part. */
    public abstract List<String> pins();

    /** What the part is, in Korean and English, for diagnoses ("PNP 광전센서 / PNP photo sensor"). */
    public abstract String describeKo();

    public abstract String describeEn();

    public final Terminal terminal(String pin) {
        return new Terminal(name, pin);
    }

    /** Declares this component's sources, loads and switches. */
    abstract void attach(CircuitBuilder builder);

    final void bind(Circuit circuit) {
        this.circuit = circuit;
    }

    /** The circuit this component was last compiled into, or null before the board was compiled. */
    final @Nullable Circuit circuit() {
        return circuit;
    }
}
