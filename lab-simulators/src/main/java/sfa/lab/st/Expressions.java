package sfa.lab.st;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import sfa.lab.st.Type.Elementary;

/** Type-checks expressions and storage places for the {@link Checker}. */
final class Expressions {

    private static final Set<String> BUILTINS = Set.of("MIN", "MAX", "LIMIT", "SEL", "MUX", "ABS", "SQRT", "EXPT",
            "SHL", "SHR", "ROL", "ROR", "LEN", "CONCAT", "MOVE", "TRUNC", "LN", "LOG", "EXP", "SIN", "COS", "TAN",
            "ASIN", "ACOS", "ATAN");

    private final Checker c;

    Expressions(Checker checker) {
        this.c = checker;
    }

    private Bound.Expr invalid(Position at) {
        return new Bound.Const(at, Type.Invalid.INSTANCE, 0, 0, null);
    }

    /** How a target reads in a message: {@code Motor}, {@code T1.Q}, {@code Values[i]}. */
    static String describe(Ast.Expr e) {
        return switch (e) {
            case Ast.Name n -> n.name();
            case Ast.Member m -> describe(m.target()) + "." + m.member();
            case Ast.Index i -> describe(i.target()) + "[…]";
            case Ast.DirectAddress d -> d.address();
            default -> "value";
        };
    }

    // --- expressions ----------------------------------------------------------------------

    Bound.Expr check(Ast.Expr e) {
        return switch (e) {
            case Ast.BoolLiteral b -> new Bound.Const(b.position(), Elementary.BOOL, b.value() ? 1 : 0, 0, null);
            case Ast.IntLiteral i -> intLiteral(i);
            case Ast.RealLiteral r -> realLiteral(r);
            case Ast.TimeLiteral t -> new Bound.Const(t.position(), Elementary.TIME, t.millis(), 0, null);
            case Ast.StringLiteral s -> new Bound.Const(s.position(), new Type.StringType(Math.max(1, s.value().length())),
                    0, 0, s.value());
            case Ast.EnumLiteral el -> enumLiteral(el);
            case Ast.Name n -> name(n);
            case Ast.DirectAddress d -> {
                Variable v = c.directAddress(d);
                yield v == null ? invalid(d.position())
                        : new Bound.Load(d.position(), v.type(), new Bound.VarRef(v.type(), false, v.offset(), v));
            }
            case Ast.Member m -> load(m);
            case Ast.Index i -> load(i);
            case Ast.Unary u -> unary(u);
            case Ast.Binary b -> binary(b);
            case Ast.Call call -> call(call);
        };
    }

    private Bound.Expr load(Ast.Expr e) {
        Bound.Ref ref = place(e, false);
        return ref == null ? invalid(e.position()) : new Bound.Load(e.position(), ref.type(), ref);
    }

    private Bound.Expr intLiteral(Ast.IntLiteral i) {
        if (i.type() == null) {
            return new Bound.Const(i.position(), new Type.AnyInt(i.value(), false), i.value(), 0, null);
        }
        Elementary t = Elementary.named(i.type());
        if (t == null) {
            c.error(Message.UNKNOWN_TYPE, i.position(), i.type().length(), i.type());
            return invalid(i.position());
        }
        if (t.isReal()) {
            return new Bound.Const(i.position(), t, 0, (double) i.value(), null);
        }
        if (!t.fits(i.value(), false) && t != Elementary.BOOL) {
            c.error(Message.LITERAL_RANGE, i.position(), i.text().length(), i.text(), t.name(), t.min() + ".." + t.max());
        }
        return new Bound.Const(i.position(), t, t.wrap(i.value()), 0, null);
    }

    private Bound.Expr realLiteral(Ast.RealLiteral r) {
        if (r.type() == null) {
            return new Bound.Const(r.position(), new Type.AnyReal(), 0, r.value(), null);
        }
        Elementary t = Elementary.named(r.type());
        if (t == null || !t.isReal()) {
            c.error(Message.TYPE_MISMATCH, r.position(), r.text().length(), r.text(), r.type(), "a real number");
            return invalid(r.position());
        }
        return new Bound.Const(r.position(), t, 0, t == Elementary.REAL ? (float) r.value() : r.value(), null);
    }

