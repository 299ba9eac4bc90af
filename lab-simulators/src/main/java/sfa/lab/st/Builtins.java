package sfa.lab.st;

import java.util.List;
import org.jspecify.annotations.Nullable;
import sfa.lab.st.Type.Elementary;

/** Type rules of the standard functions and of the type conversion functions ({@code INT_TO_REAL}, {@code TO_INT}). */
final class Builtins {

    private Builtins() {
    }

    /** {@code A_TO_B}, {@code TO_B} or {@code TRUNC}: a conversion, or null when the name is none of them. */
    static Bound.@Nullable Expr conversion(Ast.Call call, String name, List<Bound.Expr> args, Expressions x, Checker c) {
        Elementary to;
        Elementary from = null;
        boolean truncate = false;
        if (name.equals("TRUNC")) {
            to = Elementary.DINT;
            truncate = true;
        } else if (name.startsWith("TO_")) {
            to = Elementary.named(name.substring(3));
        } else {
            int sep = name.indexOf("_TO_");
            if (sep <= 0) {
                return null;
            }
            from = Elementary.named(name.substring(0, sep));
            String target = name.substring(sep + 4);
            if (target.endsWith("_TRUNC")) {
                target = target.substring(0, target.length() - 6);
                truncate = true;
            }
            to = Elementary.named(target);
            if (from == null) {
                return null;
            }
        }
        if (to == null) {
            return null;
        }
        if (args.size() != 1) {
            c.error(Message.WRONG_ARGUMENTS, call.position(), name.length(), name, "one value");
            return new Bound.Const(call.position(), Type.Invalid.INSTANCE, 0, 0, null);
        }
        Bound.Expr arg = args.getFirst();
        Type at = arg.type();
        if (Typing.isInvalid(at)) {
            return new Bound.Const(call.position(), to, 0, 0, null);
        }
        if (from != null) {
            if (!at.equals(from) && !Typing.literalFits(at, from) && !Typing.widens(at, from)) {
                c.error(Message.TYPE_MISMATCH, arg.position(), 1, name, from.name(), Typing.concrete(at).name());
                return new Bound.Const(call.position(), to, 0, 0, null);
            }
            arg = x.widen(arg, from);
        } else if (!(at instanceof Elementary) && !(at instanceof Type.AnyInt) && !(at instanceof Type.AnyReal)) {
            c.error(Message.TYPE_MISMATCH, arg.position(), 1, name, "an elementary type", at.name());
            return new Bound.Const(call.position(), to, 0, 0, null);
        } else {
            arg = x.widen(arg, Typing.concrete(at));
        }
        if (truncate && !Typing.isReal(arg.type())) {
            c.error(Message.TYPE_MISMATCH, arg.position(), 1, name, "REAL or LREAL", arg.type().name());
        }
        return new Bound.Convert(call.position(), to, arg, truncate);
    }

