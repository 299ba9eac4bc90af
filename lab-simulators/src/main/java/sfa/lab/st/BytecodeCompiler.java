package sfa.lab.st;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_String;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_double;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static java.lang.constant.ConstantDescs.CD_void;

import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import sfa.lab.st.Type.Elementary;

/**
 * Compiles the checked tree of every POU into JVM bytecode with the ClassFile API: one hidden class
 * per program, one static method per PROGRAM, FUNCTION_BLOCK and FUNCTION body, working directly on
 * the frames' slot arrays. The JIT then inlines a whole scan as it would hand-written Java. The
 * closure compiler ({@link Codegen}) stays as the reference the conformance suite checks this against.
 */
final class BytecodeCompiler {

    static final ClassDesc CD_FRAME = ClassDesc.of(Frame.class.getName());
    static final ClassDesc CD_RUNTIME = ClassDesc.of(StRuntime.class.getName());
    static final ClassDesc CD_FB = ClassDesc.of(FunctionBlock.class.getName());
    static final ClassDesc CD_STD = ClassDesc.of(StandardBlocks.class.getName());
    static final ClassDesc CD_FAULT = ClassDesc.of(sfa.lab.plc.PlcFault.class.getName());
    static final ClassDesc CD_MATH = ClassDesc.of("java.lang.Math");
    static final ClassDesc CD_LONG = ClassDesc.of("java.lang.Long");
    static final ClassDesc CD_SYSTEM = ClassDesc.of("java.lang.System");
    static final MethodTypeDesc POU = MethodTypeDesc.of(CD_int, CD_FRAME);

    private static final int FRAME = 0;

    private final Map<FunctionBlock, String> methods = new IdentityHashMap<>();
    private final Map<FunctionBlock, Integer> functionIndex = new IdentityHashMap<>();
    private final ClassDesc self;

    private BytecodeCompiler(ClassDesc self) {
        this.self = self;
    }

    /**
     * Compiles every body and sets each POU's body to call its compiled method. The hidden class also
     * implements {@link Nodes.StmtNode} by running {@code program}, so a scan calls straight into it.
     */
    static ScanEntry compile(Map<FunctionBlock, List<Bound.Stmt>> bodies, FunctionBlock program,
            List<Checker.Location> locations, StRuntime rt) {
        ClassDesc self = ClassDesc.of(BytecodeCompiler.class.getPackageName() + ".CompiledProgram");
        BytecodeCompiler c = new BytecodeCompiler(self);
        List<FunctionBlock> functions = new ArrayList<>();
        int n = 0;
        for (FunctionBlock fb : bodies.keySet()) {
            c.methods.put(fb, "pou" + n++ + "_" + fb.name().replaceAll("[^A-Za-z0-9_]", "_"));
            if (fb.kind() == Ast.PouKind.FUNCTION) {
                c.functionIndex.put(fb, functions.size());
                functions.add(fb);
            }
        }
        ClassDesc stmtNode = ClassDesc.of(Nodes.StmtNode.class.getName());
        ClassDesc scanEntry = ClassDesc.of(ScanEntry.class.getName());
        byte[] bytes = ClassFile.of().build(self, cb -> {
            cb.withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SYNTHETIC);
            cb.withInterfaceSymbols(stmtNode, scanEntry);
            cb.withMethodBody("scan", MethodTypeDesc.of(CD_void, CD_FRAME, CD_IO), ClassFile.ACC_PUBLIC,
                    code -> scanMethod(code, c, program, locations));
            cb.withMethodBody("<init>", MethodTypeDesc.of(CD_void), ClassFile.ACC_PUBLIC, code -> code
                    .aload(0).invokespecial(ClassDesc.of("java.lang.Object"), "<init>", MethodTypeDesc.of(CD_void)).return_());
            cb.withMethodBody("exec", POU, ClassFile.ACC_PUBLIC, code -> code
                    .aload(1).invokestatic(self, c.methods.get(program), POU).ireturn());
            for (Map.Entry<FunctionBlock, List<Bound.Stmt>> e : bodies.entrySet()) {
                cb.withMethodBody(c.methods.get(e.getKey()), POU, ClassFile.ACC_STATIC,
                        code -> new Body(c, code, e.getKey()).emit(e.getValue()));
            }
        });
        MethodHandles.Lookup hidden;
        Object entry;
        try {
            hidden = MethodHandles.lookup().defineHiddenClass(bytes, true);
            entry = hidden.findConstructor(hidden.lookupClass(),
                    java.lang.invoke.MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot define the compiled program", e);
        }
        rt.functions = functions.toArray(FunctionBlock[]::new);
        for (FunctionBlock fb : bodies.keySet()) {
            fb.setBody(fb == program ? (Nodes.StmtNode) entry : c.entry(hidden, c.methods.get(fb)));
        }
        return (ScanEntry) entry;
    }

