package sfa.lab.st;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sfa.lab.plc.Address;
import sfa.lab.plc.IoImage;
import sfa.lab.plc.ProgramSource;
import sfa.lab.plc.ScanContext;
import sfa.lab.sim.StateReader;
import sfa.lab.sim.StateWriter;
import sfa.lab.st.Type.Elementary;

/**
 * A compiled Structured Text program as the soft PLC runs it. Each scan: the scan's simulated time is
 * set, the located input variables are copied from the I/O image, the PROGRAM body runs, and the
 * located output variables are copied to the image. A fault (division by zero, an index out of range,
 * the watchdog) is thrown as a {@link sfa.lab.plc.PlcFault}: the scan cycle goes to STOP.
 */
public final class StProgram implements ProgramSource {

    private final FunctionBlock program;
    private final FunctionBlock globalsBlock;
    private final StRuntime rt;
    private final int[] inArea;
    private final int[] inIndex;
    private final boolean[] inGlobal;
    private final int[] inSlot;
    private final Elementary[] inType;
    private final int[] outArea;
    private final int[] outIndex;
    private final boolean[] outGlobal;
    private final int[] outSlot;
    private final @org.jspecify.annotations.Nullable ScanEntry compiled;
    private Frame globals;
    private Frame frame;

    StProgram(Checker.Checked checked, int watchdogMillis, StCompiler.Backend backend) {
        this.program = checked.program();
        this.globalsBlock = checked.globals();
        this.rt = new StRuntime(watchdogMillis);
        this.globals = globalsBlock.newFrame(rt, null);
        this.frame = program.newFrame(rt, globals);
        ScanEntry entry = null;
        if (backend == StCompiler.Backend.BYTECODE) {
            try {
                entry = BytecodeCompiler.compile(checked.bodies(), program, checked.locations(), rt);
            } catch (IllegalArgumentException tooLarge) {
                // a POU longer than a JVM method may be (64 KB of code) runs on the closures, which have no such limit
                entry = null;
            }
        }
        if (entry != null) {
            compiled = entry;
            rt.functionFrames = new Frame[rt.functions.length];
            for (int i = 0; i < rt.functions.length; i++) {
                rt.functionFrames[i] = rt.functions[i].newFrame(rt, globals);
            }
        } else {
            compiled = null;
            Codegen codegen = new Codegen(rt, globals);
            for (Map.Entry<FunctionBlock, List<Bound.Stmt>> e : checked.bodies().entrySet()) {
                e.getKey().setBody(codegen.body(e.getKey(), e.getValue()));
            }
        }
        List<Checker.Location> ins = checked.locations().stream().filter(l -> l.address().area().isInput()).toList();
        List<Checker.Location> outs = checked.locations().stream().filter(l -> !l.address().area().isInput()).toList();
        inArea = new int[ins.size()];
        inIndex = new int[ins.size()];
        inGlobal = new boolean[ins.size()];
        inSlot = new int[ins.size()];
        inType = new Elementary[ins.size()];
        for (int i = 0; i < ins.size(); i++) {
            Checker.Location l = ins.get(i);
            inArea[i] = l.address().area().ordinal();
            inIndex[i] = l.address().index();
            inGlobal[i] = l.global();
            inSlot[i] = l.variable().offset().longs();
            inType[i] = l.variable().type() instanceof Elementary e ? e : Elementary.INT;
        }
        outArea = new int[outs.size()];
        outIndex = new int[outs.size()];
        outGlobal = new boolean[outs.size()];
        outSlot = new int[outs.size()];
        for (int i = 0; i < outs.size(); i++) {
            Checker.Location l = outs.get(i);
            outArea[i] = l.address().area().ordinal();
            outIndex[i] = l.address().index();
            outGlobal[i] = l.global();
            outSlot[i] = l.variable().offset().longs();
        }
    }

    /**
     * Where the last scan that ran a loop past 1024 iterations was looping, or null when no scan has: the place
     * to name when the program's scans are too slow (the watchdog names its own).
     */
    public @org.jspecify.annotations.Nullable Position longLoop() {
        long at = rt.longLoop();
        return at == 0 ? null : new Position((int) (at >>> 32), (int) at);
    }

    @Override
    public String kind() {
        return "st";
    }

    @Override
    public void scan(IoImage io, ScanContext context) {
        rt.startScan(context.nowMillis());
        if (compiled != null) {
            compiled.scan(frame, io);
            return;
        }
        int ix = Address.Area.IX.ordinal();
        for (int i = 0; i < inSlot.length; i++) {
            long[] slots = inGlobal[i] ? globals.l : frame.l;
            slots[inSlot[i]] = inArea[i] == ix ? (io.input(inIndex[i]) ? 1 : 0) : inType[i].wrap(io.inputWord(inIndex[i]));
        }
        program.body().exec(frame);
        int qx = Address.Area.QX.ordinal();
        for (int i = 0; i < outSlot.length; i++) {
            long v = (outGlobal[i] ? globals.l : frame.l)[outSlot[i]];
            if (outArea[i] == qx) {
                io.setOutput(outIndex[i], v != 0);
            } else {
                io.setOutputWord(outIndex[i], (int) Math.clamp(v, Short.MIN_VALUE, Short.MAX_VALUE));
            }
        }
    }

