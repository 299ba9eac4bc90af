package sfa.lab.st;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_double;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static java.lang.constant.ConstantDescs.CD_void;
import static sfa.lab.st.BytecodeCompiler.CD_FAULT;
import static sfa.lab.st.BytecodeCompiler.CD_FB;
import static sfa.lab.st.BytecodeCompiler.CD_FRAME;
import static sfa.lab.st.BytecodeCompiler.CD_LONG;
import static sfa.lab.st.BytecodeCompiler.CD_MATH;
import static sfa.lab.st.BytecodeCompiler.CD_RUNTIME;
import static sfa.lab.st.BytecodeCompiler.POU;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.MethodTypeDesc;
import java.util.List;
import sfa.lab.st.Type.Elementary;

/** Bytecode for expressions, one method per value kind; part of {@link BytecodeCompiler}. */
final class Exprs {

    private static final MethodTypeDesc J_J = MethodTypeDesc.of(CD_long, CD_long);
    private static final MethodTypeDesc J_JJ = MethodTypeDesc.of(CD_long, CD_long, CD_long);
    private static final MethodTypeDesc D_D = MethodTypeDesc.of(CD_double, CD_double);
    private static final MethodTypeDesc D_DD = MethodTypeDesc.of(CD_double, CD_double, CD_double);
    private static final MethodTypeDesc SHIFT = MethodTypeDesc.of(CD_long, CD_long, CD_long, CD_int, CD_boolean);

    private Exprs() {
    }

    /** Emits {@code e} in its natural kind and says which. */
    static TypeKind value(BytecodeCompiler.Body b, Bound.Expr e) {
        return switch (Codegen.kind(e.type())) {
            case BOOL, LONG -> {
                lng(b, e);
                yield TypeKind.LONG;
            }
            case DOUBLE -> {
                dbl(b, e);
                yield TypeKind.DOUBLE;
            }
            case OBJECT -> {
                obj(b, e);
                yield TypeKind.REFERENCE;
            }
        };
    }

    /** Wraps the long on the stack to the width of {@code t}. */
    static void wrap(BytecodeCompiler.Body b, Elementary t) {
        CodeBuilder c = b.code();
        switch (t) {
            case SINT -> c.l2i().i2b().i2l();
            case INT -> c.l2i().i2s().i2l();
            case DINT -> c.l2i().i2l();
            case USINT, BYTE -> c.loadConstant(0xFFL).land();
            case UINT, WORD -> c.loadConstant(0xFFFFL).land();
            case UDINT, DWORD -> c.loadConstant(0xFFFF_FFFFL).land();
            case BOOL -> c.loadConstant(1L).land();
            default -> {
            }
        }
    }

    private static Elementary width(Type t) {
        return t instanceof Elementary e ? e : Elementary.LINT;
    }

    // --- BOOL (an int 0/1 on the stack) ----------------------------------------------------

    static void bool(BytecodeCompiler.Body b, Bound.Expr e) {
        CodeBuilder c = b.code();
        switch (e) {
            case Bound.Const k -> c.loadConstant(k.bits() != 0 ? 1 : 0);
            case Bound.Unary u -> {
                bool(b, u.operand());
                c.iconst_1().ixor();
            }
            case Bound.Binary bin when bin.operandType() == Elementary.BOOL -> {
                switch (bin.op()) {
                    case AND -> {
                        Label no = c.newLabel();
                        Label end = c.newLabel();
                        bool(b, bin.left());
                        c.ifeq(no);
                        bool(b, bin.right());
                        c.goto_(end);
                        c.labelBinding(no);
                        c.iconst_0();
                        c.labelBinding(end);
                    }
                    case OR -> {
                        Label yes = c.newLabel();
                        Label end = c.newLabel();
                        bool(b, bin.left());
                        c.ifne(yes);
                        bool(b, bin.right());
                        c.goto_(end);
                        c.labelBinding(yes);
                        c.iconst_1();
                        c.labelBinding(end);
                    }
                    case XOR, NE -> {
                        bool(b, bin.left());
                        bool(b, bin.right());
                        c.ixor();
                    }
                    case EQ -> {
                        bool(b, bin.left());
                        bool(b, bin.right());
                        c.ixor().iconst_1().ixor();
                    }
                    default -> throw new IllegalStateException(bin.op() + " on BOOL");
                }
            }
            case Bound.Binary bin when isComparison(bin.op()) -> compare(b, bin);
            default -> {
                lng(b, e);
                c.l2i();
            }
        }
    }