    static final ClassDesc CD_IO = ClassDesc.of(sfa.lab.plc.IoImage.class.getName());

    /** {@code scan(Frame program, IoImage io)}: copy the located inputs in, run the program, copy the outputs out. */
    private static void scanMethod(CodeBuilder code, BytecodeCompiler c, FunctionBlock program,
            List<Checker.Location> locations) {
        int frame = 1;
        int io = 2;
        for (Checker.Location l : locations) {
            if (!l.address().area().isInput()) {
                continue;
            }
            slots(code, frame, l);
            code.loadConstant(l.variable().offset().longs());
            code.aload(io).loadConstant(l.address().index());
            if (l.address().area().isBit()) {
                code.invokevirtual(CD_IO, "input", MethodTypeDesc.of(CD_boolean, CD_int)).i2l();
            } else {
                code.invokevirtual(CD_IO, "inputWord", MethodTypeDesc.of(CD_int, CD_int)).i2l();
                Type t = l.variable().type();
                if (t instanceof Elementary e) {
                    long mask = switch (e) {
                        case UINT, WORD -> 0xFFFFL;
                        case UDINT, DWORD -> 0xFFFF_FFFFL;
                        default -> 0;
                    };
                    if (mask != 0) {
                        code.loadConstant(mask).land();
                    }
                }
            }
            code.lastore();
        }
        code.aload(frame).invokestatic(c.self(), c.method(program), POU).pop();
        for (Checker.Location l : locations) {
            if (l.address().area().isInput()) {
                continue;
            }
            code.aload(io).loadConstant(l.address().index());
            slots(code, frame, l);
            code.loadConstant(l.variable().offset().longs()).laload();
            if (l.address().area().isBit()) {
                code.lconst_0().lcmp();
                Label zero = code.newLabel();
                Label done = code.newLabel();
                code.ifeq(zero).iconst_1().goto_(done);
                code.labelBinding(zero);
                code.iconst_0();
                code.labelBinding(done);
                code.invokevirtual(CD_IO, "setOutput", MethodTypeDesc.of(CD_void, CD_int, CD_boolean));
            } else {
                code.loadConstant((long) Short.MIN_VALUE).invokestatic(CD_MATH, "max", MethodTypeDesc.of(CD_long, CD_long, CD_long))
                        .loadConstant((long) Short.MAX_VALUE).invokestatic(CD_MATH, "min", MethodTypeDesc.of(CD_long, CD_long, CD_long))
                        .l2i().invokevirtual(CD_IO, "setOutputWord", MethodTypeDesc.of(CD_void, CD_int, CD_int));
            }
        }
        code.return_();
    }

    private static void slots(CodeBuilder code, int frame, Checker.Location l) {
        code.aload(frame);
        if (l.global()) {
            code.getfield(CD_FRAME, "globals", CD_FRAME);
        }
        code.getfield(CD_FRAME, "l", CD_long.arrayType());
    }

