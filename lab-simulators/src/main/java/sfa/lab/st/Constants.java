package sfa.lab.st;

import org.jspecify.annotations.Nullable;
import sfa.lab.st.Type.Elementary;

/** Folds constant expressions (array bounds, CASE labels, initial values, CONSTANT variables). */
final class Constants {

    private Constants() {
    }

    /** The value ({@link Long} bits, {@link Double} or {@link String}), or null when {@code e} is not constant. */
    static @Nullable Object fold(Bound.Expr e, Checker c) {
        return switch (e) {
            case Bound.Const k -> Typing.isReal(k.type()) ? (Object) k.real() : k.text() != null ? k.text() : (Object) k.bits();
            case Bound.Load l -> l.ref() instanceof Bound.VarRef v ? c.constantValue(v.variable()) : null;
            case Bound.Unary u -> {
                Object v = fold(u.operand(), c);
                if (v instanceof Long n) {
                    yield u.op() == Ast.UnaryOp.NEGATE ? wrap(u.type(), -n) : wrap(u.type(), ~n);
                }
                yield v instanceof Double d && u.op() == Ast.UnaryOp.NEGATE ? (Object) (-d) : null;
            }
            case Bound.Binary b -> binary(b, fold(b.left(), c), fold(b.right(), c));
            case Bound.Convert cv -> {
                Object v = fold(cv.from(), c);
                if (v instanceof Long n && cv.type() instanceof Elementary t) {
                    if (t == Elementary.BOOL) {
                        yield (Object) (n != 0 ? 1L : 0L);
                    }
                    yield t.isReal() ? (Object) real(t, (double) n) : (Object) t.wrap(n);
                }
                if (v instanceof Double d && cv.type() instanceof Elementary t) {
                    if (t == Elementary.BOOL) {
                        yield (Object) (d != 0 ? 1L : 0L);
                    }
                    yield t.isReal() ? (Object) real(t, d) : (Object) t.wrap(cv.truncate() ? (long) (double) d : (long) Math.rint(d));
                }
                yield null;
            }
            default -> null;
        };
    }

    private static Object wrap(Type t, long v) {
        return t instanceof Elementary e ? e.wrap(v) : v;
    }

    private static @Nullable Object binary(Bound.Binary b, @Nullable Object l, @Nullable Object r) {
        if (l instanceof Long x && r instanceof Long y) {
            Long v = switch (b.op()) {
                case ADD -> x + y;
                case SUB -> x - y;
                case MUL -> x * y;
                case DIV -> y == 0 ? null : x / y;
                case MOD -> y == 0 ? null : x % y;
                case AND -> x & y;
                case OR -> x | y;
                case XOR -> x ^ y;
                default -> null;
            };
            return v == null ? null : wrap(b.type(), v);
        }
        if (l instanceof Double x && r instanceof Double y) {
            Double v = switch (b.op()) {
                case ADD -> x + y;
                case SUB -> x - y;
                case MUL -> x * y;
                case DIV -> y == 0 ? null : x / y;
                default -> null;
            };
            return v == null ? null : real(b.type(), v);
        }
        return null;
    }

    /** A REAL result is rounded to single precision, as the running program rounds it. */
    private static double real(Type t, double v) {
        return t == Elementary.REAL ? (float) v : v;
    }
}
