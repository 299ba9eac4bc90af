package sfa.lab.equipment;

import sfa.lab.sim.Clock;
import sfa.lab.sim.Stateful;
import sfa.lab.sim.TraceSink;

/**
 * Something in the plant that changes with time. The plant advances every piece once per step, in
 * the order they were added (actuators before the sensors that watch them), with the loads as the
 * net solver left them.
 */
public interface Equipment extends Stateful {

    /** Moves the physics one step forward ({@link Clock#stepSeconds()}). */
    void advance(Clock clock);

    /** Reports plant state for the trace (positions, strokes, counts); nothing by default. */
    default void trace(TraceSink sink) {
    }
}
