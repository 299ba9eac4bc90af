package sfa.lab.st;

import java.util.List;
import sfa.lab.st.Nodes.DoubleNode;
import sfa.lab.st.Nodes.LongNode;
import sfa.lab.st.Nodes.ObjectNode;
import sfa.lab.st.Type.Elementary;

/** Closures for the standard functions (MIN, MAX, LIMIT, SEL, MUX, ABS, SQRT, shifts, strings). */
final class Functions {

    private Functions() {
    }

    static LongNode lng(Codegen g, Bound.Builtin b) {
        List<Bound.Expr> a = b.args();
        Elementary w = b.type() instanceof Elementary e ? e : Elementary.LINT;
        boolean unsigned64 = w.bits == 64 && !w.signed;
        return switch (b.name()) {
            case "MIN", "MAX" -> {
                LongNode[] xs = new LongNode[a.size()];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = g.lng(a.get(i));
                }
                boolean max = b.name().equals("MAX");
                yield f -> {
                    long r = xs[0].eval(f);
                    for (int i = 1; i < xs.length; i++) {
                        long v = xs[i].eval(f);
                        int cmp = unsigned64 ? Long.compareUnsigned(v, r) : Long.compare(v, r);
                        if (max ? cmp > 0 : cmp < 0) {
                            r = v;
                        }
                    }
                    return r;
                };
            }
            case "LIMIT" -> {
                LongNode mn = g.lng(a.get(0));
                LongNode in = g.lng(a.get(1));
                LongNode mx = g.lng(a.get(2));
                yield unsigned64 ? f -> StRuntime.limitUnsigned(mn.eval(f), in.eval(f), mx.eval(f))
                        : f -> Math.min(Math.max(in.eval(f), mn.eval(f)), mx.eval(f));
            }
            case "SEL" -> {
                Nodes.BoolNode sel = g.bool(a.get(0));
                LongNode in0 = g.lng(a.get(1));
                LongNode in1 = g.lng(a.get(2));
                yield f -> sel.eval(f) ? in1.eval(f) : in0.eval(f);
            }
            case "MUX" -> {
                LongNode k = g.lng(a.get(0));
                LongNode[] ins = new LongNode[a.size() - 1];
                for (int i = 0; i < ins.length; i++) {
                    ins[i] = g.lng(a.get(i + 1));
                }
                yield f -> ins[(int) Math.clamp(k.eval(f), 0, ins.length - 1)].eval(f);
            }
            case "MOVE" -> g.lng(a.getFirst());
            case "ABS" -> {
                LongNode x = g.lng(a.getFirst());
                yield f -> w.wrap(Math.abs(x.eval(f)));
            }
            case "SHL", "SHR", "ROL", "ROR" -> shift(g, b.name(), w, g.lng(a.get(0)), g.lng(a.get(1)));
            case "LEN" -> {
                ObjectNode s = g.obj(a.getFirst());
                yield f -> ((String) s.eval(f)).length();
            }
            default -> throw new IllegalStateException(b.name() + " has no integer form");
        };
    }

    private static LongNode shift(Codegen g, String name, Elementary w, LongNode in, LongNode n) {
        int bits = w.bits;
        return switch (name) {
            case "SHL" -> f -> StRuntime.shl(in.eval(f), n.eval(f), bits, w.signed);
            case "SHR" -> f -> StRuntime.shr(in.eval(f), n.eval(f), bits, w.signed);
            case "ROL" -> f -> StRuntime.rol(in.eval(f), n.eval(f), bits, w.signed);
            default -> f -> StRuntime.ror(in.eval(f), n.eval(f), bits, w.signed);
        };
    }

    static DoubleNode dbl(Codegen g, Bound.Builtin b) {
        List<Bound.Expr> a = b.args();
        boolean single = b.type() == Elementary.REAL;
        int line = b.position().line();
        int column = b.position().column();
        DoubleNode raw = switch (b.name()) {
            case "MIN", "MAX" -> {
                DoubleNode[] xs = new DoubleNode[a.size()];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = g.dbl(a.get(i));
                }
                boolean max = b.name().equals("MAX");
                yield f -> {
                    double r = xs[0].eval(f);
                    for (int i = 1; i < xs.length; i++) {
                        double v = xs[i].eval(f);
                        r = max ? Math.max(r, v) : Math.min(r, v);
                    }
                    return r;
                };
            }
            case "LIMIT" -> {
                DoubleNode mn = g.dbl(a.get(0));
                DoubleNode in = g.dbl(a.get(1));
                DoubleNode mx = g.dbl(a.get(2));
                yield f -> Math.min(Math.max(in.eval(f), mn.eval(f)), mx.eval(f));
            }
            case "SEL" -> {
                Nodes.BoolNode sel = g.bool(a.get(0));
                DoubleNode in0 = g.dbl(a.get(1));
                DoubleNode in1 = g.dbl(a.get(2));
                yield f -> sel.eval(f) ? in1.eval(f) : in0.eval(f);
            }
            case "MUX" -> {
                LongNode k = g.lng(a.get(0));
                DoubleNode[] ins = new DoubleNode[a.size() - 1];
                for (int i = 0; i < ins.length; i++) {
                    ins[i] = g.dbl(a.get(i + 1));
                }
                yield f -> ins[(int) Math.clamp(k.eval(f), 0, ins.length - 1)].eval(f);
            }
            case "MOVE" -> g.dbl(a.getFirst());
            case "ABS" -> unary(g, a, Math::abs);
            case "SQRT" -> {
                DoubleNode x = g.dbl(a.getFirst());
                yield f -> {
                    double v = x.eval(f);
                    if (v < 0) {
                        throw StRuntime.fault(Message.SQRT_NEGATIVE, line, column);
                    }
                    return Math.sqrt(v);
                };
            }
            case "LN" -> unary(g, a, Math::log);
            case "LOG" -> unary(g, a, Math::log10);
            case "EXP" -> unary(g, a, Math::exp);
            case "SIN" -> unary(g, a, Math::sin);
            case "COS" -> unary(g, a, Math::cos);
            case "TAN" -> unary(g, a, Math::tan);
            case "ASIN" -> unary(g, a, Math::asin);
            case "ACOS" -> unary(g, a, Math::acos);
            case "ATAN" -> unary(g, a, Math::atan);
            case "EXPT" -> {
                DoubleNode x = g.dbl(a.get(0));
                DoubleNode y = g.dbl(a.get(1));
                yield f -> Math.pow(x.eval(f), y.eval(f));
            }
            default -> throw new IllegalStateException(b.name() + " has no real form");
        };
        return single ? f -> (float) raw.eval(f) : raw;
    }

    private static DoubleNode unary(Codegen g, List<Bound.Expr> a, java.util.function.DoubleUnaryOperator op) {
        DoubleNode x = g.dbl(a.getFirst());
        return f -> op.applyAsDouble(x.eval(f));
    }

    static ObjectNode obj(Codegen g, Bound.Builtin b) {
        List<Bound.Expr> a = b.args();
        return switch (b.name()) {
            case "CONCAT" -> {
                ObjectNode[] xs = new ObjectNode[a.size()];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = g.obj(a.get(i));
                }
                yield f -> {
                    StringBuilder s = new StringBuilder();
                    for (ObjectNode x : xs) {
                        s.append((String) x.eval(f));
                    }
                    return s.toString();
                };
            }
            case "SEL" -> {
                Nodes.BoolNode sel = g.bool(a.get(0));
                ObjectNode in0 = g.obj(a.get(1));
                ObjectNode in1 = g.obj(a.get(2));
                yield f -> sel.eval(f) ? in1.eval(f) : in0.eval(f);
            }
            case "MUX" -> {
                LongNode k = g.lng(a.get(0));
                ObjectNode[] ins = new ObjectNode[a.size() - 1];
                for (int i = 0; i < ins.length; i++) {
                    ins[i] = g.obj(a.get(i + 1));
                }
                yield f -> ins[(int) Math.clamp(k.eval(f), 0, ins.length - 1)].eval(f);
            }
            case "MOVE" -> g.obj(a.getFirst());
            default -> throw new IllegalStateException(b.name() + " has no string form");
        };
    }
}