    private static boolean isComparison(Ast.BinaryOp op) {
        return switch (op) {
            case EQ, NE, LT, LE, GT, GE -> true;
            default -> false;
        };
    }

    /** Compares the operands and pushes 0/1. */
    private static void compare(BytecodeCompiler.Body b, Bound.Binary bin) {
        CodeBuilder c = b.code();
        Type t = bin.operandType();
        if (Typing.isReal(t)) {
            dbl(b, bin.left());
            dbl(b, bin.right());
            // dcmpg for < and <=, dcmpl for > and >=: NaN compares false either way
            if (bin.op() == Ast.BinaryOp.LT || bin.op() == Ast.BinaryOp.LE) {
                c.dcmpg();
            } else {
                c.dcmpl();
            }
        } else if (Typing.isString(t)) {
            obj(b, bin.left());
            obj(b, bin.right());
            c.invokestatic(CD_RUNTIME, "compareStrings", MethodTypeDesc.of(CD_int, CD_Object, CD_Object));
        } else {
            lng(b, bin.left());
            lng(b, bin.right());
            if (t instanceof Elementary el && el.bits == 64 && !el.signed) {
                c.invokestatic(CD_LONG, "compareUnsigned", MethodTypeDesc.of(CD_int, CD_long, CD_long));
            } else {
                c.lcmp();
            }
        }
        Label yes = c.newLabel();
        Label end = c.newLabel();
        switch (bin.op()) {
            case EQ -> c.ifeq(yes);
            case NE -> c.ifne(yes);
            case LT -> c.iflt(yes);
            case LE -> c.ifle(yes);
            case GT -> c.ifgt(yes);
            case GE -> c.ifge(yes);
            default -> throw new IllegalStateException(bin.op().name());
        }
        c.iconst_0().goto_(end);
        c.labelBinding(yes);
        c.iconst_1();
        c.labelBinding(end);
    }

    // --- integers, bit strings, TIME, enums (a long on the stack) ---------------------------

    static void lng(BytecodeCompiler.Body b, Bound.Expr e) {
        CodeBuilder c = b.code();
        Type t = e.type();
        if (t == Elementary.BOOL && (e instanceof Bound.Unary || e instanceof Bound.Binary)) {
            bool(b, e);
            c.i2l();
            return;
        }
        switch (e) {
            case Bound.Const k -> c.loadConstant(k.bits());
            case Bound.Load l -> {
                b.array(l.ref(), Access.Slots.LONG);
                b.index(l.ref(), Access.Slots.LONG);
                c.laload();
            }
            case Bound.Unary u -> {
                lng(b, u.operand());
                if (u.op() == Ast.UnaryOp.NEGATE) {
                    c.lneg();
                } else {
                    c.loadConstant(-1L).lxor();
                }
                wrap(b, width(t));
            }
            case Bound.Binary bin -> longBinary(b, bin);
            case Bound.Convert cv -> longConvert(b, cv);
            case Bound.CallFunction call -> {
                callFunction(b, call);
                c.getfield(CD_FRAME, "l", CD_long.arrayType()).loadConstant(call.function().result().offset().longs()).laload();
            }
            case Bound.Builtin bi -> longBuiltin(b, bi);
        }
    }

