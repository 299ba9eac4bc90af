package sfa.lab.equipment;

import sfa.lab.sim.Clock;
import sfa.lab.sim.StateReader;
import sfa.lab.sim.StateWriter;
import sfa.lab.sim.TraceSink;

/**
 * One 4–20 mA channel of an analog input module. 4 mA reads 0 and 20 mA reads 16000 (the range of
 * LS ELECTRIC XGT analog modules); below 3.8 mA the loop is taken as broken and the channel reads
 * {@value #WIRE_BREAK} — this simulator's convention, so a program can tell a break from an empty tank.
 */
public final class AnalogInput implements Equipment {

    private final String mAColumn;

    /** Raw value while the loop current is below {@value #BREAK_MILLIAMPS} mA. */
    public static final int WIRE_BREAK = -1;
    public static final int RAW_MAX = 16000;
    static final double BREAK_MILLIAMPS = 3.8;

    /** A 4–20 mA source: a transmitter or a dial. */
    @FunctionalInterface
    public interface Transmitter {
        /** Loop current in mA. */
        double milliamps();
    }

    private final String name;
    private final Transmitter transmitter;
    private final sfa.lab.sim.SimRandom random;
    private boolean wireBroken;
    private double noiseAmplitude;
    private double noise;

    public AnalogInput(String name, Transmitter transmitter) {
        this(name, transmitter, new sfa.lab.sim.SimRandom(name.hashCode()));
    }

    /** @param random the seeded stream the channel's noise (a fault a lab can schedule) is drawn from */
    public AnalogInput(String name, Transmitter transmitter, sfa.lab.sim.SimRandom random) {
        this.name = name;
        this.transmitter = transmitter;
        this.random = random;
        this.mAColumn = name + ".mA";
    }

    /** Adds uniform noise of ±{@code amplitudeMilliamps} to the loop current, redrawn every step; 0 ends it. */
    public void setNoise(double amplitudeMilliamps) {
        this.noiseAmplitude = Math.max(0, amplitudeMilliamps);
        if (noiseAmplitude == 0) {
            noise = 0;
        }
    }

    /** The loop current of a transmitter whose range {@code min…max} maps onto 4–20 mA. */
    public static double milliamps(double value, double min, double max) {
        double span = Math.clamp((value - min) / (max - min), 0.0, 1.0);
        return 4.0 + 16.0 * span;
    }

    /** Converts a loop current to the module's raw value. */
    public static int raw(double milliamps) {
        if (milliamps < BREAK_MILLIAMPS) {
            return WIRE_BREAK;
        }
        return (int) Math.clamp(Math.round((milliamps - 4.0) / 16.0 * RAW_MAX), 0, RAW_MAX);
    }

    public String name() {
        return name;
    }

    /** What the module reads now, for the PLC's input refresh. */
    public int raw() {
        return raw(milliamps());
    }

    public double milliamps() {
        return wireBroken ? 0.0 : transmitter.milliamps() + noise;
    }

    /** Cuts or repairs the loop wire (a fault a lab can schedule). */
    public void setWireBroken(boolean broken) {
        this.wireBroken = broken;
    }

    @Override
    public void advance(Clock clock) {
        if (noiseAmplitude > 0) {
            noise = random.nextDouble(-noiseAmplitude, noiseAmplitude);
        }
    }

    @Override
    public void trace(TraceSink sink) {
        sink.value(mAColumn, milliamps());
    }

    @Override
    public String stateKey() {
        return name;
    }

    @Override
    public void save(StateWriter state) {
        state.put("wireBroken", wireBroken).put("noiseAmplitude", noiseAmplitude).put("noise", noise)
                .put("random", random.state());
    }

    @Override
    public void load(StateReader state) {
        wireBroken = state.getBoolean("wireBroken");
        noiseAmplitude = state.getDouble("noiseAmplitude");
        noise = state.getDouble("noise");
        random.restore(state.getLong("random"));
    }
}