    /** A StmtNode that calls the compiled static method (used where a body is run from Java). */
    private Nodes.StmtNode entry(MethodHandles.Lookup hidden, String method) {
        try {
            java.lang.invoke.MethodHandle mh = hidden.findStatic(hidden.lookupClass(), method,
                    java.lang.invoke.MethodType.methodType(int.class, Frame.class));
            return f -> {
                try {
                    return (int) mh.invokeExact(f);
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable t) {
                    throw new IllegalStateException(t);
                }
            };
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("compiled method " + method + " is missing", e);
        }
    }

    String method(FunctionBlock fb) {
        return methods.get(fb);
    }

    int functionIndex(FunctionBlock fb) {
        return functionIndex.get(fb);
    }

    ClassDesc self() {
        return self;
    }

    /** Emits one POU body. Locals: 0 the frame, 1–3 its long[], double[] and Object[]. */
    static final class Body {
        private final BytecodeCompiler c;
        private final CodeBuilder code;
        private final FunctionBlock pou;
        private final Deque<Label> loopEnds = new ArrayDeque<>();
        private final int longs;
        private final int doubles;
        private final int objects;

        Body(BytecodeCompiler c, CodeBuilder code, FunctionBlock pou) {
            this.c = c;
            this.code = code;
            this.pou = pou;
            this.longs = code.allocateLocal(TypeKind.REFERENCE);
            this.doubles = code.allocateLocal(TypeKind.REFERENCE);
            this.objects = code.allocateLocal(TypeKind.REFERENCE);
        }

        void emit(List<Bound.Stmt> body) {
            code.aload(FRAME).getfield(CD_FRAME, "l", CD_long.arrayType()).astore(longs);
            code.aload(FRAME).getfield(CD_FRAME, "d", CD_double.arrayType()).astore(doubles);
            code.aload(FRAME).getfield(CD_FRAME, "o", CD_Object.arrayType()).astore(objects);
            resetTemps();
            statements(body);
            code.iconst_0().ireturn();
        }

        /** VAR_TEMP variables start from their initial values at every call (IEC 61131-3). */
        private void resetTemps() {
            for (Variable v : pou.variables().values()) {
                if (v.section() != Ast.Section.VAR_TEMP) {
                    continue;
                }
                Type.Layout at = v.offset();
                Type.Layout size = v.type().layout();
                for (int i = 0; i < size.longs(); i++) {
                    code.aload(longs).loadConstant(at.longs() + i).loadConstant(pou.initialLong(at.longs() + i)).lastore();
                }
                for (int i = 0; i < size.doubles(); i++) {
                    code.aload(doubles).loadConstant(at.doubles() + i).loadConstant(pou.initialDouble(at.doubles() + i)).dastore();
                }
                for (int i = 0; i < size.objects(); i++) {
                    Object init = pou.initialObject(at.objects() + i);
                    code.aload(objects).loadConstant(at.objects() + i);
                    if (init instanceof String str) {
                        code.ldc(str);
                    } else {
                        code.aconst_null();
                    }
                    code.aastore();
                }
            }
        }

        private void statements(List<Bound.Stmt> body) {
            for (Bound.Stmt s : body) {
                statement(s);
            }
        }

        private void statement(Bound.Stmt s) {
            switch (s) {
                case Bound.Assign a -> assign(a.target(), a.value());
                case Bound.Copy cp -> copy(cp);
                case Bound.If i -> ifStatement(i);
                case Bound.Case cs -> caseStatement(cs);
                case Bound.For f -> forLoop(f);
                case Bound.While w -> {
                    Label top = code.newLabel();
                    Label end = code.newLabel();
                    code.labelBinding(top);
                    Exprs.bool(this, w.condition());
                    code.ifeq(end);
                    loopEnds.push(end);
                    statements(w.body());
                    loopEnds.pop();
                    tick(w.position());
                    code.goto_(top);
                    code.labelBinding(end);
                }
                case Bound.Repeat r -> {
                    Label top = code.newLabel();
                    Label end = code.newLabel();
                    code.labelBinding(top);
                    loopEnds.push(end);
                    statements(r.body());
                    loopEnds.pop();
                    tick(r.position());
                    Exprs.bool(this, r.until());
                    code.ifeq(top);
                    code.labelBinding(end);
                }
                case Bound.Exit e -> code.goto_(loopEnds.peek());
                case Bound.Return r -> code.iconst_0().ireturn();
                case Bound.FbCall call -> fbCall(call);
                case Bound.Evaluate e -> {
                    TypeKind k = Exprs.value(this, e.call());
                    pop(k);
                }
            }
        }

