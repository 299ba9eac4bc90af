package sfa.lab.st;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import sfa.lab.plc.Address;
import sfa.lab.st.Type.Elementary;

/**
 * Resolves names, checks types and I/O addresses, and builds the typed tree of every POU. Problems
 * become diagnostics (checking goes on, so a student sees all of them); classic PLC mistakes become
 * warnings: an output assigned in two places that can both run in one scan, an instance called twice
 * in one scan, a timer never called.
 */
final class Checker {

    /** A located variable ({@code AT %IX0.0}) whose slot the scan copies from or to the I/O image. */
    record Location(Variable variable, boolean global, Address address) {
    }

    /** What checking produced: the program, all POUs with their typed bodies, and the I/O locations. */
    record Checked(FunctionBlock program, FunctionBlock globals, Map<FunctionBlock, List<Bound.Stmt>> bodies,
            List<Location> locations) {
    }

    private final List<Diagnostic> diagnostics;
    private final @Nullable Set<Address> labAddresses;
    private final StandardBlocks standard = new StandardBlocks();
    private final Map<String, Type> types = new LinkedHashMap<>();
    /** The initial value a TYPE declaration gives its variables ({@code TYPE Level : INT := 100;}). */
    private final Map<String, Ast.Initializer> typeDefaults = new HashMap<>();
    private final Map<String, FunctionBlock> pous = new LinkedHashMap<>();
    private final FunctionBlock globals = new FunctionBlock("GLOBALS", Ast.PouKind.PROGRAM, false, Position.START);
    private final Map<String, List<Type.EnumType>> enumValues = new HashMap<>();
    private final Map<Variable, Object> constants = new IdentityHashMap<>();
    private final List<Location> locations = new ArrayList<>();
    private final Map<FunctionBlock, List<Bound.Stmt>> bodies = new LinkedHashMap<>();
    private final Map<FunctionBlock, Set<FunctionBlock>> calls = new IdentityHashMap<>();
    private final Set<Variable> calledInstances = new HashSet<>();
    private final Set<Variable> used = new HashSet<>();
    private final Map<Variable, List<Site>> outputSites = new LinkedHashMap<>();
    private final Map<Variable, List<Site>> callSites = new LinkedHashMap<>();
    private final Expressions expressions;

    // the POU being checked
    private FunctionBlock current = globals;
    private int loops;
    private final Set<Variable> forVariables = new HashSet<>();
    private final List<Long> path = new ArrayList<>();
    private int branchPoints;

    /** Where something happens, and under which branches of which IF/CASE. */
    record Site(Position position, List<Long> path) {
    }

