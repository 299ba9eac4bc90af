package sfa.lab.st;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import sfa.lab.st.Nodes.BoolNode;
import sfa.lab.st.Nodes.DoubleNode;
import sfa.lab.st.Nodes.LongNode;
import sfa.lab.st.Nodes.ObjectNode;
import sfa.lab.st.Nodes.StmtNode;
import sfa.lab.st.Type.Elementary;

/**
 * Compiles the checked tree into closures, once, when a program is loaded. Every name is already a
 * slot; values are never boxed; integer results are wrapped to their type's width; division by zero
 * and out-of-range indices raise a {@link sfa.lab.plc.PlcFault} with the line and column.
 */
final class Codegen {

    private final StRuntime rt;
    private final Frame globals;
    private final Map<FunctionBlock, Frame> functionFrames = new IdentityHashMap<>();

    Codegen(StRuntime rt, Frame globals) {
        this.rt = rt;
        this.globals = globals;
    }

    enum Kind {
        BOOL, LONG, DOUBLE, OBJECT
    }

    static Kind kind(Type t) {
        if (t == Elementary.BOOL) {
            return Kind.BOOL;
        }
        if (Typing.isReal(t)) {
            return Kind.DOUBLE;
        }
        if (t instanceof Type.StringType || t instanceof Type.FbType) {
            return Kind.OBJECT;
        }
        return Kind.LONG;
    }

    // --- statements -------------------------------------------------------------------------

    /** A POU's body: its VAR_TEMP variables start from their initial values at every call (IEC 61131-3). */
    StmtNode body(FunctionBlock pou, List<Bound.Stmt> body) {
        StmtNode run = block(body);
        if (!pou.hasTemps()) {
            return run;
        }
        return f -> {
            pou.resetTemps(f);
            return run.exec(f);
        };
    }

    StmtNode block(List<Bound.Stmt> body) {
        StmtNode[] nodes = new StmtNode[body.size()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = statement(body.get(i));
        }
        return Nodes.block(nodes);
    }

    private StmtNode statement(Bound.Stmt s) {
        return switch (s) {
            case Bound.Assign a -> assign(a.target(), a.value());
            case Bound.Copy c -> copy(c);
            case Bound.If i -> ifNode(i);
            case Bound.Case c -> caseNode(c);
            case Bound.For f -> forNode(f);
            case Bound.While w -> {
                BoolNode cond = bool(w.condition());
                StmtNode body = block(w.body());
                int line = w.position().line();
                int column = w.position().column();
                yield f -> {
                    while (cond.eval(f)) {
                        int r = body.exec(f);
                        if (r == Nodes.EXIT) {
                            break;
                        }
                        if (r == Nodes.RETURN) {
                            return r;
                        }
                        f.rt.tick(line, column);
                    }
                    return Nodes.NORMAL;
                };
            }
            case Bound.Repeat r -> {
                BoolNode until = bool(r.until());
                StmtNode body = block(r.body());
                int line = r.position().line();
                int column = r.position().column();
                yield f -> {
                    do {
                        int x = body.exec(f);
                        if (x == Nodes.EXIT) {
                            break;
                        }
                        if (x == Nodes.RETURN) {
                            return x;
                        }
                        f.rt.tick(line, column);
                    } while (!until.eval(f));
                    return Nodes.NORMAL;
                };
            }
            case Bound.Exit e -> f -> Nodes.EXIT;
            case Bound.Return r -> f -> Nodes.RETURN;
            case Bound.FbCall c -> fbCall(c);
            case Bound.Evaluate e -> evaluate(e.call());
        };
    }

    private StmtNode evaluate(Bound.Expr e) {
        return switch (kind(e.type())) {
            case BOOL -> {
                BoolNode b = bool(e);
                yield f -> {
                    b.eval(f);
                    return Nodes.NORMAL;
                };
            }
            case LONG -> {
                LongNode n = lng(e);
                yield f -> {
                    n.eval(f);
                    return Nodes.NORMAL;
                };
            }
            case DOUBLE -> {
                DoubleNode n = dbl(e);
                yield f -> {
                    n.eval(f);
                    return Nodes.NORMAL;
                };
            }
            case OBJECT -> {
                ObjectNode n = obj(e);
                yield f -> {
                    n.eval(f);
                    return Nodes.NORMAL;
                };
            }
        };
    }

