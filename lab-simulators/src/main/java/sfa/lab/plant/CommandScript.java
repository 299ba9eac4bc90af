package sfa.lab.plant;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the operator events of the command line. A press is {@code NAME@t} (held for
 * {@value #PRESS_MILLIS} ms, as the catalogue's presses are) or {@code NAME@t1-t2} (held from t1 to t2;
 * for an E-stop: latched from t1, released at t2); a dial setting is {@code NAME=value@t}; a forced
 * output is {@code NAME=0|1@t}. Times are seconds of simulated time. Items are separated by commas.
 */
public final class CommandScript {

    /** How long a press lasts when no release time is given. */
    public static final long PRESS_MILLIS = 200;

    private static final Pattern PRESS = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)@(\\d+(?:\\.\\d+)?)(?:-(\\d+(?:\\.\\d+)?))?");
    private static final Pattern VALUE = Pattern.compile("([A-Za-z%][A-Za-z0-9_.%]*)=(-?\\d+(?:\\.\\d+)?)@(\\d+(?:\\.\\d+)?)");

    private CommandScript() {
    }

    /** Parses {@code START@1.0,STOP@7.0-7.5}. */
    public static List<Command> presses(String text) {
        List<Command> out = new ArrayList<>();
        for (String item : items(text, "press")) {
            Matcher m = PRESS.matcher(item);
            if (!m.matches()) {
                throw new IllegalArgumentException("bad press '" + item + "': write NAME@seconds or NAME@from-to, e.g. START@1.0 or STOP@7.0-7.5");
            }
            long from = millis(m.group(2));
            long to = m.group(3) == null ? from + PRESS_MILLIS : millis(m.group(3));
            if (to <= from) {
                throw new IllegalArgumentException("bad press '" + item + "': it is released before it is pressed");
            }
            out.add(Command.press(m.group(1), from));
            out.add(Command.release(m.group(1), to));
        }
        return out;
    }

    private static final Pattern FAULT = Pattern.compile(
            "(stuck_on|stuck_off|jam|broken_wire|noise):([^=@]+?)(?:=(\\d+(?:\\.\\d+)?))?@(\\d+(?:\\.\\d+)?)(?:-(\\d+(?:\\.\\d+)?))?");

    /**
     * Parses scheduled faults, as a lab spec's {@code faults} give them, e.g.
     * {@code stuck_on:METAL@12-14,jam:CYL_A@5,broken_wire:LEVEL.OUT-AI.CH0@10,noise:LEVEL=0.5@3-6}: a sensor
     * stuck on or off, a jammed cylinder, a broken wire, analog noise of that many mA; from {@code @from}
     * seconds, until {@code -to} when given.
     */
    public static List<Command> faults(String text) {
        List<Command> out = new ArrayList<>();
        for (String item : items(text, "fault")) {
            Matcher m = FAULT.matcher(item);
            if (!m.matches()) {
                throw new IllegalArgumentException("bad fault '" + item + "': write KIND:TARGET@seconds or KIND:TARGET@from-to "
                        + "with KIND stuck_on, stuck_off, jam, broken_wire or noise (noise:LEVEL=0.5@3-6 gives mA)");
            }
            String kind = m.group(1);
            String target = m.group(2);
            long from = millis(m.group(4));
            Long to = m.group(5) == null ? null : millis(m.group(5));
            if (to != null && to <= from) {
                throw new IllegalArgumentException("bad fault '" + item + "': it ends before it starts");
            }
            if (kind.equals("noise") == (m.group(3) == null)) {
                throw new IllegalArgumentException("bad fault '" + item + "': only noise takes a value (its amplitude in mA)");
            }
            switch (kind) {
                case "stuck_on", "stuck_off" -> {
                    out.add(new Command(from, target, Command.Action.STUCK, kind.equals("stuck_on") ? 1 : 0));
                    if (to != null) {
                        out.add(new Command(to, target, Command.Action.STUCK, -1));
                    }
                }
                case "jam" -> {
                    out.add(new Command(from, target, Command.Action.JAM, 1));
                    if (to != null) {
                        out.add(new Command(to, target, Command.Action.JAM, 0));
                    }
                }
                case "broken_wire" -> {
                    out.add(new Command(from, target, Command.Action.BREAK_WIRE, 1));
                    if (to != null) {
                        out.add(new Command(to, target, Command.Action.BREAK_WIRE, 0));
                    }
                }
                default -> {
                    out.add(new Command(from, target, Command.Action.NOISE, Double.parseDouble(m.group(3))));
                    if (to != null) {
                        out.add(new Command(to, target, Command.Action.NOISE, 0));
                    }
                }
            }
        }
        return out;
    }

    /** Parses {@code TARGET=100@0,TARGET=400@5.0} (dials) into SET commands. */
    public static List<Command> settings(String text) {
        return values(text, "set", Command.Action.SET);
    }

    /** Parses {@code MOTOR=1@2.0,MOTOR=0@4.0} (outputs forced by hand) into FORCE commands. */
    public static List<Command> forces(String text) {
        return values(text, "force", Command.Action.FORCE);
    }

    private static List<Command> values(String text, String what, Command.Action action) {
        List<Command> out = new ArrayList<>();
        for (String item : items(text, what)) {
            Matcher m = VALUE.matcher(item);
            if (!m.matches()) {
                throw new IllegalArgumentException("bad " + what + " '" + item + "': write NAME=value@seconds, e.g. "
                        + (action == Command.Action.SET ? "TARGET=100@5.0" : "MOTOR=1@2.0"));
            }
            out.add(new Command(millis(m.group(3)), m.group(1), action, Double.parseDouble(m.group(2))));
        }
        return out;
    }

    private static List<String> items(String text, String what) {
        List<String> items = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            String t = item.strip();
            if (t.isEmpty()) {
                throw new IllegalArgumentException("empty item in the " + what + " list '" + text + "'");
            }
            items.add(t);
        }
        return items;
    }

    /** The longest time a command can be at: a day (a lab's sequence lasts minutes; a fault is limited the same way). */
    private static final long MAX_MILLIS = 86_400_000;

    private static long millis(String seconds) {
        java.math.BigDecimal ms = new java.math.BigDecimal(seconds).movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP);
        if (ms.compareTo(java.math.BigDecimal.valueOf(MAX_MILLIS)) > 0) {
            // a time past a day (or past a long's range) is a mistake, refused as any other bad item
            throw new IllegalArgumentException("the time " + seconds + " s is too late: at most " + MAX_MILLIS / 1000 + " s (a day)");
        }
        return ms.longValueExact();
    }
}
