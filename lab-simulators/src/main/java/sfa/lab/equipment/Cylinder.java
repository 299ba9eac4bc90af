package sfa.lab.equipment;

import sfa.lab.sim.Clock;
import sfa.lab.sim.StateReader;
import sfa.lab.sim.StateWriter;
import sfa.lab.sim.TraceSink;
import sfa.lab.wiring.Contact;

/**
 * A pneumatic cylinder with reed switches at both ends. Its stroke goes from 0 (retracted) to 1
 * (extended) at a constant speed that gives the catalogue's stroke times. A single-acting cylinder
 * is pushed out by air and back by its spring, so it takes a single-solenoid valve; a
 * double-acting one takes either valve. The HOME reed switch closes at stroke 0, OUT at stroke 1.
 */
public final class Cylinder implements Equipment {

    private final String strokeColumn;

    /** How the piston returns. */
    public enum Acting {
        SINGLE, DOUBLE
    }

    private static final double END_TOLERANCE = 1e-9;

    private final String name;
    private final Acting acting;
    private final SolenoidValve valve;
    private final double extendSeconds;
    private final double retractSeconds;
    private final Contact home;
    private final Contact out;
    private double stroke;
    private double previousStroke;
    private boolean jammed;

    /**
     * @param extendSeconds time for a full stroke out, in s
     * @param retractSeconds time for a full stroke back, in s
     * @param homeSwitch name of the reed switch that closes when retracted
     * @param outSwitch name of the reed switch that closes when extended
     */
    public Cylinder(String name, Acting acting, SolenoidValve valve, double extendSeconds, double retractSeconds,
            String homeSwitch, String outSwitch) {
        if (acting == Acting.SINGLE && valve.isDoubleSolenoid()) {
            throw new IllegalArgumentException(name + ": a single-acting cylinder has a spring return and takes a single-solenoid valve");
        }
        this.name = name;
        this.strokeColumn = name + ".stroke";
        this.acting = acting;
        this.valve = valve;
        this.extendSeconds = extendSeconds;
        this.retractSeconds = retractSeconds;
        this.home = new Contact(homeSwitch, "BN", "BU", true, "리드 스위치(후진단)", "reed switch (retracted)");
        this.out = new Contact(outSwitch, "BN", "BU", false, "리드 스위치(전진단)", "reed switch (extended)");
    }

    public String name() {
        return name;
    }

    public Acting acting() {
        return acting;
    }

    public SolenoidValve valve() {
        return valve;
    }

    /** Time for a full stroke out, in s. */
    public double extendSeconds() {
        return extendSeconds;
    }

    /** Time for a full stroke back, in s. */
    public double retractSeconds() {
        return retractSeconds;
    }

    /** Whether the valve drives the piston out (true) or back (false) now; the coils as the last step saw them. */
    public boolean extending() {
        return valve.extending();
    }

    public Contact homeSwitch() {
        return home;
    }

    public Contact outSwitch() {
        return out;
    }

    /** 0 retracted … 1 extended. */
    public double stroke() {
        return stroke;
    }

    /** The stroke one step ago, to see a position being passed. */
    public double previousStroke() {
        return previousStroke;
    }

    /** True when the rod passed {@code fraction} of its stroke going out during the last step. */
    public boolean passedOutward(double fraction) {
        return previousStroke < fraction && stroke >= fraction;
    }

    /** A jammed cylinder does not move whatever its valve does (a fault a lab can schedule). */
    public void setJammed(boolean jammed) {
        this.jammed = jammed;
    }

    public boolean jammed() {
        return jammed;
    }

    @Override
    public void advance(Clock clock) {
        previousStroke = stroke;
        boolean extending = valve.update();
        if (!jammed) {
            double dt = clock.stepSeconds();
            stroke = extending ? stroke + dt / extendSeconds : stroke - dt / retractSeconds;
            // Snap within rounding of an end, so a 0.3 s stroke at 10 ms steps takes 30 steps, not 31.
            stroke = stroke >= 1.0 - END_TOLERANCE ? 1.0 : stroke <= END_TOLERANCE ? 0.0 : stroke;
        }
        home.set(stroke <= 0.0);
        out.set(stroke >= 1.0);
    }

    @Override
    public void trace(TraceSink sink) {
        sink.value(strokeColumn, stroke);
    }

    @Override
    public String stateKey() {
        return name;
    }

    @Override
    public void save(StateWriter state) {
        state.put("stroke", stroke).put("previousStroke", previousStroke).put("jammed", jammed)
                .put("valveExtending", valve.extending());
    }

    @Override
    public void load(StateReader state) {
        stroke = state.getDouble("stroke");
        previousStroke = state.getDouble("previousStroke");
        jammed = state.getBoolean("jammed");
        valve.restore(state.getBoolean("valveExtending"));
        home.set(stroke <= 0.0);
        out.set(stroke >= 1.0);
    }
}