    private Bound.Expr enumLiteral(Ast.EnumLiteral el) {
        Type t = c.resolveType(new Ast.NamedType(el.position(), el.type()));
        if (t instanceof Type.EnumType et) {
            int i = et.indexOf(el.value());
            if (i >= 0) {
                return new Bound.Const(el.position(), et, et.numbers()[i], 0, null);
            }
            c.error(Message.UNKNOWN_MEMBER, el.position(), el.value().length(), et.name(), el.value(),
                    String.join(", ", et.values()));
        } else if (!Typing.isInvalid(t)) {
            c.error(Message.TYPE_MISMATCH, el.position(), el.type().length(), el.type() + "#" + el.value(), t.name(),
                    "an enumeration value");
        }
        return invalid(el.position());
    }

    private Bound.Expr name(Ast.Name n) {
        Bound.Ref ref = lookup(n, false);
        if (ref != null) {
            return new Bound.Load(n.position(), ref.type(), ref);
        }
        List<Type.EnumType> enums = c.enumValues().get(n.name().toUpperCase(Locale.ROOT));
        if (enums != null && !enums.isEmpty()) {
            Type.EnumType et = enums.getFirst();
            return new Bound.Const(n.position(), et, et.numbers()[et.indexOf(n.name())], 0, null);
        }
        unknownName(n);
        return invalid(n.position());
    }

    private Bound.@Nullable Ref lookup(Ast.Name n, boolean quiet) {
        Variable v = c.current().variable(n.name());
        if (v != null) {
            c.markUsed(v);
            return new Bound.VarRef(v.type(), false, v.offset(), v);
        }
        Variable g = c.globals().variable(n.name());
        if (g != null) {
            c.markUsed(g);
            return new Bound.VarRef(g.type(), true, g.offset(), g);
        }
        return null;
    }

    private void unknownName(Ast.Name n) {
        Set<String> known = new TreeSet<>();
        c.current().variables().values().forEach(v -> known.add(v.name()));
        c.globals().variables().values().forEach(v -> known.add(v.name()));
        known.removeIf(k -> k.startsWith("%"));
        List<String> close = Names.closest(n.name(), known);
        if (close.isEmpty()) {
            c.error(Message.UNKNOWN_VARIABLE, n.position(), n.name().length(), n.name());
        } else {
            c.error(Message.UNKNOWN_VARIABLE_SUGGEST, n.position(), n.name().length(), n.name(), String.join(" or ", close));
        }
    }

    // --- places ---------------------------------------------------------------------------

    /** Resolves a variable, field, element or instance member; null (after a diagnostic) when it cannot. */
    Bound.@Nullable Ref place(Ast.Expr e, boolean write) {
        Bound.Ref ref = switch (e) {
            case Ast.Name n -> {
                Bound.Ref r = lookup(n, false);
                if (r == null) {
                    unknownName(n);
                }
                yield r;
            }
            case Ast.DirectAddress d -> {
                Variable v = c.directAddress(d);
                yield v == null ? null : new Bound.VarRef(v.type(), false, v.offset(), v);
            }
            case Ast.Member m -> member(m, write);
            case Ast.Index i -> element(i);
            default -> {
                c.error(Message.NOT_ASSIGNABLE, e.position(), 1);
                yield null;
            }
        };
        if (ref != null && write && !writable(ref, e)) {
            return null;
        }
        return ref;
    }

    private boolean writable(Bound.Ref ref, Ast.Expr e) {
        String name = describe(e);
        return switch (ref) {
            case Bound.VarRef v -> {
                Variable var = v.variable();
                if (var.constant()) {
                    c.error(Message.ASSIGN_TO_CONSTANT, e.position(), name.length(), name);
                    yield false;
                }
                if (var.location() != null && var.location().area().isInput()) {
                    c.error(Message.ASSIGN_TO_INPUT, e.position(), name.length(), name, var.location().toString());
                    yield false;
                }
                if (var.section() == Ast.Section.VAR_INPUT && !v.global()) {
                    c.error(Message.ASSIGN_TO_INPUT, e.position(), name.length(), name, "VAR_INPUT");
                    yield false;
                }
                if (c.isForCounter(var)) {
                    c.error(Message.ASSIGN_TO_LOOP_VARIABLE, e.position(), name.length(), name);
                    yield false;
                }
                yield true;
            }
            case Bound.FieldRef f -> writable(f.base(), e);
            case Bound.ElementRef el -> writable(el.base(), e);
            case Bound.MemberRef m -> {
                String instance = e instanceof Ast.Member am ? describe(am.target()) : name;
                if (m.member().section() == Ast.Section.VAR_INPUT) {
                    c.error(Message.ASSIGN_TO_FB_INPUT_OUTSIDE, e.position(), name.length(), instance, m.member().name());
                } else {
                    c.error(Message.NOT_ASSIGNABLE, e.position(), name.length());
                }
                yield false;
            }
        };
    }

