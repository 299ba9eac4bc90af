package sfa.lab.st;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A program organisation unit as the runtime knows it: a PROGRAM, a FUNCTION_BLOCK (user-defined or
 * standard, like TON) or a FUNCTION. It owns the layout of its frame, the initial values of every
 * slot, the nested instances to create, and its compiled body.
 */
final class FunctionBlock {

    private final String name;
    private final Ast.PouKind kind;
    private final boolean standard;
    private final Position position;
    private final Map<String, Variable> variables = new LinkedHashMap<>();
    private Type.Layout layout = Type.Layout.NONE;
    private @Nullable Variable result;
    private Nodes.StmtNode body = f -> Nodes.NORMAL;
    private long[] initialLongs = new long[0];
    private double[] initialDoubles = new double[0];
    private Object[] initialObjects = new Object[0];
    private final List<Child> children = new ArrayList<>();

    /** A nested function block instance: created in slot {@code slot} of the object array. */
    record Child(int slot, FunctionBlock block) {
    }

    FunctionBlock(String name, Ast.PouKind kind, boolean standard, Position position) {
        this.name = name;
        this.kind = kind;
        this.standard = standard;
        this.position = position;
    }

    String name() {
        return name;
    }

    Ast.PouKind kind() {
        return kind;
    }

    boolean standard() {
        return standard;
    }

    Position position() {
        return position;
    }

    /** Declares the next variable, laid out after the ones before it. */
    Variable declare(String varName, Type type, Ast.Section section, boolean constant, boolean retain,
            sfa.lab.plc.@Nullable Address location, Position at) {
        Variable v = new Variable(varName, type, section, constant, retain, layout, location, at);
        variables.put(varName.toUpperCase(Locale.ROOT), v);
        layout = layout.plus(type.layout());
        return v;
    }

    @Nullable Variable variable(String varName) {
        return variables.get(varName.toUpperCase(Locale.ROOT));
    }

    Map<String, Variable> variables() {
        return variables;
    }

    Type.Layout layout() {
        return layout;
    }

    @Nullable Variable result() {
        return result;
    }

    void setResult(Variable result) {
        this.result = result;
    }

    Nodes.StmtNode body() {
        return body;
    }

    void setBody(Nodes.StmtNode body) {
        this.body = body;
    }

    /** Sets the values every new frame starts with (and a function's frame at every call). */
    void setInitialValues(long[] longs, double[] doubles, Object[] objects, List<Child> nested) {
        this.initialLongs = longs;
        this.initialDoubles = doubles;
        this.initialObjects = objects;
        this.children.clear();
        this.children.addAll(nested);
    }

    /** A new instance: initial values copied, nested instances created recursively. */
    Frame newFrame(StRuntime rt, @Nullable Frame globals) {
        Frame f = new Frame(layout, rt, globals);
        reset(f);
        for (Child c : children) {
            f.o[c.slot()] = c.block().newFrame(rt, globals == null ? f : globals);
        }
        return f;
    }

    /** Back to the initial values, keeping nested instances (a function's temporaries at each call). */
    void reset(Frame f) {
        System.arraycopy(initialLongs, 0, f.l, 0, initialLongs.length);
        System.arraycopy(initialDoubles, 0, f.d, 0, initialDoubles.length);
        for (int i = 0; i < initialObjects.length; i++) {
            if (initialObjects[i] != null) {
                f.o[i] = initialObjects[i];
            }
        }
    }

    boolean hasTemps() {
        return variables.values().stream().anyMatch(v -> v.section() == Ast.Section.VAR_TEMP);
    }

    /** Puts the VAR_TEMP variables back to their initial values, as at the start of every call. */
    void resetTemps(Frame f) {
        for (Variable v : variables.values()) {
            if (v.section() == Ast.Section.VAR_TEMP) {
                Type.Layout at = v.offset();
                Type.Layout size = v.type().layout();
                System.arraycopy(initialLongs, at.longs(), f.l, at.longs(), size.longs());
                System.arraycopy(initialDoubles, at.doubles(), f.d, at.doubles(), size.doubles());
                System.arraycopy(initialObjects, at.objects(), f.o, at.objects(), size.objects());
            }
        }
    }

    long initialLong(int slot) {
        return initialLongs[slot];
    }

    double initialDouble(int slot) {
        return initialDoubles[slot];
    }

    Object initialObject(int slot) {
        return initialObjects[slot];
    }

    /** TON, TOF and TP: an instance never called never times. */
    boolean isTimer() {
        return standard && (name.equals("TON") || name.equals("TOF") || name.equals("TP"));
    }

    @Override
    public String toString() {
        return name;
    }
}