    private StmtNode assign(Bound.Ref target, Bound.Expr value) {
        Access at = access(target);
        Type t = target.type();
        return switch (kind(t)) {
            case BOOL -> {
                Access.LongSetter set = at.setLong();
                BoolNode v = bool(value);
                yield f -> {
                    set.set(f, v.eval(f) ? 1 : 0);
                    return Nodes.NORMAL;
                };
            }
            case LONG -> {
                Access.LongSetter set = at.setLong();
                LongNode v = lng(value);
                yield f -> {
                    set.set(f, v.eval(f));
                    return Nodes.NORMAL;
                };
            }
            case DOUBLE -> {
                Access.DoubleSetter set = at.setDouble();
                DoubleNode v = dbl(value);
                yield f -> {
                    set.set(f, v.eval(f));
                    return Nodes.NORMAL;
                };
            }
            case OBJECT -> {
                Access.ObjectSetter set = at.setObject();
                ObjectNode v = obj(value);
                int max = t instanceof Type.StringType st ? st.length() : Integer.MAX_VALUE;
                yield f -> {
                    Object x = v.eval(f);
                    set.set(f, x instanceof String s && s.length() > max ? s.substring(0, max) : x);
                    return Nodes.NORMAL;
                };
            }
        };
    }

    private StmtNode copy(Bound.Copy c) {
        Access to = access(c.target());
        Access from = access(c.source());
        Type.Layout size = c.target().type().layout();
        Access.IndexNode tl = to.slot(Access.Slots.LONG);
        Access.IndexNode td = to.slot(Access.Slots.DOUBLE);
        Access.IndexNode tobj = to.slot(Access.Slots.OBJECT);
        Access.IndexNode fl = from.slot(Access.Slots.LONG);
        Access.IndexNode fd = from.slot(Access.Slots.DOUBLE);
        Access.IndexNode fo = from.slot(Access.Slots.OBJECT);
        Access.FrameNode toFrame = to.frame;
        Access.FrameNode fromFrame = from.frame;
        return f -> {
            Frame a = toFrame.eval(f);
            Frame b = fromFrame.eval(f);
            System.arraycopy(b.l, fl.eval(f), a.l, tl.eval(f), size.longs());
            System.arraycopy(b.d, fd.eval(f), a.d, td.eval(f), size.doubles());
            System.arraycopy(b.o, fo.eval(f), a.o, tobj.eval(f), size.objects());
            return Nodes.NORMAL;
        };
    }

    private StmtNode ifNode(Bound.If i) {
        // loops, not streams: these recurse once per nested block, and a stream costs a dozen stack frames
        BoolNode[] conds = new BoolNode[i.conditions().size()];
        StmtNode[] bodies = new StmtNode[conds.length];
        for (int k = 0; k < conds.length; k++) {
            conds[k] = bool(i.conditions().get(k));
            bodies[k] = block(i.bodies().get(k));
        }
        StmtNode otherwise = block(i.elseBody());
        if (conds.length == 1) {
            BoolNode c0 = conds[0];
            StmtNode b0 = bodies[0];
            return f -> c0.eval(f) ? b0.exec(f) : otherwise.exec(f);
        }
        return f -> {
            for (int k = 0; k < conds.length; k++) {
                if (conds[k].eval(f)) {
                    return bodies[k].exec(f);
                }
            }
            return otherwise.exec(f);
        };
    }