    private Bound.@Nullable Ref member(Ast.Member m, boolean write) {
        Bound.Ref base = place(m.target(), false);
        if (base == null) {
            return null;
        }
        Type t = base.type();
        if (t instanceof Type.StructType st) {
            Type.Field f = st.field(m.member());
            if (f == null) {
                c.error(Message.UNKNOWN_MEMBER, m.position(), describe(m).length(), st.name(), m.member(),
                        String.join(", ", st.fields().stream().map(Type.Field::name).toList()));
                return null;
            }
            return new Bound.FieldRef(f.type(), base, f.offset());
        }
        if (t instanceof Type.FbType ft) {
            FunctionBlock fb = ft.block();
            Variable v = fb.variable(m.member());
            List<String> visible = fb.variables().values().stream()
                    .filter(x -> x.section() == Ast.Section.VAR_INPUT || x.section() == Ast.Section.VAR_OUTPUT)
                    .map(Variable::name).toList();
            if (v == null) {
                c.error(Message.UNKNOWN_MEMBER, m.position(), describe(m).length(), fb.name() + " " + describe(m.target()),
                        m.member(), String.join(", ", visible));
                return null;
            }
            if (v.section() != Ast.Section.VAR_INPUT && v.section() != Ast.Section.VAR_OUTPUT) {
                c.error(Message.NOT_READABLE, m.position(), describe(m).length(), m.member(), fb.name(), String.join(", ", visible));
                return null;
            }
            return new Bound.MemberRef(v.type(), base, v);
        }
        if (!Typing.isInvalid(t)) {
            c.error(Message.UNKNOWN_MEMBER, m.position(), describe(m).length(), t.name(), m.member(), "nothing");
        }
        return null;
    }

    private Bound.@Nullable Ref element(Ast.Index i) {
        Bound.Ref base = place(i.target(), false);
        List<Bound.Expr> indices = new ArrayList<>();
        for (Ast.Expr e : i.indices()) {
            Bound.Expr idx = check(e);
            if (!Typing.isIntegral(idx.type()) && !Typing.isInvalid(idx.type())) {
                c.error(Message.NOT_INTEGER, e.position(), 1, "an array index", idx.type().name());
            }
            indices.add(idx);
        }
        if (base == null) {
            return null;
        }
        if (!(base.type() instanceof Type.ArrayType at)) {
            if (!Typing.isInvalid(base.type())) {
                c.error(Message.NOT_AN_ARRAY, i.position(), describe(i.target()).length(), describe(i.target()));
            }
            return null;
        }
        if (indices.size() != at.low().length) {
            c.error(Message.INDEX_COUNT, i.position(), describe(i.target()).length(), describe(i.target()),
                    at.low().length, indices.size());
            return null;
        }
        for (int d = 0; d < indices.size(); d++) {
            Object k = Constants.fold(indices.get(d), c);
            if (k instanceof Long n && (n < at.low()[d] || n > at.high()[d])) {
                c.error(Message.INDEX_CONSTANT_OUT_OF_RANGE, i.indices().get(d).position(), 1, n, describe(i.target()),
                        at.low()[d], at.high()[d]);
                return null;
            }
        }
        return new Bound.ElementRef(at.element(), base, at, indices, i.position(), describe(i.target()));
    }

    // --- operators ------------------------------------------------------------------------

