package sfa.lab.plant;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import sfa.lab.equipment.Equipment;
import sfa.lab.equipment.Operable;
import sfa.lab.plc.Address;
import sfa.lab.plc.ManualSource;
import sfa.lab.plc.ScanCycle;
import sfa.lab.sim.Clock;
import sfa.lab.sim.Json;
import sfa.lab.sim.StateReader;
import sfa.lab.sim.StateWriter;
import sfa.lab.sim.TraceSink;
import sfa.lab.wiring.Board;
import sfa.lab.wiring.Circuit;
import sfa.lab.wiring.Wire;

/**
 * A running lab. Every step of the fixed clock does, in this order: apply the operator commands
 * due, solve the circuit, run one PLC scan (input refresh, program, output refresh), solve the
 * circuit again for the new outputs, record the trace row, and advance the equipment's physics.
 * Nothing reads the wall clock, so the same lab, seed, program, wiring and commands give the same
 * trace bit for bit; {@link #runPaced} only waits between steps.
 */
public final class Plant {

    static final int SNAPSHOT_FORMAT = 1;

    private final String labId;
    private final long seed;
    private final Clock clock;
    private final Board board;
    private Circuit circuit;
    private final Equipment[] equipment;
    private final Map<String, Operable> operables;
    private final List<IoPoint> ioMap;
    private final ScanCycle plc;
    private final List<Command> pending = new ArrayList<>();
    private int nextCommand;
    private final sfa.lab.wiring.Supply[] supplies;
    private final String[] supplyColumns;
    private final List<Wire> addedWires = new ArrayList<>();
    private final List<Wire> removedWires = new ArrayList<>();
    private final SceneCapture scenes;

    Plant(PlantBuilder b, ScanCycle plc) {
        this.labId = b.labId;
        this.seed = b.seed;
        this.clock = new Clock(b.stepMillis);
        this.board = b.board;
        this.equipment = b.equipment.toArray(Equipment[]::new);
        this.operables = new LinkedHashMap<>(b.operables);
        this.ioMap = List.copyOf(b.ioMap);
        this.plc = plc;
        this.circuit = board.compile();
        this.supplies = board.components().stream().filter(c -> c instanceof sfa.lab.wiring.Supply)
                .map(c -> (sfa.lab.wiring.Supply) c).toArray(sfa.lab.wiring.Supply[]::new);
        this.supplyColumns = java.util.Arrays.stream(supplies).map(s -> s.name() + ".fuse_blown").toArray(String[]::new);
        this.scenes = new SceneCapture(labId, equipment, operables, ioMap);
    }

    public String labId() {
        return labId;
    }

    public long seed() {
        return seed;
    }

    public Clock clock() {
        return clock;
    }

    public ScanCycle plc() {
        return plc;
    }

    public Circuit circuit() {
        return circuit;
    }

    public Board board() {
        return board;
    }

    public List<IoPoint> ioMap() {
        return ioMap;
    }

    /** The I/O point called {@code name} (case-insensitive). */
    public IoPoint point(String name) {
        for (IoPoint p : ioMap) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("lab " + labId + " has no I/O point " + name + "; it has "
                + String.join(", ", ioMap.stream().map(IoPoint::name).toList()));
    }

    /** The value of an I/O point as the last scan saw (inputs) or wrote (outputs) it: 0/1 or raw. */
    public int value(String name) {
        Address a = point(name).address();
        return a.area().isBit() ? (plc.io().bit(a) ? 1 : 0) : plc.io().word(a);
    }

    public boolean bit(String name) {
        return value(name) != 0;
    }

    /** The equipment stored under {@code key}, as the given type. */
    public <E extends Equipment> E equipment(String key, Class<E> type) {
        for (Equipment e : equipment) {
            if (e.stateKey().equalsIgnoreCase(key) && type.isInstance(e)) {
                return type.cast(e);
            }
        }
        throw new IllegalArgumentException("lab " + labId + " has no " + type.getSimpleName() + " " + key);
    }

    public List<String> operableNames() {
        return List.copyOf(operables.keySet());
    }

    /**
     * The plant as it stands now, enough to draw one frame of it: its geometry and its state, in SI
     * units (see {@link Scene}). Reading it changes nothing; it costs a few small records. Not thread-safe,
     * like the rest of the plant: call it between steps.
     */
    public Scene scene() {
        return scenes.capture(clock.nowMillis());
    }

