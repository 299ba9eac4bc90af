package sfa.lab.st;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The syntax tree the parser builds: sealed interfaces with record nodes, each carrying the
 * position of its first token. Names are kept as written; the checker compares them upper-cased.
 */
final class Ast {

    private Ast() {
    }

    /** A whole source file: type declarations, global variables and program organisation units. */
    record SourceFile(List<TypeDecl> types, List<VarBlock> globals, List<Pou> pous) {
    }

    enum PouKind {
        PROGRAM, FUNCTION_BLOCK, FUNCTION
    }

    /**
     * A PROGRAM, FUNCTION_BLOCK or FUNCTION.
     *
     * @param returnType a FUNCTION's result type, null otherwise
     */
    record Pou(Position position, PouKind kind, String name, @Nullable TypeRef returnType, List<VarBlock> vars,
            List<Stmt> body) {
    }

    enum Section {
        VAR, VAR_INPUT, VAR_OUTPUT, VAR_IN_OUT, VAR_GLOBAL, VAR_TEMP, VAR_EXTERNAL
    }

    record VarBlock(Position position, Section section, boolean constant, boolean retain, List<VarDecl> vars) {
    }

    /**
     * One declared variable: {@code Motor AT %QX0.0 : BOOL := FALSE;}. {@code a, b : INT;} becomes two.
     *
     * @param location the {@code AT} address as written ({@code %QX0.0}), or null
     */
    record VarDecl(Position position, String name, @Nullable Token location, TypeRef type,
            @Nullable Initializer init) {
    }

    // --- types ------------------------------------------------------------------------------

    sealed interface TypeRef {
        Position position();
    }

    /** {@code INT}, {@code TON}, {@code MyStruct}. */
    record NamedType(Position position, String name) implements TypeRef {
    }

    /** {@code ARRAY[1..10, 0..3] OF INT}. */
    record ArrayType(Position position, List<Dimension> dimensions, TypeRef element) implements TypeRef {
    }

    record Dimension(Expr low, Expr high) {
    }

    /** {@code STRING} or {@code STRING[20]}; length null means the default. */
    record StringType(Position position, @Nullable Expr length) implements TypeRef {
    }

    /** TYPE … END_TYPE declarations. */
    sealed interface TypeDecl {
        Position position();

        String name();
    }

    record StructDecl(Position position, String name, List<VarDecl> fields) implements TypeDecl {
    }

    /** {@code (Idle, Running := 5, Stopped) := Idle}; values and the default null when not given. */
    record EnumDecl(Position position, String name, List<EnumValue> values, @Nullable Expr defaultValue)
            implements TypeDecl {
    }

    record EnumValue(Position position, String name, @Nullable Expr value) {
    }

    /** {@code TYPE Speed : INT := 100; END_TYPE}. */
    record AliasDecl(Position position, String name, TypeRef type, @Nullable Initializer init) implements TypeDecl {
    }

    // --- initial values ---------------------------------------------------------------------

    sealed interface Initializer {
        Position position();
    }

    record ExprInit(Position position, Expr value) implements Initializer {
    }

    /** {@code [1, 2, 3(0)]}: an element may repeat ({@code count(value)}). */
    record ArrayInit(Position position, List<ArrayElement> elements) implements Initializer {
    }

    /** @param count null for a single element */
    record ArrayElement(@Nullable Expr count, Initializer value) {
    }

    /** {@code (X := 1, Y := 2)}. */
    record StructInit(Position position, List<FieldInit> fields) implements Initializer {
    }

    record FieldInit(Position position, String name, Initializer value) {
    }

    // --- statements -------------------------------------------------------------------------

    sealed interface Stmt {
        Position position();
    }

    record Assign(Position position, Expr target, Expr value) implements Stmt {
    }

    /** A function block or function called as a statement: {@code T1(IN := Start, PT := T#1s);}. */
    record CallStmt(Position position, Call call) implements Stmt {
    }

