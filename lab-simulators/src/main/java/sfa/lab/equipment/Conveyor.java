package sfa.lab.equipment;

import org.jspecify.annotations.Nullable;
import sfa.lab.sim.Clock;
import sfa.lab.sim.StateReader;
import sfa.lab.sim.StateWriter;
import sfa.lab.sim.TraceSink;
import sfa.lab.wiring.Load;

/**
 * A belt conveyor driven by a motor through its contactor: while the contactor coil is powered the
 * belt runs at a fixed speed and carries its parts; a part whose back edge passes the belt's end
 * falls into the end bin. Parts come from a fixed pool, so the belt allocates nothing as it runs.
 */
public final class Conveyor implements Equipment {

    private final String runningColumn;
    private final String travelMColumn;
    private final String partsColumn;

    /** More parts than any lab puts on one belt at once. */
    private static final int POOL = 32;

    private final String name;
    private final double length;
    private final double speed;
    private final Load motor;
    private final Bin endBin;
    private final Part[] pool = new Part[POOL];
    private double travel;
    private int nextId = 1;

    /**
     * @param length belt length in m
     * @param speed belt speed in m/s while the motor runs
     */
    public Conveyor(String name, double length, double speed, Bin endBin) {
        this.name = name;
        this.runningColumn = name + ".running";
        this.travelMColumn = name + ".travel_m";
        this.partsColumn = name + ".parts";
        this.length = length;
        this.speed = speed;
        this.endBin = endBin;
        this.motor = new Load(name, Load.Kind.CONTACTOR);
        for (int i = 0; i < POOL; i++) {
            pool[i] = new Part();
        }
    }

    public Load motor() {
        return motor;
    }

    public boolean running() {
        return motor.powered();
    }

    /** Metres the belt has moved since the start. */
    public double travel() {
        return travel;
    }

    /** Belt length in m. */
    public double length() {
        return length;
    }

    public String name() {
        return name;
    }

    /** Belt speed in m/s while the motor runs. */
    public double speed() {
        return speed;
    }

    /** The bin a part falls into past the belt's end. */
    public Bin endBin() {
        return endBin;
    }

    /** Gives every part on the belt to {@code action}, in the pool's order; allocates nothing. */
    public void forEachPart(java.util.function.Consumer<? super Part> action) {
        for (Part p : pool) {
            if (p.onBelt) {
                action.accept(p);
            }
        }
    }

    /** Places a new part with its front edge at {@code front} m; returns it. */
    public Part place(Material material, double front, double size) {
        for (Part p : pool) {
            if (!p.onBelt) {
                p.id = nextId++;
                p.material = material;
                p.front = front;
                p.size = size;
                p.onBelt = true;
                return p;
            }
        }
        throw new IllegalStateException("more than " + POOL + " parts on " + name);
    }

    /** Takes a part off the belt into {@code bin} (pushed off by a cylinder). */
    public void divert(Part part, Bin bin) {
        part.onBelt = false;
        bin.receive(part);
    }

    /** A part covering position {@code x}, metal ones only if {@code metalOnly}, or null. */
    public @Nullable Part partAt(double x, boolean metalOnly) {
        for (Part p : pool) {
            if (p.onBelt && p.covers(x) && (!metalOnly || p.material == Material.METAL)) {
                return p;
            }
        }
        return null;
    }

    public boolean anyPartAt(double x) {
        return partAt(x, false) != null;
    }

    public boolean metalPartAt(double x) {
        return partAt(x, true) != null;
    }

    public int partsOnBelt() {
        int n = 0;
        for (Part p : pool) {
            if (p.onBelt) {
                n++;
            }
        }
        return n;
    }

    @Override
    public void advance(Clock clock) {
        if (!motor.powered()) {
            return;
        }
        double dx = speed * clock.stepSeconds();
        travel += dx;
        for (Part p : pool) {
            if (p.onBelt) {
                p.front += dx;
                if (p.front - p.size > length) {
                    p.onBelt = false;
                    endBin.receive(p);
                }
            }
        }
    }

    @Override
    public void trace(TraceSink sink) {
        sink.value(runningColumn, running());
        sink.value(travelMColumn, travel);
        if (!sink.wantsText()) {
            return;
        }
        StringBuilder parts = new StringBuilder();
        for (Part p : pool) {
            if (p.onBelt) {
                if (!parts.isEmpty()) {
                    parts.append(' ');
                }
                parts.append(p.id).append(':').append(p.material.label()).append('@').append(p.front);
            }
        }
        sink.text(partsColumn, parts.toString());
    }

    @Override
    public String stateKey() {
        return name;
    }

    @Override
    public void save(StateWriter state) {
        state.put("travel", travel).put("nextId", nextId);
        for (int slot = 0; slot < POOL; slot++) {
            Part p = pool[slot];
            if (p.onBelt) {
                state.appendChild("parts").put("slot", slot).put("id", p.id).put("material", p.material.name())
                        .put("front", p.front).put("size", p.size);
            }
        }
    }

    @Override
    public void load(StateReader state) {
        travel = state.getDouble("travel");
        nextId = state.getInt("nextId");
        for (Part p : pool) {
            p.onBelt = false;
        }
        for (StateReader r : state.children("parts")) {
            Part p = pool[r.getInt("slot")];
            p.id = r.getInt("id");
            p.material = Material.valueOf(r.getString("material"));
            p.front = r.getDouble("front");
            p.size = r.getDouble("size");
            p.onBelt = true;
        }
    }
}