    static Bound.Expr check(Ast.Call call, String name, List<Bound.Expr> args, Expressions x, Checker c) {
        Position at = call.position();
        for (Bound.Expr a : args) {
            if (Typing.isInvalid(a.type())) {
                return new Bound.Const(at, Type.Invalid.INSTANCE, 0, 0, null);
            }
        }
        switch (name) {
            case "MIN", "MAX", "LIMIT", "MUX", "SEL", "MOVE" -> {
                int first = name.equals("SEL") || name.equals("MUX") ? 1 : 0;
                int needed = switch (name) {
                    case "LIMIT" -> 3;
                    case "SEL" -> 3;
                    case "MOVE" -> 1;
                    default -> 2;
                };
                boolean exact = name.equals("LIMIT") || name.equals("SEL") || name.equals("MOVE");
                if (exact ? args.size() != needed : args.size() < needed + (first)) {
                    return wrong(c, at, name, switch (name) {
                        case "LIMIT" -> "three values: LIMIT(MN, IN, MX)";
                        case "SEL" -> "G (BOOL) and two values: SEL(G, IN0, IN1)";
                        case "MUX" -> "K (an integer) and at least two values: MUX(K, IN0, IN1, ...)";
                        case "MOVE" -> "one value";
                        default -> "at least two values";
                    });
                }
                if (name.equals("SEL") && !Typing.isBool(args.getFirst().type())) {
                    c.error(Message.CONDITION_NOT_BOOL, args.getFirst().position(), 1, args.getFirst().type().name());
                }
                if (name.equals("MUX") && !Typing.isIntegral(args.getFirst().type())) {
                    c.error(Message.NOT_INTEGER, args.getFirst().position(), 1, "K of MUX", args.getFirst().type().name());
                }
                Type common = args.get(first).type();
                for (int i = first + 1; i < args.size(); i++) {
                    Type next = Typing.common(common, args.get(i).type());
                    if (next == null) {
                        c.error(Message.OPERANDS_DIFFER, args.get(i).position(), 1, name, common.name(), args.get(i).type().name());
                        return new Bound.Const(at, Type.Invalid.INSTANCE, 0, 0, null);
                    }
                    common = next;
                }
                Type t = common;
                if (!name.equals("SEL") && !name.equals("MUX") && !name.equals("MOVE") && !Typing.isNumeric(t)
                        && !Typing.isTime(t) && !Typing.isIntegral(t)) {
                    c.error(Message.OPERAND_TYPE, at, name.length(), name, t.name());
                }
                List<Bound.Expr> widened = new java.util.ArrayList<>();
                for (int i = 0; i < args.size(); i++) {
                    widened.add(i < first ? x.widen(args.get(i), Typing.concrete(args.get(i).type())) : x.widen(args.get(i), t));
                }
                return new Bound.Builtin(at, t, name, widened);
            }
            case "ABS" -> {
                if (args.size() != 1 || !Typing.isNumeric(args.getFirst().type())) {
                    return wrong(c, at, name, "one number");
                }
                Type t = args.getFirst().type();
                return new Bound.Builtin(at, t, name, List.of(x.widen(args.getFirst(), t)));
            }
            case "SQRT", "LN", "LOG", "EXP", "SIN", "COS", "TAN", "ASIN", "ACOS", "ATAN" -> {
                if (args.size() != 1 || !Typing.isNumeric(args.getFirst().type())) {
                    return wrong(c, at, name, "one number");
                }
                Type t = realResult(args.getFirst().type());
                return new Bound.Builtin(at, t, name, List.of(x.widen(args.getFirst(), t)));
            }
            case "EXPT" -> {
                if (args.size() != 2 || !Typing.isNumeric(args.get(0).type()) || !Typing.isNumeric(args.get(1).type())) {
                    return wrong(c, at, name, "two numbers: EXPT(IN1, IN2)");
                }
                Type t = realResult(args.get(0).type());
                return new Bound.Builtin(at, t, name, List.of(x.widen(args.get(0), t), x.widen(args.get(1), t)));
            }
            case "SHL", "SHR", "ROL", "ROR" -> {
                if (args.size() != 2 || !Typing.isIntegral(args.get(0).type()) || !Typing.isIntegral(args.get(1).type())) {
                    return wrong(c, at, name, "a bit string and a count: " + name + "(IN, N)");
                }
                Type t = Typing.concrete(args.get(0).type());
                return new Bound.Builtin(at, t, name, List.of(x.widen(args.get(0), t),
                        x.widen(args.get(1), Elementary.LINT)));
            }
            case "LEN" -> {
                if (args.size() != 1 || !Typing.isString(args.getFirst().type())) {
                    return wrong(c, at, name, "one STRING");
                }
                return new Bound.Builtin(at, Elementary.INT, name, args);
            }
            case "CONCAT" -> {
                if (args.size() < 2 || args.stream().anyMatch(a -> !Typing.isString(a.type()))) {
                    return wrong(c, at, name, "two or more STRINGs");
                }
                return new Bound.Builtin(at, new Type.StringType(Type.StringType.DEFAULT_LENGTH), name, args);
            }
            default -> {
                return wrong(c, at, name, "other arguments");
            }
        }
    }

    /** REAL stays REAL, a literal adapts to where the result goes, anything else computes in LREAL. */
    private static Type realResult(Type arg) {
        if (arg == Elementary.REAL) {
            return Elementary.REAL;
        }
        return arg instanceof Type.AnyInt || arg instanceof Type.AnyReal ? new Type.AnyReal() : Elementary.LREAL;
    }

    private static Bound.Expr wrong(Checker c, Position at, String name, String what) {
        c.error(Message.WRONG_ARGUMENTS, at, name.length(), name, what);
        return new Bound.Const(at, Type.Invalid.INSTANCE, 0, 0, null);
    }
}