        void pop(TypeKind k) {
            if (k == TypeKind.LONG || k == TypeKind.DOUBLE) {
                code.pop2();
            } else {
                code.pop();
            }
        }

        private void tick(Position at) {
            code.aload(FRAME).getfield(CD_FRAME, "rt", CD_RUNTIME).loadConstant(at.line()).loadConstant(at.column())
                    .invokevirtual(CD_RUNTIME, "tick", MethodTypeDesc.of(CD_void, CD_int, CD_int));
        }

        // --- places ---------------------------------------------------------------------------

        /** Pushes the slot array ({@code long[]}, {@code double[]} or {@code Object[]}) that holds {@code ref}. */
        void array(Bound.Ref ref, Access.Slots which) {
            switch (ref) {
                case Bound.VarRef v -> {
                    if (v.global()) {
                        code.aload(FRAME).getfield(CD_FRAME, "globals", CD_FRAME);
                        field(which);
                    } else {
                        code.aload(switch (which) {
                            case LONG -> longs;
                            case DOUBLE -> doubles;
                            case OBJECT -> objects;
                        });
                    }
                }
                case Bound.FieldRef f -> array(f.base(), which);
                case Bound.ElementRef el -> array(el.base(), which);
                case Bound.MemberRef m -> {
                    instance(m.instance());
                    field(which);
                }
            }
        }

        /** Pushes the frame of a function block instance held in {@code ref}. */
        void instance(Bound.Ref ref) {
            array(ref, Access.Slots.OBJECT);
            index(ref, Access.Slots.OBJECT);
            code.aaload().checkcast(CD_FRAME);
        }

        private void field(Access.Slots which) {
            switch (which) {
                case LONG -> code.getfield(CD_FRAME, "l", CD_long.arrayType());
                case DOUBLE -> code.getfield(CD_FRAME, "d", CD_double.arrayType());
                case OBJECT -> code.getfield(CD_FRAME, "o", CD_Object.arrayType());
            }
        }

        /** Pushes the slot number of {@code ref} in its array (an int), checking array bounds. */
        void index(Bound.Ref ref, Access.Slots which) {
            int fixed = fixedPart(ref, which);
            if (!dynamicPart(ref, which, true)) {
                code.loadConstant(fixed);
                return;
            }
            if (fixed != 0) {
                code.loadConstant(fixed).iadd();
            }
        }

        private int fixedPart(Bound.Ref ref, Access.Slots which) {
            return switch (ref) {
                case Bound.VarRef v -> which.of(v.offset());
                case Bound.FieldRef f -> fixedPart(f.base(), which) + which.of(f.offset());
                case Bound.ElementRef el -> fixedPart(el.base(), which);
                case Bound.MemberRef m -> which.of(m.member().offset());
            };
        }

        /** Emits the sum of the computed parts of the index; false (nothing emitted) when there are none. */
        private boolean dynamicPart(Bound.Ref ref, Access.Slots which, boolean first) {
            return switch (ref) {
                case Bound.VarRef v -> false;
                case Bound.MemberRef m -> false;
                case Bound.FieldRef f -> dynamicPart(f.base(), which, first);
                case Bound.ElementRef el -> {
                    boolean before = dynamicPart(el.base(), which, first);
                    int stride = which.of(el.array().element().layout());
                    if (stride == 0) {
                        yield before;
                    }
                    flatIndex(el);
                    if (stride != 1) {
                        code.loadConstant(stride).imul();
                    }
                    if (before) {
                        code.iadd();
                    }
                    yield true;
                }
            };
        }