    private Bound.Expr unary(Ast.Unary u) {
        if (u.op() == Ast.UnaryOp.NEGATE && u.operand() instanceof Ast.IntLiteral lit && lit.type() != null) {
            // INT#-32768: the sign belongs to the literal, so the type's minimum is reachable
            Elementary t = Elementary.named(lit.type());
            if (t != null && t.isIntegral() && !(t.bits == 64 && !t.signed)) {
                long v = -lit.value();
                if (!t.fits(v, true)) {
                    c.error(Message.LITERAL_RANGE, u.position(), lit.text().length() + 1, "-" + lit.text(), t.name(),
                            t.min() + ".." + t.max());
                }
                return new Bound.Const(u.position(), t, t.wrap(v), 0, null);
            }
        }
        Bound.Expr operand = check(u.operand());
        Type t = operand.type();
        if (Typing.isInvalid(t)) {
            return operand;
        }
        if (u.op() == Ast.UnaryOp.NEGATE) {
            if (operand instanceof Bound.Const k && t instanceof Type.AnyInt ai) {
                return new Bound.Const(u.position(), new Type.AnyInt(-ai.value(), !ai.negative()), -k.bits(), 0, null);
            }
            if (operand instanceof Bound.Const k && t instanceof Type.AnyReal) {
                return new Bound.Const(u.position(), t, 0, -k.real(), null);
            }
            if ((Typing.isNumeric(t) && !(t instanceof Elementary e && !e.signed && e.isInteger())) || Typing.isTime(t)) {
                return new Bound.Unary(u.position(), t, u.op(), operand);
            }
        } else if (Typing.isBool(t) || (t instanceof Elementary e && e.isBits())) {
            return new Bound.Unary(u.position(), t, u.op(), operand);
        }
        c.error(Message.OPERAND_TYPE, u.position(), u.op().symbol.length(), u.op().symbol, t.name());
        return invalid(u.position());
    }

    /**
     * A chain {@code a + b - c …} is a tree leaning left as deep as the chain is long: its left spine is walked
     * in a loop, so only right operands (short, unless bracketed) recurse.
     */
    private Bound.Expr binary(Ast.Binary b) {
        java.util.ArrayDeque<Ast.Binary> spine = new java.util.ArrayDeque<>();
        Ast.Expr leftmost = b;
        while (leftmost instanceof Ast.Binary inner) {
            spine.push(inner);
            leftmost = inner.left();
        }
        Bound.Expr left = check(leftmost);
        for (Ast.Binary node : spine) {
            left = binary(node, left, check(node.right()));
        }
        return left;
    }

    private Bound.Expr binary(Ast.Binary b, Bound.Expr left, Bound.Expr right) {
        Type lt = left.type();
        Type rt = right.type();
        if (Typing.isInvalid(lt) || Typing.isInvalid(rt)) {
            return invalid(b.position());
        }
        Ast.BinaryOp op = b.op();
        String sym = op.symbol;
        switch (op) {
            case AND, OR, XOR -> {
                Type common = Typing.common(lt, rt);
                if (common != null && (Typing.isBool(common) || (common instanceof Elementary e && e.isBits()))) {
                    return bin(b, common, common, left, right);
                }
            }
            case EQ, NE, LT, LE, GT, GE -> {
                Type common = Typing.common(lt, rt);
                boolean ordered = op != Ast.BinaryOp.EQ && op != Ast.BinaryOp.NE;
                if (common != null && (Typing.isNumeric(common) || Typing.isTime(common) || Typing.isIntegral(common)
                        || Typing.isString(common) || (!ordered && (Typing.isBool(common) || common instanceof Type.EnumType))
                        || (ordered && common instanceof Type.EnumType))) {
                    return bin(b, Elementary.BOOL, Typing.concrete(common), left, right);
                }
            }
            case ADD, SUB, MUL, DIV, MOD -> {
                if (Typing.isTime(lt) || Typing.isTime(rt)) {
                    Bound.Expr timed = timeArithmetic(b, left, right);
                    if (timed != null) {
                        return timed;
                    }
                } else {
                    Type common = Typing.common(lt, rt);
                    boolean ok = common != null && (op == Ast.BinaryOp.MOD ? Typing.isInteger(common) : Typing.isNumeric(common));
                    if (ok) {
                        if (isLiteral(lt) && isLiteral(rt)) {
                            boolean real = lt instanceof Type.AnyReal || rt instanceof Type.AnyReal;
                            Type t = real ? Elementary.LREAL : Elementary.LINT;
                            Object folded = Constants.fold(new Bound.Binary(b.position(), t, op, t, widen(left, t),
                                    widen(right, t)), c);
                            if (folded instanceof Long n) {
                                return new Bound.Const(b.position(), new Type.AnyInt(n, n < 0), n, 0, null);
                            }
                            if (folded instanceof Double d) {
                                return new Bound.Const(b.position(), new Type.AnyReal(), 0, d, null);
                            }
                            c.error(Message.DIVISION_BY_ZERO, b.position(), 1, b.position().line(), b.position().column());
                            return invalid(b.position());
                        }
                        Type t = Typing.concrete(common);
                        return bin(b, t, t, left, right);
                    }
                }
            }
            case POW -> {
                if (Typing.isNumeric(lt) && Typing.isNumeric(rt)) {
                    Type t = lt == Elementary.LREAL || rt == Elementary.LREAL ? Elementary.LREAL : Elementary.REAL;
                    return new Bound.Builtin(b.position(), t, "EXPT", List.of(toReal(left, t), toReal(right, t)));
                }
            }
        }
        if (Typing.common(lt, rt) == null && !lt.equals(rt)) {
            c.error(Message.OPERANDS_DIFFER, b.position(), 1, sym, lt.name(), rt.name());
        } else {
            c.error(Message.OPERAND_TYPE, b.position(), 1, sym, lt.name());
        }
        return invalid(b.position());
    }