    private StmtNode caseNode(Bound.Case c) {
        LongNode selector = lng(c.selector());
        long[][] lows = c.lows().toArray(long[][]::new);
        long[][] highs = c.highs().toArray(long[][]::new);
        StmtNode[] bodies = new StmtNode[c.bodies().size()];
        for (int b = 0; b < bodies.length; b++) {
            bodies[b] = block(c.bodies().get(b));
        }
        StmtNode otherwise = block(c.elseBody());
        return f -> {
            long v = selector.eval(f);
            for (int b = 0; b < bodies.length; b++) {
                long[] lo = lows[b];
                long[] hi = highs[b];
                for (int k = 0; k < lo.length; k++) {
                    if (v >= lo[k] && v <= hi[k]) {
                        return bodies[b].exec(f);
                    }
                }
            }
            return otherwise.exec(f);
        };
    }

    private StmtNode forNode(Bound.For loop) {
        Access counter = access(loop.variable());
        Access.LongSetter set = counter.setLong();
        LongNode from = lng(loop.from());
        LongNode to = lng(loop.to());
        LongNode step = lng(loop.step());
        StmtNode body = block(loop.body());
        Elementary type = loop.variable().type() instanceof Elementary e ? e : Elementary.LINT;
        int line = loop.position().line();
        int column = loop.position().column();
        return f -> {
            long v = from.eval(f);
            long end = to.eval(f);
            long by = step.eval(f);
            while (by >= 0 ? v <= end : v >= end) {
                set.set(f, type.wrap(v));
                int r = body.exec(f);
                if (r == Nodes.EXIT) {
                    break;
                }
                if (r == Nodes.RETURN) {
                    return r;
                }
                f.rt.tick(line, column);
                long next = v + by;
                if (by > 0 ? next < v : by < 0 && next > v) {
                    break; // the counter would leave its type's range: stop as the range is exhausted
                }
                v = next;
            }
            return Nodes.NORMAL;
        };
    }

    /** Moves one value between a caller's frame and a callee's frame. */
    @FunctionalInterface
    interface Transfer {
        void run(Frame caller, Frame callee);
    }

    private StmtNode fbCall(Bound.FbCall c) {
        ObjectNode instance = access(c.instance()).getObject();
        FunctionBlock fb = c.block();
        Transfer[] inputs = new Transfer[c.inputs().size()];
        for (int k = 0; k < inputs.length; k++) {
            inputs[k] = input(c.inputs().get(k).parameter(), c.inputs().get(k).value());
        }
        Transfer[] outputs = new Transfer[c.outputs().size()];
        for (int k = 0; k < outputs.length; k++) {
            outputs[k] = output(c.outputs().get(k).parameter(), c.outputs().get(k).target());
        }
        return f -> {
            Frame callee = (Frame) instance.eval(f);
            for (Transfer in : inputs) {
                in.run(f, callee);
            }
            fb.body().exec(callee);
            for (Transfer out : outputs) {
                out.run(f, callee);
            }
            return Nodes.NORMAL;
        };
    }

    /** Evaluates {@code value} in the caller and stores it in the callee's parameter slot. */
    Transfer input(Variable parameter, Bound.Expr value) {
        Type.Layout at = parameter.offset();
        return switch (kind(parameter.type())) {
            case BOOL -> {
                BoolNode v = bool(value);
                int k = at.longs();
                yield (caller, callee) -> callee.l[k] = v.eval(caller) ? 1 : 0;
            }
            case LONG -> {
                LongNode v = lng(value);
                int k = at.longs();
                yield (caller, callee) -> callee.l[k] = v.eval(caller);
            }
            case DOUBLE -> {
                DoubleNode v = dbl(value);
                int k = at.doubles();
                yield (caller, callee) -> callee.d[k] = v.eval(caller);
            }
            case OBJECT -> {
                ObjectNode v = obj(value);
                int k = at.objects();
                int max = parameter.type() instanceof Type.StringType st ? st.length() : Integer.MAX_VALUE;
                yield (caller, callee) -> callee.o[k] = StRuntime.truncate(v.eval(caller), max);
            }
        };
    }