    /**
     * A warm restart: every variable back to its initial value except those declared {@code RETAIN}
     * (in the PROGRAM or in VAR_GLOBAL), which keep their values as on a PLC with battery-backed memory.
     */
    @Override
    public void reset() {
        Frame oldGlobals = globals;
        Frame oldFrame = frame;
        globals = globalsBlock.newFrame(rt, null);
        frame = program.newFrame(rt, globals);
        keepRetained(globalsBlock, oldGlobals, globals);
        keepRetained(program, oldFrame, frame);
    }

    /** A cold restart: every variable, RETAIN ones too, back to its initial value (a fresh download). */
    public void coldRestart() {
        globals = globalsBlock.newFrame(rt, null);
        frame = program.newFrame(rt, globals);
    }

    private static void keepRetained(FunctionBlock block, Frame from, Frame to) {
        for (Variable v : block.variables().values()) {
            if (v.retain()) {
                Type.Layout at = v.offset();
                Type.Layout size = v.type().layout();
                System.arraycopy(from.l, at.longs(), to.l, at.longs(), size.longs());
                System.arraycopy(from.d, at.doubles(), to.d, at.doubles(), size.doubles());
                System.arraycopy(from.o, at.objects(), to.o, at.objects(), size.objects());
            }
        }
    }

    /** The PROGRAM's variables by name, as {@code st-run --json} prints them (TIME in ms, enums by name). */
    public Map<String, Object> variables() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Variable v : program.variables().values()) {
            if (!v.name().startsWith("%")) {
                out.put(v.name(), value(v.type(), frame, v.offset()));
            }
        }
        return out;
    }

    /** The value of one PROGRAM variable (as {@link #variables()} gives it), or null if there is none. */
    public Object variable(String name) {
        Variable v = program.variable(name);
        return v == null ? null : value(v.type(), frame, v.offset());
    }

    private static Object value(Type t, Frame f, Type.Layout at) {
        return switch (t) {
            case Elementary e when e == Elementary.BOOL -> f.l[at.longs()] != 0;
            case Elementary e when e.isReal() -> e == Elementary.REAL ? (Object) (double) (float) f.d[at.doubles()] : f.d[at.doubles()];
            case Elementary e when e.bits == 64 && !e.signed && f.l[at.longs()] < 0 ->
                    new BigInteger(Long.toUnsignedString(f.l[at.longs()]));
            case Elementary e -> f.l[at.longs()];
            case Type.EnumType e -> {
                long n = f.l[at.longs()];
                for (int i = 0; i < e.numbers().length; i++) {
                    if (e.numbers()[i] == n) {
                        yield e.values().get(i);
                    }
                }
                yield n;
            }
            case Type.StringType s -> f.o[at.objects()];
            case Type.ArrayType a -> {
                List<Object> list = new ArrayList<>();
                for (int i = 0; i < a.count(); i++) {
                    list.add(value(a.element(), f, at.plus(a.element().layout().times(i))));
                }
                yield list;
            }
            case Type.StructType s -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (Type.Field field : s.fields()) {
                    m.put(field.name(), value(field.type(), f, at.plus(field.offset())));
                }
                yield m;
            }
            case Type.FbType fb -> {
                Frame child = (Frame) f.o[at.objects()];
                Map<String, Object> m = new LinkedHashMap<>();
                for (Variable v : fb.block().variables().values()) {
                    if (v.section() == Ast.Section.VAR_INPUT || v.section() == Ast.Section.VAR_OUTPUT) {
                        m.put(v.name(), value(v.type(), child, v.offset()));
                    }
                }
                yield m;
            }
            default -> f.l[at.longs()];
        };
    }

    @Override
    public void save(StateWriter state) {
        saveFrame(globals, state.child("globals"));
        saveFrame(frame, state.child("program"));
    }

    @Override
    public void load(StateReader state) {
        loadFrame(globals, state.child("globals"));
        loadFrame(frame, state.child("program"));
    }

    private static void saveFrame(Frame f, StateWriter w) {
        w.put("l", f.l).put("d", f.d);
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < f.o.length; i++) {
            if (f.o[i] instanceof Frame child) {
                strings.add("");
                saveFrame(child, w.child("o" + i));
            } else {
                strings.add(f.o[i] == null ? "" : (String) f.o[i]);
            }
        }
        w.putStrings("o", strings);
    }

    private static void loadFrame(Frame f, StateReader r) {
        r.getLongs("l", f.l);
        r.getDoubles("d", f.d);
        List<String> strings = r.getStrings("o");
        for (int i = 0; i < f.o.length; i++) {
            if (f.o[i] instanceof Frame child) {
                loadFrame(child, r.child("o" + i));
            } else if (i < strings.size()) {
                f.o[i] = strings.get(i);
            }
        }
    }
}