    private static boolean isLiteral(Type t) {
        return t instanceof Type.AnyInt || t instanceof Type.AnyReal;
    }

    private Bound.Expr bin(Ast.Binary b, Type result, Type operands, Bound.Expr left, Bound.Expr right) {
        return new Bound.Binary(b.position(), result, b.op(), operands, widen(left, operands), widen(right, operands));
    }

    private Bound.@Nullable Expr timeArithmetic(Ast.Binary b, Bound.Expr left, Bound.Expr right) {
        Type lt = left.type();
        Type rt = right.type();
        Elementary time = Elementary.TIME;
        if ((b.op() == Ast.BinaryOp.ADD || b.op() == Ast.BinaryOp.SUB) && Typing.isTime(lt) && Typing.isTime(rt)) {
            return new Bound.Binary(b.position(), time, b.op(), time, left, right);
        }
        if ((b.op() == Ast.BinaryOp.MUL || b.op() == Ast.BinaryOp.DIV) && Typing.isTime(lt) && Typing.isInteger(rt)) {
            return new Bound.Binary(b.position(), time, b.op(), time, left, widen(right, time));
        }
        if (b.op() == Ast.BinaryOp.MUL && Typing.isInteger(lt) && Typing.isTime(rt)) {
            return new Bound.Binary(b.position(), time, b.op(), time, widen(left, time), right);
        }
        return null;
    }

    /** Makes the implicit widening of {@code e} to {@code to} explicit (literals become constants of that type). */
    Bound.Expr widen(Bound.Expr e, Type to) {
        Type from = e.type();
        if (from.equals(to) || Typing.isInvalid(from) || Typing.isInvalid(to)) {
            return e;
        }
        if (e instanceof Bound.Const k && from instanceof Type.AnyInt) {
            if (to == Elementary.REAL) {
                return new Bound.Const(k.position(), to, 0, (float) k.bits(), null);
            }
            if (to == Elementary.LREAL || to instanceof Type.AnyReal) {
                return new Bound.Const(k.position(), to, 0, (double) k.bits(), null);
            }
            return new Bound.Const(k.position(), to, to instanceof Elementary t ? t.wrap(k.bits()) : k.bits(), 0, null);
        }
        if (e instanceof Bound.Const k && from instanceof Type.AnyReal) {
            return new Bound.Const(k.position(), to, 0, to == Elementary.REAL ? (float) k.real() : k.real(), null);
        }
        if (from instanceof Type.StringType && to instanceof Type.StringType) {
            return e;
        }
        return new Bound.Convert(e.position(), to, e, false);
    }

    private Bound.Expr toReal(Bound.Expr e, Type real) {
        return Typing.isReal(e.type()) && e.type().equals(real) ? e : widen(e, real);
    }