    private static void longBinary(BytecodeCompiler.Body b, Bound.Binary bin) {
        CodeBuilder c = b.code();
        Elementary w = width(bin.type());
        boolean unsigned64 = w.bits == 64 && !w.signed;
        lng(b, bin.left());
        lng(b, bin.right());
        switch (bin.op()) {
            case ADD -> c.ladd();
            case SUB -> c.lsub();
            case MUL -> c.lmul();
            case DIV, MOD -> {
                Label ok = c.newLabel();
                c.dup2().lconst_0().lcmp().ifne(ok);
                c.loadConstant(bin.position().line()).loadConstant(bin.position().column())
                        .invokestatic(CD_RUNTIME, "divisionByZero", MethodTypeDesc.of(CD_FAULT, CD_int, CD_int)).athrow();
                c.labelBinding(ok);
                if (unsigned64) {
                    c.invokestatic(CD_LONG, bin.op() == Ast.BinaryOp.DIV ? "divideUnsigned" : "remainderUnsigned", J_JJ);
                } else if (bin.op() == Ast.BinaryOp.DIV) {
                    c.ldiv();
                } else {
                    c.lrem();
                }
            }
            case AND -> c.land();
            case OR -> c.lor();
            case XOR -> c.lxor();
            default -> throw new IllegalStateException(bin.op() + " on integers");
        }
        wrap(b, w);
    }

    private static void longConvert(BytecodeCompiler.Body b, Bound.Convert cv) {
        CodeBuilder c = b.code();
        Elementary to = width(cv.type());
        Type from = cv.from().type();
        if (Typing.isReal(from)) {
            dbl(b, cv.from());
            if (to == Elementary.BOOL) {
                Label zero = c.newLabel();
                Label end = c.newLabel();
                c.dconst_0().dcmpl().ifeq(zero);
                c.lconst_1().goto_(end);
                c.labelBinding(zero);
                c.lconst_0();
                c.labelBinding(end);
                return;
            }
            if (!cv.truncate()) {
                // IEC 61131-3: REAL to integer rounds to the nearest, ties to even
                c.invokestatic(CD_MATH, "rint", D_D);
            }
            c.d2l();
            wrap(b, to);
            return;
        }
        lng(b, cv.from());
        if (to == Elementary.BOOL) {
            Label zero = c.newLabel();
            Label end = c.newLabel();
            c.lconst_0().lcmp().ifeq(zero);
            c.lconst_1().goto_(end);
            c.labelBinding(zero);
            c.lconst_0();
            c.labelBinding(end);
            return;
        }
        wrap(b, to);
    }