        /** Pushes the row-major element number (int) of an array access, faulting outside the bounds. */
        private void flatIndex(Bound.ElementRef el) {
            Type.ArrayType at = el.array();
            int dims = at.low().length;
            int scale = 1;
            int[] scales = new int[dims];
            for (int d = dims - 1; d >= 0; d--) {
                scales[d] = scale;
                scale *= at.high()[d] - at.low()[d] + 1;
            }
            int tmp = code.allocateLocal(TypeKind.LONG);
            for (int d = 0; d < dims; d++) {
                Exprs.lng(this, el.indices().get(d));
                code.lstore(tmp);
                Label bad = code.newLabel();
                Label ok = code.newLabel();
                code.lload(tmp).loadConstant((long) at.low()[d]).lcmp().iflt(bad);
                code.lload(tmp).loadConstant((long) at.high()[d]).lcmp().ifgt(bad);
                code.goto_(ok);
                code.labelBinding(bad);
                code.lload(tmp).ldc(el.name()).loadConstant(at.low()[d]).loadConstant(at.high()[d])
                        .loadConstant(el.position().line()).loadConstant(el.position().column())
                        .invokestatic(CD_RUNTIME, "indexOutOfRange", MethodTypeDesc.of(CD_FAULT, CD_long, CD_String,
                                CD_int, CD_int, CD_int, CD_int))
                        .athrow();
                code.labelBinding(ok);
                code.lload(tmp).loadConstant((long) at.low()[d]).lsub().l2i();
                if (scales[d] != 1) {
                    code.loadConstant(scales[d]).imul();
                }
                if (d > 0) {
                    code.iadd();
                }
            }
        }

        // --- statements -----------------------------------------------------------------------

        /** The value is computed before the place (an array index), as the reference backend does. */
        private void assign(Bound.Ref target, Bound.Expr value) {
            Type t = target.type();
            boolean simple = !hasIndex(target);
            switch (Codegen.kind(t)) {
                case BOOL, LONG -> {
                    if (simple) {
                        array(target, Access.Slots.LONG);
                        index(target, Access.Slots.LONG);
                        Exprs.lng(this, value);
                    } else {
                        int tmp = code.allocateLocal(TypeKind.LONG);
                        Exprs.lng(this, value);
                        code.lstore(tmp);
                        array(target, Access.Slots.LONG);
                        index(target, Access.Slots.LONG);
                        code.lload(tmp);
                    }
                    code.lastore();
                }
                case DOUBLE -> {
                    if (simple) {
                        array(target, Access.Slots.DOUBLE);
                        index(target, Access.Slots.DOUBLE);
                        Exprs.dbl(this, value);
                    } else {
                        int tmp = code.allocateLocal(TypeKind.DOUBLE);
                        Exprs.dbl(this, value);
                        code.dstore(tmp);
                        array(target, Access.Slots.DOUBLE);
                        index(target, Access.Slots.DOUBLE);
                        code.dload(tmp);
                    }
                    code.dastore();
                }
                case OBJECT -> {
                    int tmp = code.allocateLocal(TypeKind.REFERENCE);
                    Exprs.obj(this, value);
                    if (t instanceof Type.StringType st) {
                        code.loadConstant(st.length()).invokestatic(CD_RUNTIME, "truncate",
                                MethodTypeDesc.of(CD_Object, CD_Object, CD_int));
                    }
                    code.astore(tmp);
                    array(target, Access.Slots.OBJECT);
                    index(target, Access.Slots.OBJECT);
                    code.aload(tmp);
                    code.aastore();
                }
            }
        }

