package sfa.lab.plant;

import java.util.Locale;

/**
 * An operator action at a moment of simulated time, applied at the first step at or after it:
 * press or release a device, set a dial, or force an output by hand (manual program source).
 *
 * @param atMillis simulated time in ms
 * @param target the device or I/O name, upper case
 * @param value the dial value, or the forced output value (0/1 or raw)
 */
public record Command(long atMillis, String target, Action action, double value) {

    /**
     * What the operator does, or a fault the test sequence schedules: a sensor stuck on or off
     * ({@code STUCK}, value 1/0, −1 ends it), a jammed cylinder ({@code JAM}, 1/0), a broken wire
     * ({@code BREAK_WIRE}, target {@code A.PIN - B.PIN}, 1 breaks, 0 mends), analog noise
     * ({@code NOISE}, value the amplitude in mA, 0 ends it).
     */
    public enum Action {
        PRESS, RELEASE, SET, FORCE, STUCK, JAM, BREAK_WIRE, NOISE
    }

    public Command {
        if (atMillis < 0) {
            throw new IllegalArgumentException("a command cannot happen before the start: " + atMillis + " ms");
        }
        target = action == Action.BREAK_WIRE ? target : target.toUpperCase(Locale.ROOT);
    }

    public static Command press(String target, long atMillis) {
        return new Command(atMillis, target, Action.PRESS, 0);
    }

    public static Command release(String target, long atMillis) {
        return new Command(atMillis, target, Action.RELEASE, 0);
    }

    public static Command set(String target, double value, long atMillis) {
        return new Command(atMillis, target, Action.SET, value);
    }

    public static Command force(String target, double value, long atMillis) {
        return new Command(atMillis, target, Action.FORCE, value);
    }
}
