package sfa.lab.plc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;
import sfa.lab.sim.StateReader;
import sfa.lab.sim.StateWriter;

/**
 * The soft PLC's cycle: input refresh (terminals → image), program scan, output refresh
 * (image → terminals). In STOP, or after a fault, the program does not run and every output is
 * written off. Input and output points are bound once, when the lab is assembled.
 */
public final class ScanCycle {

    private final IoImage io = new IoImage();
    private final int cycleMillis;
    private final ScanContext context;
    private final List<Binding> inputs = new ArrayList<>();
    private final List<Binding> outputs = new ArrayList<>();
    private Binding[] in = new Binding[0];
    private Binding[] out = new Binding[0];
    private ProgramSource program;
    private PlcMode mode = PlcMode.RUN;
    private long scans;
    private @Nullable PlcFault fault;
    /** Inputs forced by the student: the program reads these values whatever the field says. */
    private final java.util.Map<Address, Integer> forced = new java.util.LinkedHashMap<>();

    private record Binding(Address address, @Nullable BooleanSupplier bitIn, @Nullable IntSupplier wordIn,
            @Nullable BitSink bitOut, @Nullable IntConsumer wordOut) {
    }

    /** Receives a digital output at every output refresh. */
    @FunctionalInterface
    public interface BitSink {
        void write(boolean on);
    }

    public ScanCycle(int cycleMillis, ProgramSource program) {
        this.cycleMillis = cycleMillis;
        this.context = new ScanContext(cycleMillis);
        this.program = program;
    }

    public void bindInput(Address address, BooleanSupplier terminal) {
        require(address, Address.Area.IX);
        inputs.add(new Binding(address, terminal, null, null, null));
        in = inputs.toArray(Binding[]::new);
    }

    public void bindInputWord(Address address, IntSupplier channel) {
        require(address, Address.Area.IW);
        inputs.add(new Binding(address, null, channel, null, null));
        in = inputs.toArray(Binding[]::new);
    }

    public void bindOutput(Address address, BitSink terminal) {
        require(address, Address.Area.QX);
        outputs.add(new Binding(address, null, null, terminal, null));
        out = outputs.toArray(Binding[]::new);
    }

    public void bindOutputWord(Address address, IntConsumer channel) {
        require(address, Address.Area.QW);
        outputs.add(new Binding(address, null, null, null, channel));
        out = outputs.toArray(Binding[]::new);
    }

    private static void require(Address address, Address.Area area) {
        if (address.area() != area) {
            throw new IllegalArgumentException(address + " is not a %" + area + " address");
        }
    }

    /** One scan at simulated time {@code nowMillis}. */
    public void scan(long nowMillis) {
        for (Binding b : in) {
            if (b.bitIn != null) {
                io.setInput(b.address.index(), b.bitIn.getAsBoolean());
            } else if (b.wordIn != null) {
                io.setInputWord(b.address.index(), b.wordIn.getAsInt());
            }
        }
        for (var f : forced.entrySet()) {
            if (f.getKey().area().isBit()) {
                io.setInput(f.getKey().index(), f.getValue() != 0);
            } else {
                io.setInputWord(f.getKey().index(), f.getValue());
            }
        }
        if (mode == PlcMode.RUN) {
            try {
                context.set(scans, nowMillis);
                program.scan(io, context);
            } catch (PlcFault f) {
                fault = f;
                mode = PlcMode.STOP;
            }
        }
        if (mode == PlcMode.STOP) {
            io.clearOutputs();
        }
        for (Binding b : out) {
            if (b.bitOut != null) {
                b.bitOut.write(io.output(b.address.index()));
            } else if (b.wordOut != null) {
                b.wordOut.accept(io.outputWord(b.address.index()));
            }
        }
        scans++;
    }

    /**
     * Forces an input, as a PLC programmer does at the bench to test a program without the machine: from the next
     * scan on the input image holds {@code value} (0/1 for a bit, raw for a word) instead of what the field gives,
     * until {@code value} is null. Forces are not part of a snapshot: a resumed or reset plant runs unforced.
     */
    public void forceInput(Address address, @Nullable Integer value) {
        if (!address.area().isInput()) {
            throw new IllegalArgumentException(address + " is not an input; only inputs can be forced");
        }
        if (value == null) {
            forced.remove(address);
        } else {
            forced.put(address, value);
        }
    }

    /** The forced inputs and their values, in the order they were forced. */
    public java.util.Map<Address, Integer> forcedInputs() {
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(forced));
    }

    public IoImage io() {
        return io;
    }

    public int cycleMillis() {
        return cycleMillis;
    }

    public ProgramSource program() {
        return program;
    }

    /** Downloads another program; the PLC keeps its mode and clears its fault. */
    public void load(ProgramSource program) {
        this.program = program;
        this.fault = null;
    }

    public PlcMode mode() {
        return mode;
    }

    /** Stops the PLC with {@code fault} from outside the program (a supervisor's limit), as a fault inside it would. */
    public void stop(PlcFault fault) {
        this.fault = fault;
        this.mode = PlcMode.STOP;
    }

    /** RUN clears a previous fault; STOP turns the outputs off at the next scan. */
    public void setMode(PlcMode mode) {
        this.mode = mode;
        if (mode == PlcMode.RUN) {
            fault = null;
        }
    }

    /**
     * Stops the program with {@code fault} from outside the scan, as a PLC's operating system does when a task
     * overruns its cycle: STOP, and every output off at the next scan.
     */
    public void fault(PlcFault fault) {
        this.fault = fault;
        this.mode = PlcMode.STOP;
    }

    public long scans() {
        return scans;
    }

    /** The fault that stopped the program, or null while none has. */
    public @Nullable PlcFault fault() {
        return fault;
    }

    public void save(StateWriter state) {
        state.put("mode", mode.name()).put("scans", scans);
        if (fault != null) {
            state.put("faultEn", fault.english()).put("faultKo", fault.korean());
        }
        io.save(state.child("io"));
        program.save(state.child("program"));
    }

    public void load(StateReader state) {
        mode = PlcMode.valueOf(state.getString("mode"));
        scans = state.getLong("scans");
        fault = state.has("faultEn") ? new PlcFault(state.getString("faultEn"), state.getString("faultKo")) : null;
        io.load(state.child("io"));
        program.load(state.child("program"));
    }
}