    private static void longBuiltin(BytecodeCompiler.Body b, Bound.Builtin bi) {
        CodeBuilder c = b.code();
        List<Bound.Expr> a = bi.args();
        Elementary w = width(bi.type());
        boolean unsigned64 = w.bits == 64 && !w.signed;
        switch (bi.name()) {
            case "MIN", "MAX" -> {
                lng(b, a.getFirst());
                for (int i = 1; i < a.size(); i++) {
                    lng(b, a.get(i));
                    if (unsigned64) {
                        int y = c.allocateLocal(TypeKind.LONG);
                        int x = c.allocateLocal(TypeKind.LONG);
                        c.lstore(y).lstore(x);
                        Label keepX = c.newLabel();
                        Label end = c.newLabel();
                        c.lload(x).lload(y).invokestatic(CD_LONG, "compareUnsigned", MethodTypeDesc.of(CD_int, CD_long, CD_long));
                        if (bi.name().equals("MAX")) {
                            c.ifge(keepX);
                        } else {
                            c.ifle(keepX);
                        }
                        c.lload(y).goto_(end);
                        c.labelBinding(keepX);
                        c.lload(x);
                        c.labelBinding(end);
                    } else {
                        c.invokestatic(CD_MATH, bi.name().equals("MAX") ? "max" : "min", J_JJ);
                    }
                }
            }
            case "LIMIT" -> {
                if (unsigned64) {
                    lng(b, a.get(0));
                    lng(b, a.get(1));
                    lng(b, a.get(2));
                    c.invokestatic(CD_RUNTIME, "limitUnsigned", MethodTypeDesc.of(CD_long, CD_long, CD_long, CD_long));
                } else {
                    lng(b, a.get(1));
                    lng(b, a.get(0));
                    c.invokestatic(CD_MATH, "max", J_JJ);
                    lng(b, a.get(2));
                    c.invokestatic(CD_MATH, "min", J_JJ);
                }
            }
            case "SEL" -> {
                Label one = c.newLabel();
                Label end = c.newLabel();
                bool(b, a.get(0));
                c.ifne(one);
                lng(b, a.get(1));
                c.goto_(end);
                c.labelBinding(one);
                lng(b, a.get(2));
                c.labelBinding(end);
            }
            case "MUX" -> mux(b, a, () -> TypeKind.LONG);
            case "MOVE" -> lng(b, a.getFirst());
            case "ABS" -> {
                lng(b, a.getFirst());
                c.invokestatic(CD_MATH, "abs", J_J);
                wrap(b, w);
            }
            case "SHL", "SHR", "ROL", "ROR" -> {
                lng(b, a.get(0));
                lng(b, a.get(1));
                c.loadConstant(w.bits).loadConstant(w.signed ? 1 : 0);
                c.invokestatic(CD_RUNTIME, bi.name().toLowerCase(java.util.Locale.ROOT), SHIFT);
            }
            case "LEN" -> {
                obj(b, a.getFirst());
                c.invokestatic(CD_RUNTIME, "length", MethodTypeDesc.of(CD_long, CD_Object));
            }
            default -> throw new IllegalStateException(bi.name() + " has no integer form");
        }
    }

    /** MUX(K, IN0, IN1, …): K clamped to the inputs, then a chain of comparisons. */
    private static void mux(BytecodeCompiler.Body b, List<Bound.Expr> a, java.util.function.Supplier<TypeKind> kind) {
        CodeBuilder c = b.code();
        int k = c.allocateLocal(TypeKind.LONG);
        lng(b, a.getFirst());
        c.lconst_0().invokestatic(CD_MATH, "max", J_JJ).loadConstant((long) (a.size() - 2)).invokestatic(CD_MATH, "min", J_JJ)
                .lstore(k);
        Label end = c.newLabel();
        for (int i = 1; i < a.size(); i++) {
            Label next = c.newLabel();
            if (i < a.size() - 1) {
                c.lload(k).loadConstant((long) (i - 1)).lcmp().ifne(next);
            }
            value(b, a.get(i));
            c.goto_(end);
            c.labelBinding(next);
        }
        c.labelBinding(end);
    }

    // --- REAL, LREAL (a double on the stack) ------------------------------------------------

    static void dbl(BytecodeCompiler.Body b, Bound.Expr e) {
        CodeBuilder c = b.code();
        boolean single = e.type() == Elementary.REAL;
        switch (e) {
            case Bound.Const k -> c.loadConstant(k.real());
            case Bound.Load l -> {
                b.array(l.ref(), Access.Slots.DOUBLE);
                b.index(l.ref(), Access.Slots.DOUBLE);
                c.daload();
            }
            case Bound.Unary u -> {
                dbl(b, u.operand());
                c.dneg();
            }
            case Bound.Binary bin -> {
                dbl(b, bin.left());
                dbl(b, bin.right());
                switch (bin.op()) {
                    case ADD -> c.dadd();
                    case SUB -> c.dsub();
                    case MUL -> c.dmul();
                    case DIV -> {
                        Label ok = c.newLabel();
                        c.dup2().dconst_0().dcmpl().ifne(ok);
                        c.loadConstant(bin.position().line()).loadConstant(bin.position().column())
                                .invokestatic(CD_RUNTIME, "divisionByZero", MethodTypeDesc.of(CD_FAULT, CD_int, CD_int)).athrow();
                        c.labelBinding(ok);
                        c.ddiv();
                    }
                    default -> throw new IllegalStateException(bin.op() + " on reals");
                }
                if (single) {
                    c.d2f().f2d();
                }
            }
            case Bound.Convert cv -> {
                Type from = cv.from().type();
                if (Typing.isReal(from)) {
                    dbl(b, cv.from());
                } else {
                    lng(b, cv.from());
                    if (from instanceof Elementary el && el.bits == 64 && !el.signed) {
                        c.invokestatic(CD_RUNTIME, "unsignedToDouble", MethodTypeDesc.of(CD_double, CD_long));
                    } else {
                        c.l2d();
                    }
                }
                if (single) {
                    c.d2f().f2d();
                }
            }
            case Bound.CallFunction call -> {
                callFunction(b, call);
                c.getfield(CD_FRAME, "d", CD_double.arrayType()).loadConstant(call.function().result().offset().doubles()).daload();
            }
            case Bound.Builtin bi -> {
                realBuiltin(b, bi);
                if (single) {
                    c.d2f().f2d();
                }
            }
        }
    }

