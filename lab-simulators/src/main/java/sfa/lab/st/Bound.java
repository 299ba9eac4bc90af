package sfa.lab.st;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The checked, typed tree: every name is resolved to a storage place ({@link Ref}), every expression
 * has its type, implicit conversions are explicit nodes. {@link Codegen} turns it into closures.
 */
final class Bound {

    private Bound() {
    }

    // --- storage places -------------------------------------------------------------------

    sealed interface Ref {
        Type type();
    }

    /** A variable of the current frame ({@code global} false) or of the global frame. */
    record VarRef(Type type, boolean global, Type.Layout offset, Variable variable) implements Ref {
    }

    /** A field of a structure held in {@code base}. */
    record FieldRef(Type type, Ref base, Type.Layout offset) implements Ref {
    }

    /** An element of an array, the index computed each time and checked against the bounds. */
    record ElementRef(Type type, Ref base, Type.ArrayType array, List<Expr> indices, Position position, String name)
            implements Ref {
    }

    /** A variable inside a function block instance ({@code T1.Q}). */
    record MemberRef(Type type, Ref instance, Variable member) implements Ref {
    }

    // --- expressions ----------------------------------------------------------------------

    sealed interface Expr {
        Type type();

        Position position();
    }

    /** A constant: {@code bits} for integer-like types (BOOL 0/1, TIME in ms), {@code real}, or {@code text}. */
    record Const(Position position, Type type, long bits, double real, @Nullable String text) implements Expr {
    }

    record Load(Position position, Type type, Ref ref) implements Expr {
    }

    record Unary(Position position, Type type, Ast.UnaryOp op, Expr operand) implements Expr {
    }

    /** @param operandType the type both operands have been brought to */
    record Binary(Position position, Type type, Ast.BinaryOp op, Type operandType, Expr left, Expr right)
            implements Expr {
    }

    /** A conversion from {@code from}'s type to {@code type}: implicit widening or an explicit X_TO_Y. */
    record Convert(Position position, Type type, Expr from, boolean truncate) implements Expr {
    }

    /** A call of a user FUNCTION; {@code args} are in the order of its inputs. */
    record CallFunction(Position position, Type type, FunctionBlock function, List<Expr> args) implements Expr {
    }

    /** A standard function (MIN, MAX, LIMIT, SEL, MUX, ABS, SQRT, SHL, SHR, ROL, ROR, LEN, CONCAT…). */
    record Builtin(Position position, Type type, String name, List<Expr> args) implements Expr {
    }

    // --- statements -----------------------------------------------------------------------

    sealed interface Stmt {
        Position position();
    }

    record Assign(Position position, Ref target, Expr value) implements Stmt {
    }

    /** A whole structure or array copied slot by slot. */
    record Copy(Position position, Ref target, Ref source) implements Stmt {
    }

    record If(Position position, List<Expr> conditions, List<List<Stmt>> bodies, List<Stmt> elseBody) implements Stmt {
    }

    /** @param lows the labels' low bounds per branch; {@code highs} equal for single values */
    record Case(Position position, Expr selector, List<long[]> lows, List<long[]> highs, List<List<Stmt>> bodies,
            List<Stmt> elseBody) implements Stmt {
    }

    record For(Position position, Ref variable, Expr from, Expr to, Expr step, List<Stmt> body) implements Stmt {
    }

    record While(Position position, Expr condition, List<Stmt> body) implements Stmt {
    }

    record Repeat(Position position, List<Stmt> body, Expr until) implements Stmt {
    }

    record Exit(Position position) implements Stmt {
    }

    record Return(Position position) implements Stmt {
    }

    record Input(Variable parameter, Expr value) {
    }

    record Output(Variable parameter, Ref target) {
    }

    record FbCall(Position position, Ref instance, FunctionBlock block, List<Input> inputs, List<Output> outputs)
            implements Stmt {
    }

    /** A function called for its effect; the result is dropped. */
    record Evaluate(Position position, Expr call) implements Stmt {
    }
}
