package sfa.lab.plant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import sfa.lab.equipment.Equipment;
import sfa.lab.equipment.Operable;
import sfa.lab.plc.Address;
import sfa.lab.plc.ProgramSource;
import sfa.lab.plc.ScanCycle;
import sfa.lab.sim.SimRandom;
import sfa.lab.wiring.Board;
import sfa.lab.wiring.Component;

/**
 * Assembles a plant: components on the board, equipment in stepping order, operator devices by
 * name, and the I/O map that binds PLC addresses to terminals. A lab definition drives it.
 */
public final class PlantBuilder {

    final String labId;
    final long seed;
    final int stepMillis;
    final Board board = new Board();
    final List<Equipment> equipment = new ArrayList<>();
    final Map<String, Operable> operables = new LinkedHashMap<>();
    final List<IoPoint> ioMap = new ArrayList<>();
    private final List<Consumer<ScanCycle>> bindings = new ArrayList<>();

    PlantBuilder(String labId, long seed, int stepMillis) {
        this.labId = labId;
        this.seed = seed;
        this.stepMillis = stepMillis;
    }

    /** The run's seed, for labs whose layout depends on it. */
    public long seed() {
        return seed;
    }

    /** An independent seeded stream for one piece of equipment. */
    public SimRandom random(String stream) {
        return SimRandom.stream(seed, labId + "/" + stream);
    }

    public Board board() {
        return board;
    }

    /** Places a component on the board. */
    public <C extends Component> C place(C component) {
        return board.add(component);
    }

    /** Adds equipment; the plant advances it after everything added before it. */
    public <E extends Equipment> E add(E piece) {
        for (Equipment e : equipment) {
            if (e.stateKey().equals(piece.stateKey())) {
                throw new IllegalArgumentException("two pieces of equipment named " + piece.stateKey());
            }
        }
        equipment.add(piece);
        return piece;
    }

    /** Makes a device operable by name (a button, an E-stop, a dial, a sensor target). */
    public void operable(String name, Operable device) {
        String key = name.toUpperCase(Locale.ROOT);
        if (operables.putIfAbsent(key, device) != null) {
            throw new IllegalArgumentException("two operator devices named " + key);
        }
    }

    public void input(String name, String address, BooleanSupplier terminal, String ko, String en) {
        Address a = point(name, address, ko, en);
        bindings.add(plc -> plc.bindInput(a, terminal));
    }

    public void inputWord(String name, String address, IntSupplier channel, String ko, String en) {
        Address a = point(name, address, ko, en);
        bindings.add(plc -> plc.bindInputWord(a, channel));
    }

    public void output(String name, String address, ScanCycle.BitSink terminal, String ko, String en) {
        Address a = point(name, address, ko, en);
        bindings.add(plc -> plc.bindOutput(a, terminal));
    }

    public void outputWord(String name, String address, IntConsumer channel, String ko, String en) {
        Address a = point(name, address, ko, en);
        bindings.add(plc -> plc.bindOutputWord(a, channel));
    }

    private Address point(String name, String address, String ko, String en) {
        Address a = Address.parse(address);
        for (IoPoint p : ioMap) {
            if (p.name().equalsIgnoreCase(name) || p.address().equals(a)) {
                throw new IllegalArgumentException("I/O point " + name + " " + a + " clashes with " + p.name() + " " + p.address());
            }
        }
        ioMap.add(new IoPoint(name.toUpperCase(Locale.ROOT), a, ko, en));
        return a;
    }

    Plant build(ProgramSource program) {
        ScanCycle plc = new ScanCycle(stepMillis, program);
        bindings.forEach(b -> b.accept(plc));
        return new Plant(this, plc);
    }
}