    private static void realBuiltin(BytecodeCompiler.Body b, Bound.Builtin bi) {
        CodeBuilder c = b.code();
        List<Bound.Expr> a = bi.args();
        switch (bi.name()) {
            case "MIN", "MAX" -> {
                dbl(b, a.getFirst());
                for (int i = 1; i < a.size(); i++) {
                    dbl(b, a.get(i));
                    c.invokestatic(CD_MATH, bi.name().equals("MAX") ? "max" : "min", D_DD);
                }
            }
            case "LIMIT" -> {
                dbl(b, a.get(1));
                dbl(b, a.get(0));
                c.invokestatic(CD_MATH, "max", D_DD);
                dbl(b, a.get(2));
                c.invokestatic(CD_MATH, "min", D_DD);
            }
            case "SEL" -> {
                Label one = c.newLabel();
                Label end = c.newLabel();
                bool(b, a.get(0));
                c.ifne(one);
                dbl(b, a.get(1));
                c.goto_(end);
                c.labelBinding(one);
                dbl(b, a.get(2));
                c.labelBinding(end);
            }
            case "MUX" -> mux(b, a, () -> TypeKind.DOUBLE);
            case "MOVE" -> dbl(b, a.getFirst());
            case "ABS" -> {
                dbl(b, a.getFirst());
                c.invokestatic(CD_MATH, "abs", D_D);
            }
            case "SQRT" -> {
                dbl(b, a.getFirst());
                c.loadConstant(bi.position().line()).loadConstant(bi.position().column())
                        .invokestatic(CD_RUNTIME, "sqrt", MethodTypeDesc.of(CD_double, CD_double, CD_int, CD_int));
            }
            case "LN", "LOG", "EXP", "SIN", "COS", "TAN", "ASIN", "ACOS", "ATAN" -> {
                dbl(b, a.getFirst());
                String m = switch (bi.name()) {
                    case "LN" -> "log";
                    case "LOG" -> "log10";
                    default -> bi.name().toLowerCase(java.util.Locale.ROOT);
                };
                c.invokestatic(CD_MATH, m, D_D);
            }
            case "EXPT" -> {
                dbl(b, a.get(0));
                dbl(b, a.get(1));
                c.invokestatic(CD_MATH, "pow", D_DD);
            }
            default -> throw new IllegalStateException(bi.name() + " has no real form");
        }
    }

    // --- STRING (an Object on the stack) ----------------------------------------------------