    /** Copies the callee's output parameter into a place of the caller ({@code Q => Lamp}). */
    private Transfer output(Variable parameter, Bound.Ref target) {
        Access to = access(target);
        Type.Layout at = parameter.offset();
        Kind from = kind(parameter.type());
        Kind into = kind(target.type());
        if (into == Kind.DOUBLE) {
            Access.DoubleSetter set = to.setDouble();
            int k = from == Kind.DOUBLE ? at.doubles() : at.longs();
            boolean real = target.type() == Elementary.REAL;
            return from == Kind.DOUBLE
                    ? (caller, callee) -> set.set(caller, real ? (float) callee.d[k] : callee.d[k])
                    : (caller, callee) -> set.set(caller, real ? (float) callee.l[k] : (double) callee.l[k]);
        }
        if (into == Kind.OBJECT) {
            Access.ObjectSetter set = to.setObject();
            int k = at.objects();
            int max = target.type() instanceof Type.StringType st ? st.length() : Integer.MAX_VALUE;
            return (caller, callee) -> set.set(caller, StRuntime.truncate(callee.o[k], max));
        }
        Access.LongSetter set = to.setLong();
        int k = at.longs();
        return (caller, callee) -> set.set(caller, callee.l[k]);
    }

    // --- places -----------------------------------------------------------------------------

    Access access(Bound.Ref ref) {
        return switch (ref) {
            case Bound.VarRef v -> v.global()
                    ? new Access(f -> f.globals, false, v.offset(), new Access.IndexNode[0], new Type.Layout[0])
                    : new Access(f -> f, true, v.offset(), new Access.IndexNode[0], new Type.Layout[0]);
            case Bound.FieldRef fr -> access(fr.base()).plus(fr.offset());
            case Bound.ElementRef el -> access(el.base()).index(flatIndex(el), el.array().element().layout());
            case Bound.MemberRef m -> {
                ObjectNode instance = access(m.instance()).getObject();
                yield new Access(f -> (Frame) instance.eval(f), false, m.member().offset(), new Access.IndexNode[0],
                        new Type.Layout[0]);
            }
        };
    }

    private Access.IndexNode flatIndex(Bound.ElementRef el) {
        Type.ArrayType at = el.array();
        int dims = at.low().length;
        LongNode[] idx = new LongNode[dims];
        for (int d = 0; d < dims; d++) {
            idx[d] = lng(el.indices().get(d));
        }
        int[] low = at.low();
        int[] high = at.high();
        int[] scale = new int[dims];
        int s = 1;
        for (int d = dims - 1; d >= 0; d--) {
            scale[d] = s;
            s *= high[d] - low[d] + 1;
        }
        String name = el.name();
        int line = el.position().line();
        int column = el.position().column();
        if (dims == 1) {
            LongNode i0 = idx[0];
            int lo = low[0];
            int hi = high[0];
            return f -> {
                long i = i0.eval(f);
                if (i < lo || i > hi) {
                    throw StRuntime.fault(Message.INDEX_OUT_OF_RANGE, i, name, lo, hi, line, column);
                }
                return (int) (i - lo);
            };
        }
        return f -> {
            int flat = 0;
            for (int d = 0; d < dims; d++) {
                long i = idx[d].eval(f);
                if (i < low[d] || i > high[d]) {
                    throw StRuntime.fault(Message.INDEX_OUT_OF_RANGE, i, name, low[d], high[d], line, column);
                }
                flat += (int) (i - low[d]) * scale[d];
            }
            return flat;
        };
    }

    // --- expressions: stubs filled below ----------------------------------------------------

    BoolNode bool(Bound.Expr e) {
        return ExprCodegen.bool(this, e);
    }

    LongNode lng(Bound.Expr e) {
        return ExprCodegen.lng(this, e);
    }

    DoubleNode dbl(Bound.Expr e) {
        return ExprCodegen.dbl(this, e);
    }

    ObjectNode obj(Bound.Expr e) {
        return ExprCodegen.obj(this, e);
    }

    Frame functionFrame(FunctionBlock fn) {
        return functionFrames.computeIfAbsent(fn, k -> k.newFrame(rt, globals));
    }
}