    /** IF … ELSIF … ELSE … END_IF; {@code elseBody} is empty when there is no ELSE. */
    record If(Position position, List<Branch> branches, List<Stmt> elseBody) implements Stmt {
    }

    record Branch(Expr condition, List<Stmt> body) {
    }

    record Case(Position position, Expr selector, List<CaseBranch> branches, List<Stmt> elseBody) implements Stmt {
    }

    record CaseBranch(List<CaseLabel> labels, List<Stmt> body) {
    }

    /** A CASE label: one value ({@code high} null) or a range {@code low..high}. */
    record CaseLabel(Expr low, @Nullable Expr high) {
    }

    /** @param step null when there is no BY */
    record For(Position position, Name variable, Expr from, Expr to, @Nullable Expr step, List<Stmt> body)
            implements Stmt {
    }

    record While(Position position, Expr condition, List<Stmt> body) implements Stmt {
    }

    record Repeat(Position position, List<Stmt> body, Expr until) implements Stmt {
    }

    record Exit(Position position) implements Stmt {
    }

    record Return(Position position) implements Stmt {
    }

    // --- expressions ------------------------------------------------------------------------

    sealed interface Expr {
        Position position();
    }

    /** {@code TRUE}, {@code FALSE}, {@code BOOL#1}. */
    record BoolLiteral(Position position, boolean value) implements Expr {
    }

    /**
     * An integer literal, its bits in {@code value} (unsigned for ULINT/LWORD).
     *
     * @param type the type prefix as written ({@code INT} of {@code INT#5}), or null
     */
    record IntLiteral(Position position, long value, @Nullable String type, String text) implements Expr {
    }

    record RealLiteral(Position position, double value, @Nullable String type, String text) implements Expr {
    }

    /** {@code T#1s500ms}, in ms. */
    record TimeLiteral(Position position, long millis, String text) implements Expr {
    }

    record StringLiteral(Position position, String value) implements Expr {
    }

    /** {@code Color#Red}: an enumeration value qualified by its type. */
    record EnumLiteral(Position position, String type, String value) implements Expr {
    }

    /** A plain name: a variable, an enumeration value, a function block instance. */
    record Name(Position position, String name) implements Expr {
    }

    /** {@code %IX0.0} used directly in the code. */
    record DirectAddress(Position position, String address) implements Expr {
    }

    /** {@code T1.Q}, {@code Point.X}. */
    record Member(Position position, Expr target, String member) implements Expr {
    }

    /** {@code Values[i, j]}. */
    record Index(Position position, Expr target, List<Expr> indices) implements Expr {
    }

    enum UnaryOp {
        NEGATE("-"), NOT("NOT");

        final String symbol;

        UnaryOp(String symbol) {
            this.symbol = symbol;
        }
    }

    record Unary(Position position, UnaryOp op, Expr operand) implements Expr {
    }

    /**
     * Binary operators, from the loosest binding to the tightest (IEC 61131-3 table of precedence);
     * {@code level} counts from 1 (OR) up, operators of one level bind alike.
     */
    enum BinaryOp {
        OR("OR", 1), XOR("XOR", 2), AND("AND", 3),
        EQ("=", 4), NE("<>", 4),
        LT("<", 5), LE("<=", 5), GT(">", 5), GE(">=", 5),
        ADD("+", 6), SUB("-", 6),
        MUL("*", 7), DIV("/", 7), MOD("MOD", 7),
        POW("**", 8);

        final String symbol;
        final int level;

        BinaryOp(String symbol, int level) {
            this.symbol = symbol;
            this.level = level;
        }
    }

    record Binary(Position position, BinaryOp op, Expr left, Expr right) implements Expr {
    }

    /** A call: {@code MAX(a, b)} in an expression, or an FB instance call as a statement. */
    record Call(Position position, Expr callee, List<Argument> arguments) implements Expr {
    }

    /**
     * One argument: positional ({@code name} null), input {@code IN := x}, or output {@code Q => y}.
     */
    record Argument(Position position, @Nullable String name, Expr value, boolean output) {
    }
}
