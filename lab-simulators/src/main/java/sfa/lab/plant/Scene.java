package sfa.lab.plant;

import java.util.List;

/**
 * What a running plant looks like now, for drawing one frame of it: the static geometry (belt
 * lengths, sensor and pusher positions, bins, tank height, axis range) together with the dynamic
 * state (parts, strokes, level, LEDs, lamps). Read-only values of plain numbers, strings, booleans
 * and typed lists, with no polymorphism, so it serialises to JSON as it is. Units are SI: metres,
 * metres per second, seconds; a cylinder's stroke is a fraction 0…1. Names are those of the lab spec
 * (equipment and I/O names). A list is empty when the lab has no such equipment.
 *
 * @param lab the lab's id
 * @param timeMs simulated time of the frame, in ms since the start of the run
 */
public record Scene(String lab, long timeMs, List<BeltView> belts, List<PartView> parts, List<SensorView> sensors,
        List<CylinderView> cylinders, List<TankView> tanks, List<LampView> lamps, List<BinView> bins,
        List<AxisView> axes, List<CellView> cells, List<ButtonView> buttons, List<DialView> dials) {

    /** Where a part is: {@link PartView#where()}. */
    public static final String ON_BELT = "belt";
    public static final String IN_BIN = "bin";
    public static final String AT_PICK = "pick";
    public static final String IN_GRIPPER = "gripper";

    public Scene {
        belts = List.copyOf(belts);
        parts = List.copyOf(parts);
        sensors = List.copyOf(sensors);
        cylinders = List.copyOf(cylinders);
        tanks = List.copyOf(tanks);
        lamps = List.copyOf(lamps);
        bins = List.copyOf(bins);
        axes = List.copyOf(axes);
        cells = List.copyOf(cells);
        buttons = List.copyOf(buttons);
        dials = List.copyOf(dials);
    }

    /**
     * A belt conveyor.
     *
     * @param length belt length in m; positions along it are measured from its start (where parts are placed)
     * @param speed belt speed in m/s while it runs
     * @param running whether the motor runs now
     * @param travel m the belt has moved since the start of the run
     */
    public record BeltView(String name, double length, double speed, boolean running, double travel) {
    }

    /**
     * A workpiece, with an id that stays the same from frame to frame while it is drawn.
     *
     * @param material {@code metal} or {@code plastic}; empty where the lab does not model it (pick-and-place)
     * @param where {@value #ON_BELT}, {@value #IN_BIN} (only the last part each bin received),
     *        {@value #AT_PICK} or {@value #IN_GRIPPER}
     * @param holder the equipment the part is on or in: a belt's, a bin's or a pick-and-place cell's name
     * @param front on a belt, its front (downstream) edge in m from the belt's start, the back edge being
     *        {@code front - size}; in a bin, the bin's {@link BinView#x()}; otherwise 0
     * @param size edge length of the cube in m; 0 where the lab does not model it
     */
    public record PartView(int id, String material, String where, String holder, double front, double size) {
    }

    /**
     * A sensor: a 3-wire detecting sensor, a cylinder's reed switch or a vacuum switch.
     *
     * @param kind {@code photoelectric}, {@code inductive}, {@code reed} or {@code vacuum}
     * @param mount the belt, cylinder or cell it sits on, or empty for a sensor on its own (the wiring board)
     * @param x on a belt, its position in m from the belt's start; for a reed switch, the stroke fraction it
     *        sits at (0 home, 1 out); otherwise 0
     * @param target whether what the sensor detects is really there (a part in the beam, a metal part, the
     *        piston's magnet, a held part); a stuck-sensor fault makes {@code on} disagree with it
     * @param on the sensor's output, as its LED shows it: for a 3-wire sensor the output transistor conducts,
     *        so it is off when the sensor is not powered; for a switch its contact is closed
     */
    public record SensorView(String name, String kind, String mount, double x, boolean target, boolean on) {
    }

    /**
     * A pneumatic cylinder.
     *
     * @param acting {@code single} (spring return) or {@code double}
     * @param stroke the piston's actual position, 0 retracted … 1 extended
     * @param extending whether the valve drives it out now (false: back)
     * @param extendSeconds time of a full stroke out, s
     * @param retractSeconds time of a full stroke back, s
     * @param mount the belt a pusher stands at, or the pick-and-place cell an axis belongs to; empty otherwise
     * @param direction which way extending moves: {@code across} (a pusher, across its belt towards its bin),
     *        {@code horizontal} (a cell's X axis, from pick to place), {@code down} (a cell's Z axis), or empty
     * @param x a pusher's line along its belt, in m from the belt's start; otherwise 0
     */
    public record CylinderView(String name, String acting, double stroke, boolean extending, double extendSeconds,
            double retractSeconds, boolean jammed, String mount, String direction, double x) {
    }

    /**
     * A tank.
     *
     * @param height in m
     * @param level in m, 0…height
     * @param consumer the consumer's draw now, in m/s of level
     */
    public record TankView(String name, double height, double level, boolean pump, boolean drain, double consumer) {
    }

    /**
     * An indicator lamp.
     *
     * @param colour {@code red}, {@code yellow}, {@code green}, {@code blue}, {@code white} or {@code amber}
     *        when the lab's I/O map or the lamp's name says so; empty otherwise
     */
    public record LampView(String name, String colour, boolean on) {
    }

    /**
     * A bin that parts fall into.
     *
     * @param mount the belt it collects from, or empty
     * @param side {@code end} (past the belt's end) or {@code side} (beside it, at a pusher), or empty
     * @param x where along the belt it collects, in m from the belt's start: the belt's length for an end
     *        bin, the pusher line for a side bin; 0 otherwise
     * @param lastPartId the id of the last part it received, -1 while empty
     */
    public record BinView(String name, String mount, String side, double x, long metal, long plastic, int lastPartId) {
    }

    /**
     * A servo axis.
     *
     * @param position in m, between min and max
     * @param min lower end of travel, m
     * @param max upper end of travel, m
     * @param speed in m/s, signed
     * @param enabled whether the drive is enabled
     */
    public record AxisView(String name, double position, double min, double max, double speed, boolean enabled) {
    }

    /**
     * A pick-and-place cell; its axes are in {@link Scene#cylinders()} under the names given here.
     *
     * @param xAxis the horizontal cylinder (stroke 0 over pick, 1 over place)
     * @param zAxis the vertical cylinder (stroke 0 up, 1 down)
     * @param vacuum whether the vacuum generator is on
     * @param holding whether the gripper holds a part
     * @param arrived parts that have arrived at the pick position so far
     * @param placed parts put down at the place position so far
     * @param lost parts dropped elsewhere so far
     */
    public record CellView(String name, String xAxis, String zAxis, boolean vacuum, boolean holding, long arrived,
            long placed, long lost) {
    }

    /**
     * A push button or the E-stop.
     *
     * @param kind {@code NO}, {@code NC} or {@code estop}
     * @param pressed held down now; for the E-stop, latched
     */
    public record ButtonView(String name, String kind, boolean pressed) {
    }

    /**
     * An operator's set-point dial, in its own unit (the lab spec's min and max, e.g. mm).
     *
     * @param operatedAs the name to set it by in commands
     */
    public record DialView(String name, String operatedAs, double value, double min, double max) {
    }
}
