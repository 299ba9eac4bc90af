package sfa.lab.equipment;

import sfa.lab.sim.Clock;
import sfa.lab.sim.StateReader;
import sfa.lab.sim.StateWriter;
import sfa.lab.sim.TraceSink;
import sfa.lab.wiring.SensorOutput;
import sfa.lab.wiring.ThreeWireSensor;

/**
 * A 3-wire detecting sensor: photoelectric (sees any part in its beam) or inductive (sees metal
 * only). Each step it looks at what its {@link Presence} reports and drives its output transistor;
 * whether the input then lights is the net solver's business.
 */
public final class Sensor implements Equipment {

    private final String targetColumn;

    /** What the sensor detects and what it is called. */
    public enum Kind {
        PHOTOELECTRIC("광전센서", "photoelectric sensor"),
        INDUCTIVE("유도형 근접센서", "inductive proximity sensor");

        private final String ko;
        private final String en;

        Kind(String ko, String en) {
            this.ko = ko;
            this.en = en;
        }
    }

    /** Whether a target is in front of the sensor right now. */
    @FunctionalInterface
    public interface Presence {
        boolean present();
    }

    private final Kind kind;
    private final ThreeWireSensor head;
    private final Presence presence;
    private final String mount;
    private final double at;
    private int forced = -1;

    /** A sensor that watches {@code presence} and is mounted on no conveyor or cell (a wiring-board sensor). */
    public Sensor(String name, Kind kind, SensorOutput output, Presence presence) {
        this(name, kind, output, presence, "", 0.0);
    }

    private Sensor(String name, Kind kind, SensorOutput output, Presence presence, String mount, double at) {
        this.kind = kind;
        this.mount = mount;
        this.at = at;
        this.head = new ThreeWireSensor(name, output, output + " " + kind.ko, output + " " + kind.en);
        this.presence = presence;
        this.targetColumn = head.name() + ".target";
    }

    /** A photoelectric sensor across a conveyor at {@code x} metres: any part breaks its beam. */
    public static Sensor photoelectric(String name, SensorOutput output, Conveyor conveyor, double x) {
        return new Sensor(name, Kind.PHOTOELECTRIC, output, () -> conveyor.anyPartAt(x), conveyor.name(), x);
    }

    /** An inductive sensor beside a conveyor at {@code x} metres: only metal parts switch it. */
    public static Sensor inductive(String name, SensorOutput output, Conveyor conveyor, double x) {
        return new Sensor(name, Kind.INDUCTIVE, output, () -> conveyor.metalPartAt(x), conveyor.name(), x);
    }

    /** A sensor that sees the part waiting at a pick-and-place cell's pick position. */
    public static Sensor atPick(String name, Kind kind, SensorOutput output, PickAndPlace cell) {
        return new Sensor(name, kind, output, cell::partAtPick, cell.name(), 0.0);
    }

    /** The conveyor or pick-and-place cell the sensor watches, or an empty string (a sensor on its own). */
    public String mount() {
        return mount;
    }

    /** Where the sensor sits along its conveyor, in m from the belt's start; 0 when it is not on a conveyor. */
    public double at() {
        return at;
    }

    /** Whether a target is really in front of the sensor now, whatever a stuck-sensor fault makes it report. */
    public boolean targetPresent() {
        return presence.present();
    }

    public Kind kind() {
        return kind;
    }

    public ThreeWireSensor head() {
        return head;
    }

    public String name() {
        return head.name();
    }

    /** A fault: the sensor reports a target ({@code on}) or none whatever is in front of it; null ends it. */
    public void force(@org.jspecify.annotations.Nullable Boolean on) {
        forced = on == null ? -1 : on ? 1 : 0;
    }

    @Override
    public void advance(Clock clock) {
        head.setTarget(forced < 0 ? presence.present() : forced == 1);
    }

    @Override
    public void trace(TraceSink sink) {
        sink.value(targetColumn, head.target());
    }

    @Override
    public String stateKey() {
        return head.name();
    }

    @Override
    public void save(StateWriter state) {
        state.put("target", head.target()).put("forced", forced);
    }

    @Override
    public void load(StateReader state) {
        head.setTarget(state.getBoolean("target"));
        forced = state.getInt("forced");
    }
}
