package sfa.lab.equipment;

import sfa.lab.wiring.Load;

/**
 * A directional control valve moved by solenoid coils. A single-solenoid valve (3/2 or 5/2 with
 * spring return) extends its cylinder while the coil is powered and retracts it otherwise. A
 * double-solenoid 5/2 valve is a memory valve: one powered coil shifts it, and with both coils off
 * (or both on) it keeps its last position.
 */
public final class SolenoidValve {

    private final Load extendCoil;
    private final Load retractCoil;
    private boolean extending;

    private SolenoidValve(Load extendCoil, Load retractCoil) {
        this.extendCoil = extendCoil;
        this.retractCoil = retractCoil;
    }

    public static SolenoidValve singleSolenoid(String coil) {
        return new SolenoidValve(new Load(coil, Load.Kind.SOLENOID), null);
    }

    public static SolenoidValve doubleSolenoid(String extendCoil, String retractCoil) {
        return new SolenoidValve(new Load(extendCoil, Load.Kind.SOLENOID), new Load(retractCoil, Load.Kind.SOLENOID));
    }

    public boolean isDoubleSolenoid() {
        return retractCoil != null;
    }

    public Load extendCoil() {
        return extendCoil;
    }

    /** The retract coil of a double-solenoid valve, or null for a spring-return valve. */
    public Load retractCoil() {
        return retractCoil;
    }

    /** Updates the spool from the coils; true while the valve drives the cylinder out. */
    boolean update() {
        boolean out = extendCoil.powered();
        if (retractCoil == null) {
            extending = out;
        } else {
            boolean in = retractCoil.powered();
            if (out != in) {
                extending = out;
            }
        }
        return extending;
    }

    boolean extending() {
        return extending;
    }

    void restore(boolean extending) {
        this.extending = extending;
    }
}
