package sfa.lab.st;

import java.util.List;
import sfa.lab.st.Nodes.BoolNode;
import sfa.lab.st.Nodes.DoubleNode;
import sfa.lab.st.Nodes.LongNode;
import sfa.lab.st.Nodes.ObjectNode;
import sfa.lab.st.Type.Elementary;

/** Closures for expressions, one method per value kind; part of {@link Codegen}. */
final class ExprCodegen {

    private ExprCodegen() {
    }

    // --- BOOL -------------------------------------------------------------------------------

    static BoolNode bool(Codegen g, Bound.Expr e) {
        return switch (e) {
            case Bound.Const k -> k.bits() != 0 ? f -> true : f -> false;
            case Bound.Load l -> {
                LongNode v = g.access(l.ref()).getLong();
                yield f -> v.eval(f) != 0;
            }
            case Bound.Unary u -> {
                BoolNode v = bool(g, u.operand());
                yield f -> !v.eval(f);
            }
            case Bound.Binary b -> boolBinary(g, b);
            default -> {
                LongNode v = lng(g, e);
                yield f -> v.eval(f) != 0;
            }
        };
    }

    private static BoolNode boolBinary(Codegen g, Bound.Binary b) {
        Type t = b.operandType();
        if (t == Elementary.BOOL) {
            BoolNode x = bool(g, b.left());
            BoolNode y = bool(g, b.right());
            return switch (b.op()) {
                case AND -> f -> x.eval(f) && y.eval(f);
                case OR -> f -> x.eval(f) || y.eval(f);
                case XOR, NE -> f -> x.eval(f) != y.eval(f);
                case EQ -> f -> x.eval(f) == y.eval(f);
                default -> throw new IllegalStateException(b.op() + " on BOOL");
            };
        }
        if (Typing.isReal(t)) {
            DoubleNode x = dbl(g, b.left());
            DoubleNode y = dbl(g, b.right());
            return switch (b.op()) {
                case EQ -> f -> x.eval(f) == y.eval(f);
                case NE -> f -> x.eval(f) != y.eval(f);
                case LT -> f -> x.eval(f) < y.eval(f);
                case LE -> f -> x.eval(f) <= y.eval(f);
                case GT -> f -> x.eval(f) > y.eval(f);
                case GE -> f -> x.eval(f) >= y.eval(f);
                default -> throw new IllegalStateException(b.op() + " on a real");
            };
        }
        if (Typing.isString(t)) {
            ObjectNode x = obj(g, b.left());
            ObjectNode y = obj(g, b.right());
            return switch (b.op()) {
                case EQ -> f -> x.eval(f).equals(y.eval(f));
                case NE -> f -> !x.eval(f).equals(y.eval(f));
                case LT -> f -> ((String) x.eval(f)).compareTo((String) y.eval(f)) < 0;
                case LE -> f -> ((String) x.eval(f)).compareTo((String) y.eval(f)) <= 0;
                case GT -> f -> ((String) x.eval(f)).compareTo((String) y.eval(f)) > 0;
                case GE -> f -> ((String) x.eval(f)).compareTo((String) y.eval(f)) >= 0;
                default -> throw new IllegalStateException(b.op() + " on STRING");
            };
        }
        LongNode x = lng(g, b.left());
        LongNode y = lng(g, b.right());
        boolean unsigned64 = t instanceof Elementary el && el.bits == 64 && !el.signed;
        if (unsigned64) {
            return switch (b.op()) {
                case EQ -> f -> x.eval(f) == y.eval(f);
                case NE -> f -> x.eval(f) != y.eval(f);
                case LT -> f -> Long.compareUnsigned(x.eval(f), y.eval(f)) < 0;
                case LE -> f -> Long.compareUnsigned(x.eval(f), y.eval(f)) <= 0;
                case GT -> f -> Long.compareUnsigned(x.eval(f), y.eval(f)) > 0;
                case GE -> f -> Long.compareUnsigned(x.eval(f), y.eval(f)) >= 0;
                default -> throw new IllegalStateException(b.op() + " comparison");
            };
        }
        return switch (b.op()) {
            case EQ -> f -> x.eval(f) == y.eval(f);
            case NE -> f -> x.eval(f) != y.eval(f);
            case LT -> f -> x.eval(f) < y.eval(f);
            case LE -> f -> x.eval(f) <= y.eval(f);
            case GT -> f -> x.eval(f) > y.eval(f);
            case GE -> f -> x.eval(f) >= y.eval(f);
            default -> throw new IllegalStateException(b.op() + " comparison");
        };
    }

    // --- integers, bit strings, TIME, enumerations --------------------------------------------