    /** The value converted for a place of type {@code target}, or a diagnostic naming both types. */
    Bound.Expr coerce(Bound.Expr value, Type target, Position at, String name) {
        Type from = value.type();
        if (Typing.isInvalid(from) || Typing.isInvalid(target) || from.equals(target)) {
            return value;
        }
        if ((from instanceof Type.AnyInt || from instanceof Type.AnyReal) && Typing.literalFits(from, target)) {
            return widen(value, target);
        }
        if (from instanceof Type.AnyInt ai && target instanceof Elementary e && e.isIntegral()) {
            c.error(Message.LITERAL_RANGE, at, 1, ai.value(), e.name(), e.min() + ".." + e.max());
            return value;
        }
        if (Typing.widens(from, target)) {
            return widen(value, target);
        }
        String conversion = Typing.conversionFunction(from, target);
        if (conversion != null && from != Elementary.BOOL && target != Elementary.BOOL) {
            c.error(Message.TYPE_MISMATCH_NEEDS_CONVERSION, at, 1, name, target.name(),
                    Typing.concrete(from).name(), conversion);
        } else {
            c.error(Message.TYPE_MISMATCH, at, 1, name, target.name(), Typing.concrete(from).name());
        }
        return value;
    }

    // --- calls ------------------------------------------------------------------------------

    /** A call of a function block instance as a statement, or null when the callee is not an instance. */
    Bound.@Nullable Stmt instanceCall(Ast.Call call) {
        Ast.Expr callee = call.callee();
        if (callee instanceof Ast.Name n && lookup(n, true) == null) {
            return null;
        }
        Bound.Ref instance = place(callee, false);
        if (instance == null) {
            return new Bound.Evaluate(call.position(), invalid(call.position()));
        }
        if (!(instance.type() instanceof Type.FbType ft)) {
            if (!Typing.isInvalid(instance.type())) {
                c.error(Message.STRUCT_CALLED, callee.position(), describe(callee).length(), describe(callee));
            }
            return new Bound.Evaluate(call.position(), invalid(call.position()));
        }
        FunctionBlock fb = ft.block();
        List<Variable> inputs = fb.variables().values().stream()
                .filter(v -> v.section() == Ast.Section.VAR_INPUT || v.section() == Ast.Section.VAR_IN_OUT).toList();
        List<Bound.Input> ins = new ArrayList<>();
        List<Bound.Output> outs = new ArrayList<>();
        int positional = 0;
        for (Ast.Argument a : call.arguments()) {
            if (a.name() == null) {
                if (positional >= inputs.size()) {
                    c.error(Message.WRONG_ARGUMENTS, a.position(), 1, fb.name(), inputs.size() + " inputs");
                    continue;
                }
                Variable p = inputs.get(positional++);
                ins.add(new Bound.Input(p, coerce(check(a.value()), p.type(), a.value().position(), p.name())));
                continue;
            }
            Variable p = fb.variable(a.name());
            boolean isInput = p != null && (p.section() == Ast.Section.VAR_INPUT || p.section() == Ast.Section.VAR_IN_OUT);
            boolean isOutput = p != null && p.section() == Ast.Section.VAR_OUTPUT;
            if (a.output() ? !isOutput : !isInput) {
                List<String> names = fb.variables().values().stream()
                        .filter(v -> a.output() ? v.section() == Ast.Section.VAR_OUTPUT
                                : v.section() == Ast.Section.VAR_INPUT || v.section() == Ast.Section.VAR_IN_OUT)
                        .map(v -> v.name() + (a.output() ? " =>" : " :=")).toList();
                c.error(Message.UNKNOWN_PARAMETER, a.position(), a.name().length(), fb.name(), a.name(), String.join(", ", names));
                continue;
            }
            if (a.output()) {
                Bound.Ref target = place(a.value(), true);
                if (p.type() instanceof Type.StructType || p.type() instanceof Type.ArrayType) {
                    c.error(Message.AGGREGATE_PARAMETER, a.position(), a.name().length(), a.name(), p.type().name());
                    continue;
                }
                if (target != null) {
                    if (!Typing.widens(p.type(), target.type()) && !Typing.isInvalid(target.type())) {
                        c.error(Message.TYPE_MISMATCH, a.value().position(), describe(a.value()).length(),
                                describe(a.value()), target.type().name(), p.type().name());
                    } else {
                        outs.add(new Bound.Output(p, target));
                    }
                }
            } else {
                ins.add(new Bound.Input(p, coerce(check(a.value()), p.type(), a.value().position(), p.name())));
                if (p.section() == Ast.Section.VAR_IN_OUT) {
                    // IN_OUT is passed by value and result: the block's changes are copied back after the call
                    Bound.Ref back = place(a.value(), true);
                    if (back != null && back.type().equals(p.type())) {
                        outs.add(new Bound.Output(p, back));
                    }
                }
            }
        }
        if (!fb.standard()) {
            c.recordCall(fb);
        }
        return new Bound.FbCall(call.position(), instance, fb, ins, outs);
    }