    static void obj(BytecodeCompiler.Body b, Bound.Expr e) {
        CodeBuilder c = b.code();
        switch (e) {
            case Bound.Const k -> c.ldc(k.text() == null ? "" : k.text());
            case Bound.Load l -> {
                b.array(l.ref(), Access.Slots.OBJECT);
                b.index(l.ref(), Access.Slots.OBJECT);
                c.aaload();
            }
            case Bound.CallFunction call -> {
                callFunction(b, call);
                c.getfield(CD_FRAME, "o", CD_Object.arrayType()).loadConstant(call.function().result().offset().objects()).aaload();
            }
            case Bound.Builtin bi when bi.name().equals("CONCAT") -> {
                obj(b, bi.args().getFirst());
                for (int i = 1; i < bi.args().size(); i++) {
                    obj(b, bi.args().get(i));
                    c.invokestatic(CD_RUNTIME, "concat", MethodTypeDesc.of(CD_Object, CD_Object, CD_Object));
                }
            }
            case Bound.Builtin bi when bi.name().equals("SEL") -> {
                Label one = c.newLabel();
                Label end = c.newLabel();
                bool(b, bi.args().get(0));
                c.ifne(one);
                obj(b, bi.args().get(1));
                c.goto_(end);
                c.labelBinding(one);
                obj(b, bi.args().get(2));
                c.labelBinding(end);
            }
            case Bound.Builtin bi when bi.name().equals("MOVE") -> obj(b, bi.args().getFirst());
            case Bound.Builtin bi when bi.name().equals("MUX") -> mux(b, bi.args(), () -> TypeKind.REFERENCE);
            default -> throw new IllegalStateException("no string value for " + e);
        }
    }

    // --- user functions -----------------------------------------------------------------------

    /**
     * Calls a FUNCTION and leaves its frame on the stack: the arguments are evaluated into locals
     * first (so a nested call of the same function cannot overwrite them), then the frame is reset
     * to its initial values, the arguments stored and the body run. One frame per function.
     */
    private static void callFunction(BytecodeCompiler.Body b, Bound.CallFunction call) {
        CodeBuilder c = b.code();
        FunctionBlock fn = call.function();
        List<Variable> params = fn.variables().values().stream()
                .filter(v -> v.section() == Ast.Section.VAR_INPUT || v.section() == Ast.Section.VAR_IN_OUT).toList();
        int[] temps = new int[params.size()];
        TypeKind[] kinds = new TypeKind[params.size()];
        for (int i = 0; i < params.size(); i++) {
            Bound.Expr arg = call.args().get(i);
            if (arg == null) {
                temps[i] = -1;
                continue;
            }
            kinds[i] = value(b, arg);
            temps[i] = c.allocateLocal(kinds[i]);
            c.storeLocal(kinds[i], temps[i]);
        }
        int frame = c.allocateLocal(TypeKind.REFERENCE);
        int index = b.compiler().functionIndex(fn);
        c.aload(0).getfield(CD_FRAME, "rt", CD_RUNTIME).getfield(CD_RUNTIME, "functionFrames", CD_FRAME.arrayType())
                .loadConstant(index).aaload().astore(frame);
        c.aload(0).getfield(CD_FRAME, "rt", CD_RUNTIME).getfield(CD_RUNTIME, "functions", CD_FB.arrayType())
                .loadConstant(index).aaload().aload(frame)
                .invokevirtual(CD_FB, "reset", MethodTypeDesc.of(CD_void, CD_FRAME));
        for (int i = 0; i < params.size(); i++) {
            if (temps[i] < 0) {
                continue;
            }
            Variable p = params.get(i);
            switch (kinds[i]) {
                case LONG -> c.aload(frame).getfield(CD_FRAME, "l", CD_long.arrayType()).loadConstant(p.offset().longs())
                        .lload(temps[i]).lastore();
                case DOUBLE -> c.aload(frame).getfield(CD_FRAME, "d", CD_double.arrayType()).loadConstant(p.offset().doubles())
                        .dload(temps[i]).dastore();
                default -> {
                    c.aload(frame).getfield(CD_FRAME, "o", CD_Object.arrayType()).loadConstant(p.offset().objects())
                            .aload(temps[i]);
                    b.truncate(p.type());
                    c.aastore();
                }
            }
        }
        c.aload(frame).invokestatic(b.compiler().self(), b.compiler().method(fn), POU).pop();
        c.aload(frame);
    }
}