    // --- commands ------------------------------------------------------------------------

    /**
     * Queues an operator command; it is applied at the first step at or after its time.
     *
     * @throws IllegalArgumentException naming the problem when the target does not exist or cannot do it
     */
    public void schedule(Command command) {
        check(command);
        int at = pending.size();
        while (at > nextCommand && pending.get(at - 1).atMillis() > command.atMillis()) {
            at--;
        }
        pending.add(at, command);
    }

    public void scheduleAll(List<Command> commands) {
        commands.forEach(this::check);
        commands.forEach(this::schedule);
    }

    private void check(Command c) {
        switch (c.action()) {
            case PRESS, RELEASE -> operable(c.target());
            case SET -> {
                if (!operable(c.target()).takesValue()) {
                    throw new IllegalArgumentException(c.target() + " takes no value: press it instead");
                }
            }
            case FORCE -> {
                if (!(plc.program() instanceof ManualSource)) {
                    throw new IllegalArgumentException("outputs can be forced by hand only with the manual program source");
                }
                Address a = forcedAddress(c.target());
                if (a.area().isInput()) {
                    throw new IllegalArgumentException(c.target() + " is an input; only outputs can be forced");
                }
            }
            case STUCK -> equipment(c.target(), sfa.lab.equipment.Sensor.class);
            case JAM -> equipment(c.target(), sfa.lab.equipment.Cylinder.class);
            case NOISE -> equipment(c.target(), sfa.lab.equipment.AnalogInput.class);
            case BREAK_WIRE -> {
                Wire w = Wire.parse(c.target());
                board.check(w.from());
                board.check(w.to());
            }
        }
    }

    private Operable operable(String name) {
        Operable o = operables.get(name.toUpperCase(Locale.ROOT));
        if (o == null) {
            throw new IllegalArgumentException("lab " + labId + " has no device " + name + " to operate; it has "
                    + String.join(", ", operables.keySet()));
        }
        return o;
    }

    private Address forcedAddress(String target) {
        return target.startsWith("%") ? Address.parse(target) : point(target).address();
    }

    private void apply(Command c) {
        switch (c.action()) {
            case PRESS -> operable(c.target()).press();
            case RELEASE -> operable(c.target()).release();
            case SET -> operable(c.target()).set(c.value());
            case STUCK -> equipment(c.target(), sfa.lab.equipment.Sensor.class)
                    .force(c.value() < 0 ? null : c.value() > 0);
            case JAM -> equipment(c.target(), sfa.lab.equipment.Cylinder.class).setJammed(c.value() != 0);
            case NOISE -> equipment(c.target(), sfa.lab.equipment.AnalogInput.class).setNoise(c.value());
            case BREAK_WIRE -> {
                Wire w = Wire.parse(c.target());
                if (c.value() != 0) {
                    removeWire(w);
                } else {
                    addWire(w);
                }
            }
            case FORCE -> {
                ManualSource manual = (ManualSource) plc.program();
                Address a = forcedAddress(c.target());
                if (a.area().isBit()) {
                    manual.force(a, c.value() != 0);
                } else {
                    manual.force(a, (int) Math.round(c.value()));
                }
            }
        }
    }

    // --- stepping ------------------------------------------------------------------------

    /** One fixed step. */
    public void step() {
        step(null);
    }

    /** One fixed step, writing the step's trace row to {@code trace} when it is not null. */
    public void step(@Nullable TraceSink trace) {
        long now = clock.nowMillis();
        while (nextCommand < pending.size() && pending.get(nextCommand).atMillis() <= now) {
            apply(pending.get(nextCommand++));
        }
        circuit.update();
        plc.scan(now);
        circuit.update();
        if (trace != null) {
            trace(trace);
        }
        for (Equipment e : equipment) {
            e.advance(clock);
        }
        clock.advance();
    }

    /** Runs as fast as the CPU allows until simulated time reaches {@code untilMillis}. */
    public void runUntil(long untilMillis, @Nullable TraceSink trace) {
        long end = clock.tickAt(untilMillis);
        while (clock.tick() < end) {
            step(trace);
        }
    }

