package sfa.lab.equipment;

import sfa.lab.sim.Clock;
import sfa.lab.sim.StateReader;
import sfa.lab.sim.StateWriter;

/**
 * A target that the operator holds in front of a sensor on the wiring board (a hand, a steel
 * plate): pressed = present. It is the sensor's {@link Sensor.Presence}.
 */
public final class SensorTarget implements Equipment, Operable, Sensor.Presence {

    private final String name;
    private boolean present;

    public SensorTarget(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void press() {
        present = true;
    }

    @Override
    public void release() {
        present = false;
    }

    @Override
    public boolean present() {
        return present;
    }

    @Override
    public void advance(Clock clock) {
    }

    @Override
    public String stateKey() {
        return name;
    }

    @Override
    public void save(StateWriter state) {
        state.put("present", present);
    }

    @Override
    public void load(StateReader state) {
        present = state.getBoolean("present");
    }
}