        private static boolean hasIndex(Bound.Ref ref) {
            return switch (ref) {
                case Bound.VarRef v -> false;
                case Bound.FieldRef f -> hasIndex(f.base());
                case Bound.ElementRef el -> true;
                case Bound.MemberRef m -> hasIndex(m.instance());
            };
        }

        private void copy(Bound.Copy cp) {
            Type.Layout size = cp.target().type().layout();
            for (Access.Slots which : Access.Slots.values()) {
                int n = which.of(size);
                if (n == 0) {
                    continue;
                }
                array(cp.source(), which);
                index(cp.source(), which);
                array(cp.target(), which);
                index(cp.target(), which);
                code.loadConstant(n).invokestatic(CD_SYSTEM, "arraycopy",
                        MethodTypeDesc.of(CD_void, CD_Object, CD_int, CD_Object, CD_int, CD_int));
            }
        }

        private void ifStatement(Bound.If i) {
            Label end = code.newLabel();
            for (int k = 0; k < i.conditions().size(); k++) {
                Label next = code.newLabel();
                Exprs.bool(this, i.conditions().get(k));
                code.ifeq(next);
                statements(i.bodies().get(k));
                code.goto_(end);
                code.labelBinding(next);
            }
            statements(i.elseBody());
            code.labelBinding(end);
        }

        private void caseStatement(Bound.Case cs) {
            int sel = code.allocateLocal(TypeKind.LONG);
            Exprs.lng(this, cs.selector());
            code.lstore(sel);
            Label end = code.newLabel();
            for (int b = 0; b < cs.bodies().size(); b++) {
                Label body = code.newLabel();
                Label next = code.newLabel();
                long[] lo = cs.lows().get(b);
                long[] hi = cs.highs().get(b);
                for (int k = 0; k < lo.length; k++) {
                    Label miss = code.newLabel();
                    if (lo[k] == hi[k]) {
                        code.lload(sel).loadConstant(lo[k]).lcmp().ifeq(body);
                    } else {
                        code.lload(sel).loadConstant(lo[k]).lcmp().iflt(miss);
                        code.lload(sel).loadConstant(hi[k]).lcmp().ifle(body);
                    }
                    code.labelBinding(miss);
                }
                code.goto_(next);
                code.labelBinding(body);
                statements(cs.bodies().get(b));
                code.goto_(end);
                code.labelBinding(next);
            }
            statements(cs.elseBody());
            code.labelBinding(end);
        }

        private void forLoop(Bound.For f) {
            int v = code.allocateLocal(TypeKind.LONG);
            int end = code.allocateLocal(TypeKind.LONG);
            int by = code.allocateLocal(TypeKind.LONG);
            Exprs.lng(this, f.from());
            code.lstore(v);
            Exprs.lng(this, f.to());
            code.lstore(end);
            Exprs.lng(this, f.step());
            code.lstore(by);
            Elementary type = f.variable().type() instanceof Elementary e ? e : Elementary.LINT;
            Label top = code.newLabel();
            Label down = code.newLabel();
            Label body = code.newLabel();
            Label done = code.newLabel();
            code.labelBinding(top);
            code.lload(by).lconst_0().lcmp().iflt(down);
            code.lload(v).lload(end).lcmp().ifgt(done);
            code.goto_(body);
            code.labelBinding(down);
            code.lload(v).lload(end).lcmp().iflt(done);
            code.labelBinding(body);
            array(f.variable(), Access.Slots.LONG);
            index(f.variable(), Access.Slots.LONG);
            code.lload(v);
            Exprs.wrap(this, type);
            code.lastore();
            loopEnds.push(done);
            statements(f.body());
            loopEnds.pop();
            tick(f.position());
            // stop when the counter would leave its type's range (or wrap a LINT)
            int next = code.allocateLocal(TypeKind.LONG);
            code.lload(v).lload(by).ladd().lstore(next);
            Label up = code.newLabel();
            Label store = code.newLabel();
            code.lload(by).lconst_0().lcmp().ifge(up);
            code.lload(next).lload(v).lcmp().ifgt(done);
            code.goto_(store);
            code.labelBinding(up);
            code.lload(next).lload(v).lcmp().iflt(done);
            code.labelBinding(store);
            code.lload(next).lstore(v);
            code.goto_(top);
            code.labelBinding(done);
        }