    private Bound.Expr call(Ast.Call call) {
        if (!(call.callee() instanceof Ast.Name n)) {
            c.error(Message.STRUCT_CALLED, call.position(), 1, describe(call.callee()));
            return invalid(call.position());
        }
        String name = n.name().toUpperCase(Locale.ROOT);
        Bound.Ref asVariable = lookup(n, true);
        if (asVariable != null && c.pous().get(name) == null) {
            if (asVariable.type() instanceof Type.FbType) {
                c.error(Message.FB_CALL_IN_EXPRESSION, n.position(), n.name().length(), n.name());
            } else {
                c.error(Message.STRUCT_CALLED, n.position(), n.name().length(), n.name());
            }
            return invalid(call.position());
        }
        FunctionBlock fn = c.pous().get(name);
        if (fn != null && fn.kind() == Ast.PouKind.FUNCTION) {
            return userFunction(call, fn);
        }
        if (fn != null || c.standard().get(name) != null) {
            c.error(Message.FB_NEEDS_INSTANCE, n.position(), n.name().length(), n.name());
            return invalid(call.position());
        }
        List<Bound.Expr> args = new ArrayList<>();
        for (Ast.Argument a : call.arguments()) {
            args.add(check(a.value()));
        }
        Bound.Expr conversion = Builtins.conversion(call, name, args, this, c);
        if (conversion != null) {
            return conversion;
        }
        if (BUILTINS.contains(name)) {
            return Builtins.check(call, name, args, this, c);
        }
        Set<String> known = new TreeSet<>(BUILTINS);
        c.pous().values().stream().filter(p -> p.kind() == Ast.PouKind.FUNCTION).forEach(p -> known.add(p.name()));
        List<String> close = Names.closest(n.name(), known);
        if (close.isEmpty()) {
            c.error(Message.UNKNOWN_FUNCTION, n.position(), n.name().length(), n.name());
        } else {
            c.error(Message.UNKNOWN_FUNCTION_SUGGEST, n.position(), n.name().length(), n.name(), String.join(" or ", close));
        }
        return invalid(call.position());
    }

    private Bound.Expr userFunction(Ast.Call call, FunctionBlock fn) {
        List<Variable> inputs = fn.variables().values().stream()
                .filter(v -> v.section() == Ast.Section.VAR_INPUT || v.section() == Ast.Section.VAR_IN_OUT).toList();
        Bound.Expr[] args = new Bound.Expr[inputs.size()];
        int positional = 0;
        for (Ast.Argument a : call.arguments()) {
            Variable p;
            if (a.name() == null) {
                p = positional < inputs.size() ? inputs.get(positional++) : null;
            } else {
                p = fn.variable(a.name());
                if (p != null && !inputs.contains(p)) {
                    p = null;
                }
            }
            if (p == null || a.output()) {
                c.error(Message.WRONG_ARGUMENTS, a.position(), 1, fn.name(), inputs.size() + " inputs ("
                        + String.join(", ", inputs.stream().map(Variable::name).toList()) + ")");
                continue;
            }
            args[inputs.indexOf(p)] = coerce(check(a.value()), p.type(), a.value().position(), p.name());
        }
        List<Bound.Expr> ordered = new ArrayList<>();
        java.util.Collections.addAll(ordered, args);
        c.recordCall(fn);
        Variable result = fn.result();
        Type type = result == null ? Type.Invalid.INSTANCE : result.type();
        return new Bound.CallFunction(call.position(), type, fn, java.util.Collections.unmodifiableList(ordered));
    }
}
