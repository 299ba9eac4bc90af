package sfa.lab.equipment;

import sfa.lab.sim.Clock;
import sfa.lab.sim.StateReader;
import sfa.lab.sim.StateWriter;
import sfa.lab.sim.TraceSink;
import sfa.lab.wiring.Load;

/** A 24 V indicator lamp; lit while powered. */
public final class Lamp implements Equipment {

    private final String litColumn;

    private final Load load;

    public Lamp(String name) {
        this.load = new Load(name, Load.Kind.LAMP);
        this.litColumn = load.name() + ".lit";
    }

    public Load load() {
        return load;
    }

    public String name() {
        return load.name();
    }

    public boolean lit() {
        return load.powered();
    }

    @Override
    public void advance(Clock clock) {
    }

    @Override
    public void trace(TraceSink sink) {
        sink.value(litColumn, lit());
    }

    @Override
    public String stateKey() {
        return load.name();
    }

    @Override
    public void save(StateWriter state) {
    }

    @Override
    public void load(StateReader state) {
    }
}