    Checker(List<Diagnostic> diagnostics, @Nullable Set<Address> labAddresses) {
        this.diagnostics = diagnostics;
        this.labAddresses = labAddresses;
        this.expressions = new Expressions(this);
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    void error(Message m, Position at, int length, Object... args) {
        diagnostics.add(m.error(at, length, args));
    }

    void warning(Message m, Position at, int length, Object... args) {
        diagnostics.add(m.warning(at, length, args));
    }

    StandardBlocks standard() {
        return standard;
    }

    FunctionBlock current() {
        return current;
    }

    FunctionBlock globals() {
        return globals;
    }

    Map<String, FunctionBlock> pous() {
        return pous;
    }

    Map<String, List<Type.EnumType>> enumValues() {
        return enumValues;
    }

    /** The value of a CONSTANT variable, or null for any other variable. */
    @Nullable Object constantValue(Variable v) {
        return v.constant() ? constants.get(v) : null;
    }

    /** The checked initial value of a variable (Long, Double, String, List for arrays, Map for structures). */
    @Nullable Object initialValue(Variable v) {
        return constants.get(v);
    }

    void markUsed(Variable v) {
        used.add(v);
    }

    void recordCall(FunctionBlock callee) {
        calls.computeIfAbsent(current, k -> new LinkedHashSet<>()).add(callee);
    }

    // --- entry ------------------------------------------------------------------------------

    @Nullable Checked check(Ast.SourceFile file) {
        declareTypes(file.types());
        for (Ast.Pou pou : file.pous()) {
            String key = pou.name().toUpperCase(Locale.ROOT);
            if (pous.containsKey(key) || types.containsKey(key) || standard.get(key) != null) {
                error(Message.DUPLICATE_NAME, pou.position(), pou.name().length(), pou.name());
                continue;
            }
            pous.put(key, new FunctionBlock(pou.name(), pou.kind(), false, pou.position()));
        }
        current = globals;
        for (Ast.VarBlock block : file.globals()) {
            declareBlock(block);
        }
        Ast.Pou programAst = null;
        for (Ast.Pou pou : file.pous()) {
            if (pou.kind() == Ast.PouKind.PROGRAM) {
                if (programAst != null) {
                    error(Message.TWO_PROGRAMS, pou.position(), pou.name().length(), programAst.name());
                } else {
                    programAst = pou;
                }
            }
        }
        if (programAst == null) {
            error(Message.NO_PROGRAM, Position.START, 1);
            return null;
        }
        List<Ast.Pou> declared = new ArrayList<>();
        for (Ast.Pou pou : file.pous()) {
            FunctionBlock fb = pous.get(pou.name().toUpperCase(Locale.ROOT));
            if (fb == null || fb.position() != pou.position()) {
                continue;
            }
            current = fb;
            for (Ast.VarBlock block : pou.vars()) {
                if (block.section() == Ast.Section.VAR_GLOBAL) {
                    FunctionBlock owner = current;
                    current = globals;
                    declareBlock(block);
                    current = owner;
                } else {
                    declareBlock(block);
                }
            }
            if (pou.kind() == Ast.PouKind.FUNCTION && pou.returnType() != null) {
                Type result = resolveType(pou.name(), pou.position(), pou.returnType());
                if (result instanceof Type.StructType || result instanceof Type.ArrayType) {
                    error(Message.AGGREGATE_RESULT, pou.returnType().position(), 1, pou.name(), result.name());
                    result = Type.Invalid.INSTANCE;
                }
                fb.setResult(fb.declare(pou.name(), result, Ast.Section.VAR_OUTPUT, false, false, null, pou.position()));
            }
            declared.add(pou);
        }
        for (Ast.Pou pou : declared) {
            FunctionBlock fb = pous.get(pou.name().toUpperCase(Locale.ROOT));
            current = fb;
            loops = 0;
            forVariables.clear();
            path.clear();
            bodies.put(fb, statements(pou.body()));
            if (fb.kind() == Ast.PouKind.FUNCTION) {
                checkResultAssigned(pou, fb);
            }
        }
        FunctionBlock program = pous.get(programAst.name().toUpperCase(Locale.ROOT));
        checkRecursion();
        if (diagnostics.stream().noneMatch(Diagnostic::isError) && !checkNesting(program)) {
            return null;
        }
        if (!checkMemory(program)) {
            return null; // nothing is allocated for a program that would not fit
        }
        warnings();
        Initials.assign(globals, this);
        for (FunctionBlock fb : pous.values()) {
            Initials.assign(fb, this);
        }
        return new Checked(program, globals, bodies, locations);
    }

    // --- types ------------------------------------------------------------------------------

    private void declareTypes(List<Ast.TypeDecl> decls) {
        for (Ast.TypeDecl d : decls) {
            String key = d.name().toUpperCase(Locale.ROOT);
            if (types.containsKey(key) || Elementary.named(key) != null) {
                error(Message.DUPLICATE_NAME, d.position(), d.name().length(), d.name());
                continue;
            }
            switch (d) {
                case Ast.StructDecl s -> types.put(key, new Type.StructType(s.name()));
                case Ast.EnumDecl e -> {
                    List<String> names = new ArrayList<>();
                    long[] numbers = new long[e.values().size()];
                    long next = 0;
                    for (int i = 0; i < e.values().size(); i++) {
                        Ast.EnumValue v = e.values().get(i);
                        names.add(v.name());
                        if (v.value() != null) {
                            Object c = constant(v.value());
                            if (c instanceof Long n) {
                                next = n;
                            } else {
                                error(Message.NOT_CONSTANT, v.value().position(), 1, "the value of " + v.name());
                            }
                        }
                        numbers[i] = next++;
                    }
                    Type.EnumType type = new Type.EnumType(e.name(), List.copyOf(names), numbers);
                    types.put(key, type);
                    for (String n : names) {
                        enumValues.computeIfAbsent(n.toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(type);
                    }
                }
                case Ast.AliasDecl a -> types.put(key, Type.Invalid.INSTANCE); // resolved below, in order
            }
        }
        for (Ast.TypeDecl d : decls) {
            String key = d.name().toUpperCase(Locale.ROOT);
            if (d instanceof Ast.EnumDecl e && e.defaultValue() != null) {
                typeDefaults.put(key, new Ast.ExprInit(e.defaultValue().position(), e.defaultValue()));
            }
            if (d instanceof Ast.AliasDecl a) {
                if (a.init() != null) {
                    typeDefaults.put(key, a.init());
                }
                types.put(key, resolveType(a.name(), a.position(), a.type()));
            } else if (d instanceof Ast.StructDecl s && types.get(key) instanceof Type.StructType struct
                    && struct.fields().isEmpty()) {
                List<Type.Field> fields = new ArrayList<>();
                Type.Layout at = Type.Layout.NONE;
                Set<String> seen = new HashSet<>();
                for (Ast.VarDecl f : s.fields()) {
                    Type t = resolveType(s.name() + "." + f.name(), f.position(), f.type());
                    if (t instanceof Type.FbType) {
                        error(Message.NOT_ASSIGNABLE, f.position(), f.name().length());
                        continue;
                    }
                    if (!seen.add(f.name().toUpperCase(Locale.ROOT))) {
                        error(Message.DUPLICATE_NAME, f.position(), f.name().length(), f.name());
                        continue;
                    }
                    Object initial = f.init() == null ? null : Initials.check(f.init(), t, f.name(), this);
                    fields.add(new Type.Field(f.name(), t, at, initial));
                    at = at.plus(t.layout());
                }
                struct.define(fields, at);
            }
        }
    }

    /** The declaration whose type is being resolved, for the memory limit's message. */
    private String declaring = "";
    private @Nullable Position declaringAt;

    private Type resolveType(String name, Position at, Ast.TypeRef ref) {
        String outerName = declaring;
        Position outerAt = declaringAt;
        declaring = name;
        declaringAt = at;
        try {
            return resolveType(ref);
        } finally {
            declaring = outerName;
            declaringAt = outerAt;
        }
    }

    Type resolveType(Ast.TypeRef ref) {
        return switch (ref) {
            case Ast.NamedType n -> namedType(n);
            case Ast.StringType s -> {
                int length = Type.StringType.DEFAULT_LENGTH;
                if (s.length() != null) {
                    Object c = constant(s.length());
                    if (c instanceof Long n && n > 0 && n <= 65535) {
                        length = n.intValue();
                    } else {
                        error(Message.NOT_CONSTANT, s.length().position(), 1, "the length of a STRING");
                    }
                }
                yield new Type.StringType(length);
            }
            case Ast.ArrayType a -> {
                Type element = resolveType(a.element());
                int[] low = new int[a.dimensions().size()];
                int[] high = new int[a.dimensions().size()];
                boolean ok = true;
                for (int i = 0; i < low.length; i++) {
                    Ast.Dimension d = a.dimensions().get(i);
                    Object lo = constant(d.low());
                    Object hi = constant(d.high());
                    if (!(lo instanceof Long l) || !(hi instanceof Long h) || h < l || l < Integer.MIN_VALUE
                            || h > Integer.MAX_VALUE) {
                        error(Message.NOT_CONSTANT, d.low().position(), 1, "an array bound (low..high, low <= high)");
                        ok = false;
                        continue;
                    }
                    low[i] = (int) (long) l;
                    high[i] = (int) (long) h;
                }
                if (!ok) {
                    yield Type.Invalid.INSTANCE;
                }
                Type.ArrayType array = new Type.ArrayType(element, low, high);
                long bytes = new Memory().bytes(array);
                if (bytes > StCompiler.MEMORY_LIMIT_BYTES) {
                    // refused before its layout is computed: the slot counts would overflow, the frame exhaust the heap
                    error(Message.MEMORY_LIMIT, declaringAt == null ? a.position() : declaringAt, Math.max(1, declaring.length()),
                            declaring.isEmpty() ? array.name() : declaring, Memory.format(bytes), array.name(),
                            Memory.format(StCompiler.MEMORY_LIMIT_BYTES));
                    yield Type.Invalid.INSTANCE;
                }
                yield array;
            }
        };
    }

    private Type namedType(Ast.NamedType n) {
        String key = n.name().toUpperCase(Locale.ROOT);
        Elementary e = Elementary.named(key);
        if (e != null) {
            return e;
        }
        if (key.equals("STRING") || key.equals("WSTRING")) {
            return new Type.StringType(Type.StringType.DEFAULT_LENGTH);
        }
        Type user = types.get(key);
        if (user != null) {
            return user;
        }
        FunctionBlock std = standard.get(key);
        if (std != null) {
            return new Type.FbType(std);
        }
        FunctionBlock fb = pous.get(key);
        if (fb != null && fb.kind() == Ast.PouKind.FUNCTION_BLOCK) {
            return new Type.FbType(fb);
        }
        Set<String> known = new TreeSet<>();
        for (Elementary el : Elementary.values()) {
            known.add(el.name());
        }
        known.add("STRING");
        known.addAll(standard.names());
        types.values().forEach(t -> known.add(t.name()));
        pous.values().stream().filter(p -> p.kind() == Ast.PouKind.FUNCTION_BLOCK).forEach(p -> known.add(p.name()));
        List<String> close = Names.closest(n.name(), known);
        if (close.isEmpty()) {
            error(Message.UNKNOWN_TYPE, n.position(), n.name().length(), n.name());
        } else {
            error(Message.UNKNOWN_TYPE_SUGGEST, n.position(), n.name().length(), n.name(), String.join(" or ", close));
        }
        return Type.Invalid.INSTANCE;
    }

    // --- declarations -----------------------------------------------------------------------

    private void declareBlock(Ast.VarBlock block) {
        for (Ast.VarDecl d : block.vars()) {
            if (block.section() == Ast.Section.VAR_EXTERNAL) {
                external(d);
            } else {
                declare(block, d);
            }
        }
    }

    /** {@code VAR_EXTERNAL}: names a global the POU uses; it must exist with the same type. */
    private void external(Ast.VarDecl d) {
        Variable global = globals.variable(d.name());
        if (global == null) {
            error(Message.UNKNOWN_VARIABLE, d.position(), d.name().length(), d.name());
            return;
        }
        Type type = resolveType(d.name(), d.position(), d.type());
        if (!type.equals(global.type()) && !Typing.isInvalid(type)) {
            error(Message.TYPE_MISMATCH, d.position(), d.name().length(), d.name(), global.type().name(), type.name());
        }
    }

    private void declare(Ast.VarBlock block, Ast.VarDecl d) {
        FunctionBlock owner = current;
        if (owner.variable(d.name()) != null) {
            error(Message.DUPLICATE_NAME, d.position(), d.name().length(), d.name());
            return;
        }
        Type type = resolveType(d.name(), d.position(), d.type());
        Address address = null;
        if (d.location() != null) {
            address = location(d, type, owner);
        }
        if (owner == current && current.kind() == Ast.PouKind.FUNCTION && type instanceof Type.FbType) {
            error(Message.FB_NEEDS_INSTANCE, d.position(), d.name().length(), type.name());
        }
        boolean constant = block.constant();
        boolean parameter = block.section() == Ast.Section.VAR_INPUT || block.section() == Ast.Section.VAR_IN_OUT
                || (block.section() == Ast.Section.VAR_OUTPUT && owner.kind() == Ast.PouKind.FUNCTION);
        if (parameter && owner.kind() != Ast.PouKind.PROGRAM
                && (type instanceof Type.StructType || type instanceof Type.ArrayType)) {
            error(Message.AGGREGATE_PARAMETER, d.position(), d.name().length(), d.name(), type.name());
        }
        if (block.section() == Ast.Section.VAR_IN_OUT && owner.kind() == Ast.PouKind.FUNCTION) {
            error(Message.FUNCTION_IN_OUT, d.position(), d.name().length(), d.name());
        }
        Ast.Initializer init = d.init();
        if (init == null && d.type() instanceof Ast.NamedType named) {
            init = typeDefaults.get(named.name().toUpperCase(Locale.ROOT));
        }
        Variable v = owner.declare(d.name(), type, block.section(), constant, block.retain(), address, d.position());
        if (address != null) {
            locations.add(new Location(v, owner == globals, address));
        }
        if (init != null) {
            Object value = Initials.check(init, type, d.name(), this);
            if (value != null) {
                constants.put(v, value);
            }
        }
    }

    private @Nullable Address location(Ast.VarDecl d, Type type, FunctionBlock owner) {
        Token at = d.location();
        if (owner.kind() != Ast.PouKind.PROGRAM) {
            error(Message.AT_OUTSIDE_PROGRAM, at.position(), at.text().length(), owner.name());
            return null;
        }
        Address address;
        try {
            address = Address.parse(at.text());
        } catch (IllegalArgumentException e) {
            error(Message.BAD_ADDRESS, at.position(), at.text().length(), at.text());
            return null;
        }
        checkAddressInLab(address, at.position(), at.text().length());
        boolean bit = address.area().isBit();
        boolean ok = bit ? type == Elementary.BOOL
                : type instanceof Elementary e && e.isIntegral() && e.bits >= 16;
        if (!ok && !Typing.isInvalid(type)) {
            error(Message.ADDRESS_TYPE, at.position(), at.text().length(), address,
                    bit ? "bit" : "16-bit word", d.name(), bit ? "BOOL" : "INT");
        }
        return address;
    }

    void checkAddressInLab(Address address, Position at, int length) {
        if (labAddresses != null && !labAddresses.contains(address)) {
            error(Message.UNKNOWN_ADDRESS, at, length, address,
                    String.join(", ", labAddresses.stream().map(Address::toString).sorted().toList()));
        }
    }

    /** An implicit located variable for an address written directly in the code ({@code %IX0.0}). */
    @Nullable Variable directAddress(Ast.DirectAddress a) {
        Address address;
        try {
            address = Address.parse(a.address());
        } catch (IllegalArgumentException e) {
            error(Message.BAD_ADDRESS, a.position(), a.address().length(), a.address());
            return null;
        }
        FunctionBlock program = current;
        if (program.kind() != Ast.PouKind.PROGRAM) {
            error(Message.AT_OUTSIDE_PROGRAM, a.position(), a.address().length(), program.name());
            return null;
        }
        for (Location l : locations) {
            if (l.address().equals(address)) {
                return l.variable();
            }
        }
        checkAddressInLab(address, a.position(), a.address().length());
        Type type = address.area().isBit() ? Elementary.BOOL : Elementary.INT;
        Variable v = program.declare(address.toString(), type, Ast.Section.VAR, false, false, address, a.position());
        locations.add(new Location(v, false, address));
        return v;
    }

    // --- statements -------------------------------------------------------------------------

    List<Bound.Stmt> statements(List<Ast.Stmt> stmts) {
        List<Bound.Stmt> out = new ArrayList<>();
        for (Ast.Stmt s : stmts) {
            Bound.Stmt b = statement(s);
            if (b != null) {
                out.add(b);
            }
        }
        return out;
    }

    private Bound.@Nullable Stmt statement(Ast.Stmt s) {
        return switch (s) {
            case Ast.Assign a -> assign(a);
            case Ast.CallStmt c -> call(c.call());
            case Ast.If i -> ifStatement(i);
            case Ast.Case c -> caseStatement(c);
            case Ast.For f -> forStatement(f);
            case Ast.While w -> {
                Bound.Expr cond = condition(w.condition());
                loops++;
                List<Bound.Stmt> body = statements(w.body());
                loops--;
                yield new Bound.While(w.position(), cond, body);
            }
            case Ast.Repeat r -> {
                loops++;
                List<Bound.Stmt> body = statements(r.body());
                loops--;
                yield new Bound.Repeat(r.position(), body, condition(r.until()));
            }
            case Ast.Exit e -> {
                if (loops == 0) {
                    error(Message.EXIT_OUTSIDE_LOOP, e.position(), 4);
                }
                yield new Bound.Exit(e.position());
            }
            case Ast.Return r -> new Bound.Return(r.position());
        };
    }

    Bound.Expr condition(Ast.Expr e) {
        Bound.Expr c = expressions.check(e);
        if (!Typing.isBool(c.type()) && !Typing.isInvalid(c.type())) {
            error(Message.CONDITION_NOT_BOOL, e.position(), 1, c.type().name());
        }
        return c;
    }

    private Bound.@Nullable Stmt assign(Ast.Assign a) {
        Bound.Ref target = expressions.place(a.target(), true);
        Bound.Expr value = expressions.check(a.value());
        if (target == null) {
            return null;
        }
        String name = Expressions.describe(a.target());
        if (target.type() instanceof Type.StructType || target.type() instanceof Type.ArrayType) {
            if (value instanceof Bound.Load load && load.type().equals(target.type())) {
                return new Bound.Copy(a.position(), target, load.ref());
            }
            if (!Typing.isInvalid(value.type())) {
                error(Message.TYPE_MISMATCH, a.position(), name.length(), name, target.type().name(), value.type().name());
            }
            return null;
        }
        if (target.type() instanceof Type.FbType) {
            error(Message.NOT_ASSIGNABLE, a.target().position(), name.length());
            return null;
        }
        Bound.Expr converted = expressions.coerce(value, target.type(), a.value().position(), name);
        recordOutputSite(target, a.position());
        return new Bound.Assign(a.position(), target, converted);
    }

    private void recordOutputSite(Bound.Ref target, Position at) {
        if (target instanceof Bound.VarRef v && v.variable().location() != null
                && !v.variable().location().area().isInput() && current.kind() == Ast.PouKind.PROGRAM) {
            outputSites.computeIfAbsent(v.variable(), k -> new ArrayList<>()).add(new Site(at, List.copyOf(path)));
        }
    }

    private Bound.@Nullable Stmt call(Ast.Call call) {
        Bound.Stmt fbCall = expressions.instanceCall(call);
        if (fbCall != null) {
            if (fbCall instanceof Bound.FbCall c && c.instance() instanceof Bound.VarRef v) {
                calledInstances.add(v.variable());
                callSites.computeIfAbsent(v.variable(), k -> new ArrayList<>()).add(new Site(call.position(), List.copyOf(path)));
            } else if (fbCall instanceof Bound.FbCall c) {
                markCalled(c.instance());
            }
            return fbCall;
        }
        Bound.Expr e = expressions.check(call);
        return new Bound.Evaluate(call.position(), e);
    }

    private void markCalled(Bound.Ref instance) {
        switch (instance) {
            case Bound.VarRef v -> calledInstances.add(v.variable());
            case Bound.ElementRef el -> markCalled(el.base());
            case Bound.FieldRef f -> markCalled(f.base());
            case Bound.MemberRef m -> calledInstances.add(m.member());
        }
    }

    private Bound.Stmt ifStatement(Ast.If i) {
        long id = ++branchPoints;
        List<Bound.Expr> conds = new ArrayList<>();
        List<List<Bound.Stmt>> bodies = new ArrayList<>();
        int branch = 0;
        for (Ast.Branch b : i.branches()) {
            conds.add(condition(b.condition()));
            bodies.add(inBranch(id, branch++, b.body()));
        }
        List<Bound.Stmt> elseBody = inBranch(id, branch, i.elseBody());
        return new Bound.If(i.position(), conds, bodies, elseBody);
    }

    private List<Bound.Stmt> inBranch(long id, int branch, List<Ast.Stmt> body) {
        path.add((id << 16) | branch);
        List<Bound.Stmt> out = statements(body);
        path.removeLast();
        return out;
    }

    private Bound.@Nullable Stmt caseStatement(Ast.Case c) {
        Bound.Expr selector = expressions.check(c.selector());
        Type st = selector.type();
        if (!Typing.isIntegral(st) && !(st instanceof Type.EnumType) && !Typing.isInvalid(st)) {
            error(Message.CASE_SELECTOR, c.selector().position(), 1, st.name());
        }
        long id = ++branchPoints;
        List<long[]> lows = new ArrayList<>();
        List<long[]> highs = new ArrayList<>();
        List<List<Bound.Stmt>> bodies = new ArrayList<>();
        Map<Long, Integer> seen = new HashMap<>();
        int branch = 0;
        for (Ast.CaseBranch b : c.branches()) {
            long[] lo = new long[b.labels().size()];
            long[] hi = new long[b.labels().size()];
            for (int i = 0; i < lo.length; i++) {
                Ast.CaseLabel label = b.labels().get(i);
                lo[i] = caseLabel(label.low(), st);
                hi[i] = label.high() == null ? lo[i] : caseLabel(label.high(), st);
                // counted, not compared: a range wider than a long (as from a refused label's MIN_VALUE) overflows
                // to a negative width, and one that ends at MAX_VALUE would never end
                long width = hi[i] - lo[i];
                if (width >= 0 && width < 10_000) {
                    for (long k = 0; k <= width; k++) {
                        long v = lo[i] + k;
                        Integer before = seen.putIfAbsent(v, label.low().position().line());
                        if (before != null) {
                            error(Message.CASE_DUPLICATE, label.low().position(), 1, v, before);
                            break;
                        }
                    }
                }
            }
            lows.add(lo);
            highs.add(hi);
            bodies.add(inBranch(id, branch++, b.body()));
        }
        List<Bound.Stmt> elseBody = inBranch(id, branch, c.elseBody());
        return new Bound.Case(c.position(), selector, lows, highs, bodies, elseBody);
    }

    private long caseLabel(Ast.Expr label, Type selectorType) {
        if (selectorType instanceof Type.EnumType et && label instanceof Ast.Name n) {
            int i = et.indexOf(n.name());
            if (i >= 0) {
                return et.numbers()[i];
            }
        }
        Object c = constant(label);
        if (c instanceof Long n) {
            return n;
        }
        error(Message.NOT_CONSTANT, label.position(), 1, "a CASE label");
        return Long.MIN_VALUE;
    }

    private Bound.@Nullable Stmt forStatement(Ast.For f) {
        Bound.Ref var = expressions.place(f.variable(), true);
        Bound.Expr from = expressions.check(f.from());
        Bound.Expr to = expressions.check(f.to());
        Bound.Expr step = f.step() == null ? null : expressions.check(f.step());
        if (var == null) {
            loops++;
            statements(f.body());
            loops--;
            return null;
        }
        Type t = var.type();
        String name = f.variable().name();
        if (!Typing.isInteger(t) && !Typing.isInvalid(t)) {
            error(Message.NOT_INTEGER, f.variable().position(), name.length(), "the FOR counter '" + name + "'", t.name());
        }
        from = expressions.coerce(from, t, f.from().position(), name);
        to = expressions.coerce(to, t, f.to().position(), name);
        step = step == null ? new Bound.Const(f.position(), t, 1, 0, null) : expressions.coerce(step, t, f.step().position(), name);
        Variable counter = var instanceof Bound.VarRef v ? v.variable() : null;
        if (counter != null) {
            forVariables.add(counter);
        }
        loops++;
        List<Bound.Stmt> body = statements(f.body());
        loops--;
        if (counter != null) {
            forVariables.remove(counter);
        }
        return new Bound.For(f.position(), var, from, to, step, body);
    }

    boolean isForCounter(Variable v) {
        return forVariables.contains(v);
    }

    private void checkResultAssigned(Ast.Pou pou, FunctionBlock fb) {
        if (fb.result() == null || Typing.isInvalid(fb.result().type())) {
            return;
        }
        if (!assignsResult(bodies.get(fb), fb.result())) {
            warning(Message.FUNCTION_NO_RESULT, pou.position(), pou.name().length(), pou.name());
        }
    }

    private static boolean assignsResult(List<Bound.Stmt> body, Variable result) {
        for (Bound.Stmt s : body) {
            boolean hit = switch (s) {
                case Bound.Assign a -> a.target() instanceof Bound.VarRef v && v.variable() == result;
                case Bound.If i -> anyAssignsResult(i.bodies(), result) || assignsResult(i.elseBody(), result);
                case Bound.Case c -> anyAssignsResult(c.bodies(), result) || assignsResult(c.elseBody(), result);
                case Bound.For f -> assignsResult(f.body(), result);
                case Bound.While w -> assignsResult(w.body(), result);
                case Bound.Repeat r -> assignsResult(r.body(), result);
                default -> false;
            };
            if (hit) {
                return true;
            }
        }
        return false;
    }

    /** A loop, not a stream: this recurses once per nested block. */
    private static boolean anyAssignsResult(List<List<Bound.Stmt>> bodies, Variable result) {
        for (List<Bound.Stmt> body : bodies) {
            if (assignsResult(body, result)) {
                return true;
            }
        }
        return false;
    }

    // --- whole-program checks ---------------------------------------------------------------

    /**
     * The whole program's variables within {@link StCompiler#MEMORY_LIMIT_BYTES}: the globals, the
     * PROGRAM with every function block instance it holds, and each FUNCTION's one frame. Each
     * declaration too large by itself was already refused where it stands; this catches the sum.
     */
    private boolean checkMemory(FunctionBlock program) {
        Memory memory = new Memory();
        long total = Memory.plus(memory.frame(globals), memory.frame(program));
        Variable largest = null;
        long largestBytes = -1;
        for (FunctionBlock owner : List.of(globals, program)) {
            for (Variable v : owner.variables().values()) {
                long b = memory.bytes(v.type());
                if (b > largestBytes) {
                    largest = v;
                    largestBytes = b;
                }
            }
        }
        for (FunctionBlock fb : pous.values()) {
            if (fb.kind() == Ast.PouKind.FUNCTION) {
                total = Memory.plus(total, memory.frame(fb));
            }
        }
        if (total <= StCompiler.MEMORY_LIMIT_BYTES) {
            return true;
        }
        Position at = largest == null ? program.position() : largest.declared();
        String name = largest == null ? program.name() : largest.name();
        error(Message.PROGRAM_MEMORY_LIMIT, at, name.length(), Memory.format(total),
                Memory.format(StCompiler.MEMORY_LIMIT_BYTES), name, Memory.format(Math.max(0, largestBytes)));
        return false;
    }

    /**
     * Function blocks and functions nested at most {@link #MAX_NESTING} deep, whether an instance holds another
     * or a body calls another: each level is a call (and a frame made at load) on the stack of the thread that
     * runs every session, so a chain of thousands would end in a stack overflow. And the bodies along a chain
     * of calls nest at most {@link #MAX_CALL_DEPTH} levels deep in all ({@link Depth}): a call runs the callee's
     * blocks and expressions on top of the caller's. Runs only on a program without recursion; the search stops
     * at the first chain that is too deep.
     */
    private boolean checkNesting(FunctionBlock program) {
        java.util.ArrayDeque<FunctionBlock> chain = new java.util.ArrayDeque<>();
        Map<FunctionBlock, Integer> known = new IdentityHashMap<>();
        Map<FunctionBlock, Integer> reaches = new IdentityHashMap<>();
        List<FunctionBlock> roots = new ArrayList<>(List.of(globals, program));
        for (FunctionBlock root : roots) {
            chain.clear();
            if (height(root, chain, known) < 0) {
                FunctionBlock deepest = chain.getLast();
                error(Message.NESTING_TOO_DEEP, deepest.position(), deepest.name().length(), shown(chain), MAX_NESTING);
                return false;
            }
            int reach = reach(root, reaches);
            if (reach > MAX_CALL_DEPTH) {
                chain.clear();
                for (FunctionBlock at = root; at != null; at = deepestNested(at, reaches)) {
                    chain.addLast(at);
                }
                FunctionBlock deepest = chain.getLast();
                error(Message.CALLS_TOO_DEEP, deepest.position(), deepest.name().length(), shown(chain), reach,
                        MAX_CALL_DEPTH);
                return false;
            }
        }
        return true;
    }

    private String shown(java.util.Deque<FunctionBlock> chain) {
        List<String> names = chain.stream().filter(fb -> fb != globals).map(FunctionBlock::name).toList();
        return String.join(" → ", names.size() <= 6 ? names
                : java.util.stream.Stream.concat(names.subList(0, 5).stream(), java.util.stream.Stream.of("…")).toList());
    }

    static final int MAX_NESTING = 32;

    /**
     * How deep the bodies along a chain of calls may nest in all. One body at the parser's limits (blocks 63
     * deep, an expression of 128 operators at the bottom) comes to about 190, so a program alone never
     * reaches it; functions at those limits calling one another do, long before the stack of a scan ends.
     */
    static final int MAX_CALL_DEPTH = 256;

    /** How deep a call of {@code fb} nests: its own body, and the deepest of what it calls or holds on top. */
    private int reach(FunctionBlock fb, Map<FunctionBlock, Integer> reaches) {
        Integer known = reaches.get(fb);
        if (known != null) {
            return known;
        }
        int below = 0;
        for (FunctionBlock n : nested(fb)) {
            below = Math.max(below, reach(n, reaches));
        }
        int reach = Depth.of(bodies.getOrDefault(fb, List.of())) + below;
        reaches.put(fb, reach);
        return reach;
    }

    /** What {@code fb} calls or holds that reaches deepest, or null when it calls and holds nothing. */
    private @Nullable FunctionBlock deepestNested(FunctionBlock fb, Map<FunctionBlock, Integer> reaches) {
        FunctionBlock deepest = null;
        for (FunctionBlock n : nested(fb)) {
            if (deepest == null || reaches.get(n) > reaches.get(deepest)) {
                deepest = n;
            }
        }
        return deepest;
    }

    /** The function blocks and functions {@code fb} calls or holds instances of, standard ones left out. */
    private Set<FunctionBlock> nested(FunctionBlock fb) {
        Set<FunctionBlock> next = new LinkedHashSet<>(calls.getOrDefault(fb, Set.of()));
        for (Variable v : fb.variables().values()) {
            Type t = v.type() instanceof Type.ArrayType a ? a.element() : v.type();
            if (t instanceof Type.FbType ft) {
                next.add(ft.block());
            }
        }
        next.removeIf(FunctionBlock::standard);
        return next;
    }

    /** How many levels nest below {@code fb}, or -1 when {@code chain} (left holding the path) goes too deep. */
    private int height(FunctionBlock fb, java.util.Deque<FunctionBlock> chain, Map<FunctionBlock, Integer> known) {
        chain.addLast(fb);
        if (chain.size() > MAX_NESTING + 1) {
            return -1; // the PROGRAM itself is level 0
        }
        Integer h = known.get(fb);
        if (h != null) {
            if (chain.size() - 1 + h > MAX_NESTING) {
                return -1;
            }
            chain.removeLast();
            return h;
        }
        int height = 0;
        for (FunctionBlock n : nested(fb)) {
            int below = height(n, chain, known);
            if (below < 0) {
                return -1;
            }
            height = Math.max(height, below + 1);
        }
        known.put(fb, height);
        chain.removeLast();
        return height;
    }

    private void checkRecursion() {
        for (FunctionBlock fb : pous.values()) {
            if (reaches(fb, fb, new HashSet<>())) {
                error(Message.RECURSION, fb.position(), fb.name().length(), fb.name());
            }
            if (fb.kind() == Ast.PouKind.FUNCTION_BLOCK && contains(fb, fb, new HashSet<>())) {
                error(Message.RECURSION, fb.position(), fb.name().length(), fb.name());
            }
        }
    }

    private boolean reaches(FunctionBlock from, FunctionBlock target, Set<FunctionBlock> seen) {
        for (FunctionBlock callee : calls.getOrDefault(from, Set.of())) {
            if (callee == target || (seen.add(callee) && reaches(callee, target, seen))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code fb} holds (directly or inside its instances) an instance of {@code target}. */
    private static boolean contains(FunctionBlock fb, FunctionBlock target, Set<FunctionBlock> seen) {
        for (Variable v : fb.variables().values()) {
            Type t = v.type() instanceof Type.ArrayType a ? a.element() : v.type();
            if (t instanceof Type.FbType ft) {
                if (ft.block() == target || (seen.add(ft.block()) && contains(ft.block(), target, seen))) {
                    return true;
                }
            }
        }
        return false;
    }

    private void warnings() {
        for (Map.Entry<Variable, List<Site>> e : outputSites.entrySet()) {
            warnConcurrent(e.getValue(), sites -> Message.DOUBLE_COIL.warning(sites.get(1).position(),
                    e.getKey().name().length(), e.getKey().name(), sites.size(), lines(sites)));
        }
        for (Map.Entry<Variable, List<Site>> e : callSites.entrySet()) {
            warnConcurrent(e.getValue(), sites -> Message.FB_CALLED_TWICE.warning(sites.get(1).position(),
                    e.getKey().name().length(), e.getKey().name(), sites.size(), lines(sites)));
        }
        for (FunctionBlock fb : pous.values()) {
            for (Variable v : fb.variables().values()) {
                Type t = v.type() instanceof Type.ArrayType a ? a.element() : v.type();
                if (t instanceof Type.FbType ft && ft.block().isTimer() && !calledInstances.contains(v)) {
                    warning(Message.TIMER_NEVER_CALLED, v.declared(), v.name().length(), v.name());
                } else if (!used.contains(v) && v.section() == Ast.Section.VAR && v.location() == null
                        && !(t instanceof Type.FbType) && !v.constant() && fb.kind() != Ast.PouKind.FUNCTION
                        && !v.name().startsWith("%")) {
                    warning(Message.UNUSED_VARIABLE, v.declared(), v.name().length(), v.name());
                }
            }
        }
    }

    private interface WarningFactory {
        Diagnostic make(List<Site> sites);
    }

    /** Warns when two of the sites can run in the same scan (not in different branches of one IF/CASE). */
    private void warnConcurrent(List<Site> sites, WarningFactory factory) {
        if (sites.size() < 2) {
            return;
        }
        for (int i = 0; i < sites.size(); i++) {
            for (int j = i + 1; j < sites.size(); j++) {
                if (!exclusive(sites.get(i).path(), sites.get(j).path())) {
                    diagnostics.add(factory.make(List.of(sites.get(i), sites.get(j))));
                    return;
                }
            }
        }
    }

    private static boolean exclusive(List<Long> a, List<Long> b) {
        for (int k = 0; k < Math.min(a.size(), b.size()); k++) {
            long x = a.get(k);
            long y = b.get(k);
            if (x != y) {
                return (x >>> 16) == (y >>> 16);
            }
        }
        return false;
    }

    private static String lines(List<Site> sites) {
        return String.join(", ", sites.stream().map(s -> String.valueOf(s.position().line())).toList());
    }

    // --- constants --------------------------------------------------------------------------

    /** The value of a constant expression (Long bits, Double, String), or null if it is not constant. */
    @Nullable Object constant(Ast.Expr e) {
        int before = diagnostics.size();
        Bound.Expr b = expressions.check(e);
        if (diagnostics.size() > before) {
            return null;
        }
        return Constants.fold(b, this);
    }
}