        private void fbCall(Bound.FbCall call) {
            FunctionBlock fb = call.block();
            int child = code.allocateLocal(TypeKind.REFERENCE);
            instance(call.instance());
            code.astore(child);
            for (Bound.Input in : call.inputs()) {
                parameterStore(child, in.parameter(), in.value());
            }
            code.aload(child);
            if (fb.standard()) {
                code.invokestatic(CD_STD, StandardBlocks.nativeMethod(fb.name()), POU);
            } else {
                code.invokestatic(c.self(), c.method(fb), POU);
            }
            code.pop();
            for (Bound.Output out : call.outputs()) {
                Bound.Ref target = out.target();
                Variable p = out.parameter();
                Codegen.Kind into = Codegen.kind(target.type());
                Codegen.Kind from = Codegen.kind(p.type());
                if (into == Codegen.Kind.DOUBLE) {
                    array(target, Access.Slots.DOUBLE);
                    index(target, Access.Slots.DOUBLE);
                    if (from == Codegen.Kind.DOUBLE) {
                        code.aload(child).getfield(CD_FRAME, "d", CD_double.arrayType()).loadConstant(p.offset().doubles()).daload();
                    } else {
                        code.aload(child).getfield(CD_FRAME, "l", CD_long.arrayType()).loadConstant(p.offset().longs()).laload().l2d();
                    }
                    if (target.type() == Elementary.REAL) {
                        code.d2f().f2d();
                    }
                    code.dastore();
                } else if (into == Codegen.Kind.OBJECT) {
                    array(target, Access.Slots.OBJECT);
                    index(target, Access.Slots.OBJECT);
                    code.aload(child).getfield(CD_FRAME, "o", CD_Object.arrayType()).loadConstant(p.offset().objects()).aaload();
                    truncate(target.type());
                    code.aastore();
                } else {
                    array(target, Access.Slots.LONG);
                    index(target, Access.Slots.LONG);
                    code.aload(child).getfield(CD_FRAME, "l", CD_long.arrayType()).loadConstant(p.offset().longs()).laload();
                    code.lastore();
                }
            }
        }

        /** Evaluates {@code value} here and stores it in parameter {@code p} of the frame in local {@code frame}. */
        void parameterStore(int frame, Variable p, Bound.Expr value) {
            switch (Codegen.kind(p.type())) {
                case BOOL, LONG -> {
                    code.aload(frame).getfield(CD_FRAME, "l", CD_long.arrayType()).loadConstant(p.offset().longs());
                    Exprs.lng(this, value);
                    code.lastore();
                }
                case DOUBLE -> {
                    code.aload(frame).getfield(CD_FRAME, "d", CD_double.arrayType()).loadConstant(p.offset().doubles());
                    Exprs.dbl(this, value);
                    code.dastore();
                }
                case OBJECT -> {
                    code.aload(frame).getfield(CD_FRAME, "o", CD_Object.arrayType()).loadConstant(p.offset().objects());
                    Exprs.obj(this, value);
                    truncate(p.type());
                    code.aastore();
                }
            }
        }

        /** Cuts the string on the stack to the length of a STRING[n] type. */
        void truncate(Type t) {
            if (t instanceof Type.StringType st) {
                code.loadConstant(st.length()).invokestatic(CD_RUNTIME, "truncate",
                        MethodTypeDesc.of(CD_Object, CD_Object, CD_int));
            }
        }

        CodeBuilder code() {
            return code;
        }

        BytecodeCompiler compiler() {
            return c;
        }
    }

}