    static LongNode lng(Codegen g, Bound.Expr e) {
        Type t = e.type();
        if (t == Elementary.BOOL && (e instanceof Bound.Const || e instanceof Bound.Load || e instanceof Bound.Unary
                || e instanceof Bound.Binary)) {
            BoolNode b = bool(g, e);
            return f -> b.eval(f) ? 1 : 0;
        }
        return switch (e) {
            case Bound.Const k -> {
                long v = k.bits();
                yield f -> v;
            }
            case Bound.Load l -> g.access(l.ref()).getLong();
            case Bound.Unary u -> {
                LongNode v = lng(g, u.operand());
                Elementary w = width(t);
                yield u.op() == Ast.UnaryOp.NEGATE ? f -> w.wrap(-v.eval(f)) : f -> w.wrap(~v.eval(f));
            }
            case Bound.Binary b -> longBinary(g, b);
            case Bound.Convert c -> longConvert(g, c);
            case Bound.CallFunction call -> {
                LongNode n = callLong(g, call);
                yield n;
            }
            case Bound.Builtin b -> Functions.lng(g, b);
        };
    }

    private static Elementary width(Type t) {
        return t instanceof Elementary e ? e : Elementary.LINT;
    }

    private static LongNode longBinary(Codegen g, Bound.Binary b) {
        LongNode x = lng(g, b.left());
        LongNode y = lng(g, b.right());
        Elementary w = width(b.type());
        int line = b.position().line();
        int column = b.position().column();
        boolean unsigned64 = w.bits == 64 && !w.signed;
        return switch (b.op()) {
            case ADD -> w.bits == 64 ? f -> x.eval(f) + y.eval(f) : f -> w.wrap(x.eval(f) + y.eval(f));
            case SUB -> w.bits == 64 ? f -> x.eval(f) - y.eval(f) : f -> w.wrap(x.eval(f) - y.eval(f));
            case MUL -> w.bits == 64 ? f -> x.eval(f) * y.eval(f) : f -> w.wrap(x.eval(f) * y.eval(f));
            case DIV -> f -> {
                long n = x.eval(f);
                long d = y.eval(f);
                if (d == 0) {
                    throw StRuntime.fault(Message.DIVISION_BY_ZERO, line, column);
                }
                return w.wrap(unsigned64 ? Long.divideUnsigned(n, d) : n / d);
            };
            case MOD -> f -> {
                long n = x.eval(f);
                long d = y.eval(f);
                if (d == 0) {
                    throw StRuntime.fault(Message.DIVISION_BY_ZERO, line, column);
                }
                return w.wrap(unsigned64 ? Long.remainderUnsigned(n, d) : n % d);
            };
            case AND -> f -> x.eval(f) & y.eval(f);
            case OR -> f -> x.eval(f) | y.eval(f);
            case XOR -> f -> x.eval(f) ^ y.eval(f);
            default -> throw new IllegalStateException(b.op() + " on integers");
        };
    }

    private static LongNode longConvert(Codegen g, Bound.Convert c) {
        Elementary to = width(c.type());
        Type from = c.from().type();
        if (Typing.isReal(from)) {
            DoubleNode v = dbl(g, c.from());
            if (to == Elementary.BOOL) {
                return f -> v.eval(f) != 0 ? 1 : 0;
            }
            if (c.truncate()) {
                return f -> to.wrap((long) v.eval(f));
            }
            // IEC 61131-3: REAL to integer rounds to the nearest, ties to even
            return f -> to.wrap((long) Math.rint(v.eval(f)));
        }
        if (to == Elementary.BOOL) {
            LongNode v = lng(g, c.from());
            return f -> v.eval(f) != 0 ? 1 : 0;
        }
        LongNode v = lng(g, c.from());
        return to.bits == 64 ? v : f -> to.wrap(v.eval(f));
    }

    // --- REAL, LREAL --------------------------------------------------------------------------