    /**
     * Runs paced to the wall clock (×{@code speed}; 1.0 is real time) until {@code untilMillis}, for
     * interactive use. Pacing only waits between steps; the steps themselves are the same as
     * {@link #runUntil}'s, so the trace is identical. {@code beforeStep} (may be null) runs before
     * each step on this thread, the place to schedule commands that arrive from elsewhere.
     */
    public void runPaced(long untilMillis, double speed, @Nullable TraceSink trace, @Nullable Runnable beforeStep) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be more than 0, not " + speed);
        }
        long startNanos = System.nanoTime();
        long startMillis = clock.nowMillis();
        long end = clock.tickAt(untilMillis);
        while (clock.tick() < end) {
            long due = startNanos + (long) ((clock.nowMillis() - startMillis) * 1_000_000L / speed);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (beforeStep != null) {
                beforeStep.run();
            }
            step(trace);
        }
    }

    /** Writes the current row: time, every I/O point, PLC mode and the equipment's state. */
    public void trace(TraceSink sink) {
        sink.value("t_ms", clock.nowMillis());
        for (IoPoint p : ioMap) {
            Address a = p.address();
            if (a.area().isBit()) {
                sink.value(p.name(), plc.io().bit(a));
            } else {
                sink.value(p.name(), (long) plc.io().word(a));
            }
        }
        sink.text("plc.mode", plc.mode().name());
        sink.value("plc.run", plc.mode() == sfa.lab.plc.PlcMode.RUN);
        for (Equipment e : equipment) {
            e.trace(sink);
        }
        for (int i = 0; i < supplies.length; i++) {
            sink.value(supplyColumns[i], supplies[i].fuseBlown());
        }
        sink.endRow();
    }

    // --- wiring --------------------------------------------------------------------------

    /** Adds a student's wire and recompiles the circuit (the board keeps its components' states). */
    public void addWire(Wire wire) {
        board.connect(wire);
        addedWires.add(wire);
        recompile();
    }

    /** A new circuit for the changed board; a fuse that blew stays blown and keeps its explanation. */
    private void recompile() {
        Circuit before = circuit;
        circuit = board.compile();
        circuit.inheritShorts(before);
    }

    /**
     * Removes a wire (a student's, or a pre-wired one, as a broken-wire fault does) and recompiles.
     *
     * @return false when no such wire was on the board
     */
    public boolean removeWire(Wire wire) {
        if (!board.disconnect(wire.from(), wire.to())) {
            return false;
        }
        if (!addedWires.remove(wire) && !addedWires.remove(new Wire(wire.to(), wire.from()))) {
            removedWires.add(wire);
        }
        recompile();
        return true;
    }

    public List<Wire> addedWires() {
        return List.copyOf(addedWires);
    }

    // --- snapshots -----------------------------------------------------------------------

    /** The whole running state as JSON bytes; {@link Labs#resume} continues it exactly. */
    public byte[] snapshot() {
        StateWriter w = new StateWriter();
        w.put("format", SNAPSHOT_FORMAT).put("lab", labId).put("seed", seed).put("stepMillis", clock.stepMillis())
                .put("program", plc.program().kind());
        w.putStrings("wires", addedWires.stream().map(Wire::toString).toList());
        w.putStrings("removedWires", removedWires.stream().map(Wire::toString).toList());
        clock.save(w.child("clock"));
        StateWriter eq = w.child("equipment");
        for (Equipment e : equipment) {
            e.save(eq.child(e.stateKey()));
        }
        plc.save(w.child("plc"));
        circuit.save(w.child("circuit"));
        for (int i = nextCommand; i < pending.size(); i++) {
            Command c = pending.get(i);
            w.appendChild("commands").put("at", c.atMillis()).put("target", c.target())
                    .put("action", c.action().name()).put("value", c.value());
        }
        return Json.write(w.tree()).getBytes(StandardCharsets.UTF_8);
    }

    /** Restores a snapshot's state into this freshly built plant of the same lab and seed. */
    void restore(StateReader r) {
        for (String wire : r.getStrings("removedWires")) {
            removeWire(Wire.parse(wire));
        }
        for (String wire : r.getStrings("wires")) {
            addWire(Wire.parse(wire));
        }
        clock.restore(r.child("clock"));
        StateReader eq = r.child("equipment");
        for (Equipment e : equipment) {
            e.load(eq.child(e.stateKey()));
        }
        plc.load(r.child("plc"));
        circuit.load(r.child("circuit"));
        pending.clear();
        nextCommand = 0;
        for (StateReader c : r.children("commands")) {
            pending.add(new Command(c.getLong("at"), c.getString("target"),
                    Command.Action.valueOf(c.getString("action")), c.getDouble("value")));
        }
    }
}
