package sfa.lab.equipment;

import sfa.lab.sim.Clock;
import sfa.lab.sim.StateReader;
import sfa.lab.sim.StateWriter;
import sfa.lab.sim.TraceSink;

/** An operator's set-point dial with a 4–20 mA output over {@code min…max} (e.g. a target in mm). */
public final class Dial implements Equipment, Operable {

    private final String valueColumn;

    private final String name;
    private final double min;
    private final double max;
    private double value;

    public Dial(String name, double min, double max, double initial) {
        this.name = name;
        this.valueColumn = name + ".value";
        this.min = min;
        this.max = max;
        this.value = initial;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void press() {
        throw new UnsupportedOperationException(name + " is a dial: set a value, e.g. " + name + "=100@5.0");
    }

    @Override
    public void release() {
        press();
    }

    @Override
    public void set(double value) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " goes from " + min + " to " + max + ", not " + value);
        }
        this.value = value;
    }

    @Override
    public boolean takesValue() {
        return true;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public double value() {
        return value;
    }

    public AnalogInput.Transmitter transmitter() {
        return () -> AnalogInput.milliamps(value, min, max);
    }

    @Override
    public void advance(Clock clock) {
    }

    @Override
    public void trace(TraceSink sink) {
        sink.value(valueColumn, value);
    }

    @Override
    public String stateKey() {
        return name;
    }

    @Override
    public void save(StateWriter state) {
        state.put("value", value);
    }

    @Override
    public void load(StateReader state) {
        value = state.getDouble("value");
    }
}
