package sfa.lab.equipment;

import sfa.lab.sim.Clock;
import sfa.lab.sim.StateReader;
import sfa.lab.sim.StateWriter;
import sfa.lab.sim.TraceSink;
import sfa.lab.wiring.Load;

/**
 * A linear axis on a velocity-controlled drive. While the drive is enabled its speed follows the
 * analog command (raw ±16000 = ±{@code maxSpeed}) with a first-order lag; disabled, it coasts to a
 * stop in {@code coastSeconds} at a constant deceleration. The axis stops hard at both ends.
 */
public final class ServoAxis implements Equipment {

    private final String positionMmColumn;
    private final String speedMmpsColumn;

    private final String name;
    private final double lengthMm;
    private final double maxSpeed;
    private final double lagSeconds;
    private final double coastSeconds;
    private final Load enable;
    private int command;
    private double position;
    private double speed;
    private double coastDecel;
    private boolean wasEnabled;

    /**
     * @param lengthMm travel in mm (the axis spans 0…lengthMm)
     * @param maxSpeed speed at full command, mm/s
     * @param lagSeconds time constant of the drive's first-order lag, s
     * @param coastSeconds time to coast to a stop once disabled, s
     */
    public ServoAxis(String name, double lengthMm, double maxSpeed, double lagSeconds, double coastSeconds,
            String enableName) {
        this.name = name;
        this.positionMmColumn = name + ".position_mm";
        this.speedMmpsColumn = name + ".speed_mmps";
        this.lengthMm = lengthMm;
        this.maxSpeed = maxSpeed;
        this.lagSeconds = lagSeconds;
        this.coastSeconds = coastSeconds;
        this.enable = new Load(enableName, Load.Kind.DRIVE_ENABLE);
    }

    public String name() {
        return name;
    }

    /** Travel in mm: the axis spans 0…lengthMm. */
    public double lengthMm() {
        return lengthMm;
    }

    public Load enable() {
        return enable;
    }

    /** The velocity command from the analog output, raw −16000…16000. */
    public void command(int raw) {
        command = Math.clamp(raw, -AnalogInput.RAW_MAX, AnalogInput.RAW_MAX);
    }

    /** Position in mm. */
    public double position() {
        return position;
    }

    /** Speed in mm/s. */
    public double speed() {
        return speed;
    }

    /** A 4–20 mA position transmitter over the axis' travel. */
    public AnalogInput.Transmitter positionTransmitter() {
        return () -> AnalogInput.milliamps(position, 0.0, lengthMm);
    }

    @Override
    public void advance(Clock clock) {
        double dt = clock.stepSeconds();
        boolean enabled = enable.powered();
        if (enabled) {
            double target = command / (double) AnalogInput.RAW_MAX * maxSpeed;
            // exact discretisation of v' = (target - v) / lag over one step
            speed += (target - speed) * (1.0 - Math.exp(-dt / lagSeconds));
        } else {
            if (wasEnabled) {
                coastDecel = Math.abs(speed) / coastSeconds;
            }
            double dv = coastDecel * dt;
            speed = Math.abs(speed) <= dv ? 0.0 : speed - Math.signum(speed) * dv;
        }
        wasEnabled = enabled;
        position += speed * dt;
        if (position <= 0.0 || position >= lengthMm) {
            position = Math.clamp(position, 0.0, lengthMm);
            speed = 0.0;
        }
    }

    @Override
    public void trace(TraceSink sink) {
        sink.value(positionMmColumn, position);
        sink.value(speedMmpsColumn, speed);
    }

    @Override
    public String stateKey() {
        return name;
    }

    @Override
    public void save(StateWriter state) {
        state.put("command", command).put("position", position).put("speed", speed)
                .put("coastDecel", coastDecel).put("wasEnabled", wasEnabled);
    }

    @Override
    public void load(StateReader state) {
        command = state.getInt("command");
        position = state.getDouble("position");
        speed = state.getDouble("speed");
        coastDecel = state.getDouble("coastDecel");
        wasEnabled = state.getBoolean("wasEnabled");
    }
}
