package sfa.lab.equipment;

import sfa.lab.sim.Clock;
import sfa.lab.sim.SimRandom;
import sfa.lab.sim.StateReader;
import sfa.lab.sim.StateWriter;
import sfa.lab.sim.TraceSink;
import sfa.lab.wiring.Load;

/**
 * A tank filled by a pump and emptied by a drain valve and a consumer. Rates are level change in
 * m/s. The consumer's draw is redrawn from the seed every {@code consumerPeriod} seconds within its
 * range; the level stays between empty and full (an overfilled tank spills).
 */
public final class Tank implements Equipment {

    private final String levelMColumn;
    private final String consumerMpsColumn;

    private final String name;
    private final double height;
    private final double pumpRate;
    private final double drainRate;
    private final double consumerMin;
    private final double consumerMax;
    private final long consumerPeriodMillis;
    private final SimRandom random;
    private final Load pump;
    private final Load drain;
    private double level;
    private double consumer;
    private long nextConsumerChange;

    /**
     * @param height tank height in m
     * @param pumpRate fill rate in m/s while the pump runs
     * @param drainRate empty rate in m/s while the drain valve is open
     * @param consumerMin lowest consumer draw in m/s
     * @param consumerMax highest consumer draw in m/s
     * @param consumerPeriodMillis how often the consumer draw changes, in ms
     */
    public Tank(String name, double height, double pumpRate, double drainRate, double consumerMin, double consumerMax,
            long consumerPeriodMillis, String pumpName, String drainName, SimRandom random) {
        this.name = name;
        this.levelMColumn = name + ".level_m";
        this.consumerMpsColumn = name + ".consumer_mps";
        this.height = height;
        this.pumpRate = pumpRate;
        this.drainRate = drainRate;
        this.consumerMin = consumerMin;
        this.consumerMax = consumerMax;
        this.consumerPeriodMillis = consumerPeriodMillis;
        this.random = random;
        this.pump = new Load(pumpName, Load.Kind.CONTACTOR);
        this.drain = new Load(drainName, Load.Kind.SOLENOID);
    }

    public Load pump() {
        return pump;
    }

    public Load drain() {
        return drain;
    }

    public String name() {
        return name;
    }

    /** Level in m. */
    public double level() {
        return level;
    }

    public double height() {
        return height;
    }

    /** The consumer's draw now, in m/s. */
    public double consumer() {
        return consumer;
    }

    /** A 4–20 mA level transmitter over the full height of the tank. */
    public AnalogInput.Transmitter levelTransmitter() {
        return () -> AnalogInput.milliamps(level, 0.0, height);
    }

    @Override
    public void advance(Clock clock) {
        if (clock.nowMillis() >= nextConsumerChange) {
            consumer = random.nextDouble(consumerMin, consumerMax);
            nextConsumerChange = clock.nowMillis() + consumerPeriodMillis;
        }
        double rate = -consumer;
        if (pump.powered()) {
            rate += pumpRate;
        }
        if (drain.powered()) {
            rate -= drainRate;
        }
        level = Math.clamp(level + rate * clock.stepSeconds(), 0.0, height);
    }

    @Override
    public void trace(TraceSink sink) {
        sink.value(levelMColumn, level);
        sink.value(consumerMpsColumn, consumer);
    }

    @Override
    public String stateKey() {
        return name;
    }

    @Override
    public void save(StateWriter state) {
        state.put("level", level).put("consumer", consumer).put("nextConsumerChange", nextConsumerChange)
                .put("random", random.state());
    }

    @Override
    public void load(StateReader state) {
        level = state.getDouble("level");
        consumer = state.getDouble("consumer");
        nextConsumerChange = state.getLong("nextConsumerChange");
        random.restore(state.getLong("random"));
    }
}