    static DoubleNode dbl(Codegen g, Bound.Expr e) {
        boolean single = e.type() == Elementary.REAL;
        return switch (e) {
            case Bound.Const k -> {
                double v = k.real();
                yield f -> v;
            }
            case Bound.Load l -> g.access(l.ref()).getDouble();
            case Bound.Unary u -> {
                DoubleNode v = dbl(g, u.operand());
                yield f -> -v.eval(f);
            }
            case Bound.Binary b -> {
                DoubleNode x = dbl(g, b.left());
                DoubleNode y = dbl(g, b.right());
                int line = b.position().line();
                int column = b.position().column();
                // REAL rounds in the operator's own closure, not one around it: a chain a + b + … runs as deep
                // as it is long, and a second closure a level would double the stack it takes
                yield switch (b.op()) {
                    case ADD -> single ? f -> (float) (x.eval(f) + y.eval(f)) : f -> x.eval(f) + y.eval(f);
                    case SUB -> single ? f -> (float) (x.eval(f) - y.eval(f)) : f -> x.eval(f) - y.eval(f);
                    case MUL -> single ? f -> (float) (x.eval(f) * y.eval(f)) : f -> x.eval(f) * y.eval(f);
                    case DIV -> f -> {
                        double n = x.eval(f);
                        double d = y.eval(f);
                        if (d == 0) {
                            throw StRuntime.fault(Message.DIVISION_BY_ZERO, line, column);
                        }
                        return single ? (float) (n / d) : n / d;
                    };
                    default -> throw new IllegalStateException(b.op() + " on reals");
                };
            }
            case Bound.Convert c -> {
                Type from = c.from().type();
                if (Typing.isReal(from)) {
                    DoubleNode v = dbl(g, c.from());
                    yield single ? f -> (float) v.eval(f) : v;
                }
                LongNode v = lng(g, c.from());
                boolean unsigned64 = from instanceof Elementary el && el.bits == 64 && !el.signed;
                if (unsigned64) {
                    yield f -> {
                        long n = v.eval(f);
                        double d = n >= 0 ? n : (double) (n >>> 1) * 2.0 + (n & 1);
                        return single ? (float) d : d;
                    };
                }
                yield single ? f -> (float) v.eval(f) : f -> (double) v.eval(f);
            }
            case Bound.CallFunction call -> callDouble(g, call);
            case Bound.Builtin b -> Functions.dbl(g, b);
        };
    }

    // --- STRING -----------------------------------------------------------------------------

    static ObjectNode obj(Codegen g, Bound.Expr e) {
        return switch (e) {
            case Bound.Const k -> {
                Object v = k.text() == null ? "" : k.text();
                yield f -> v;
            }
            case Bound.Load l -> g.access(l.ref()).getObject();
            case Bound.CallFunction call -> callObject(g, call);
            case Bound.Builtin b -> Functions.obj(g, b);
            default -> throw new IllegalStateException("no object value for " + e);
        };
    }

    // --- user functions -----------------------------------------------------------------------

    /**
     * Runs a FUNCTION: arguments are evaluated first (a nested call of the same function cannot
     * overwrite them), then the function's frame is reset to its initial values, the arguments are
     * stored, the body runs, and the result is read. One frame per function: no recursion is allowed.
     */
    private static Runner runner(Codegen g, Bound.CallFunction call) {
        FunctionBlock fn = call.function();
        Frame frame = g.functionFrame(fn);
        List<Variable> params = fn.variables().values().stream()
                .filter(v -> v.section() == Ast.Section.VAR_INPUT || v.section() == Ast.Section.VAR_IN_OUT).toList();
        int n = params.size();
        Codegen.Transfer[] stores = new Codegen.Transfer[n];
        for (int i = 0; i < n; i++) {
            Bound.Expr arg = call.args().get(i);
            stores[i] = arg == null ? null : g.input(params.get(i), arg);
        }
        Frame scratch = new Frame(fn.layout(), frame.rt, frame.globals);
        return caller -> {
            for (Codegen.Transfer s : stores) {
                if (s != null) {
                    s.run(caller, scratch);
                }
            }
            fn.reset(frame);
            for (int i = 0; i < n; i++) {
                if (stores[i] != null) {
                    Variable p = params.get(i);
                    Type.Layout at = p.offset();
                    Type.Layout size = p.type().layout();
                    System.arraycopy(scratch.l, at.longs(), frame.l, at.longs(), size.longs());
                    System.arraycopy(scratch.d, at.doubles(), frame.d, at.doubles(), size.doubles());
                    System.arraycopy(scratch.o, at.objects(), frame.o, at.objects(), size.objects());
                }
            }
            fn.body().exec(frame);
            return frame;
        };
    }

    @FunctionalInterface
    private interface Runner {
        Frame run(Frame caller);
    }

    private static LongNode callLong(Codegen g, Bound.CallFunction call) {
        Runner r = runner(g, call);
        int k = call.function().result().offset().longs();
        return f -> r.run(f).l[k];
    }

    private static DoubleNode callDouble(Codegen g, Bound.CallFunction call) {
        Runner r = runner(g, call);
        int k = call.function().result().offset().doubles();
        return f -> r.run(f).d[k];
    }

    private static ObjectNode callObject(Codegen g, Bound.CallFunction call) {
        Runner r = runner(g, call);
        int k = call.function().result().offset().objects();
        return f -> r.run(f).o[k];
    }
}
