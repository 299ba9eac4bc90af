package sfa.lab.scenario;

import java.util.List;

/**
 * An expression of the objective language, evaluated over a whole recorded trace at once: every
 * node becomes one value per sample. Booleans are 1/0; durations are ms.
 */
sealed interface Expr {

    int line();

    int column();

    /** A number (durations already in ms). */
    record Number(int line, int column, double value) implements Expr {
    }

    /** A signal of the trace: an I/O name ({@code MOTOR}) or a state column ({@code BIN_A.metal}). */
    record Signal(int line, int column, String name) implements Expr {
    }

    /** The sample's simulated time in ms. */
    record Time(int line, int column) implements Expr {
    }

    record Unary(int line, int column, String op, Expr operand) implements Expr {
    }

    record Binary(int line, int column, String op, Expr left, Expr right) implements Expr {
    }

    /** rise, fall, change, held, happened, since, count, latch, clock, abs, min, max. */
    record Call(int line, int column, String function, List<Expr> args) implements Expr {
    }

    /** How the expression reads back, for messages. */
    static String show(Expr e) {
        return switch (e) {
            case Number n -> n.value() == Math.rint(n.value()) ? String.valueOf((long) n.value()) : String.valueOf(n.value());
            case Signal s -> s.name();
            case Time t -> "time";
            case Unary u -> u.op().equals("not") ? "not " + show(u.operand()) : u.op() + show(u.operand());
            case Binary b -> "(" + show(b.left()) + " " + b.op() + " " + show(b.right()) + ")";
            case Call c -> c.function() + "(" + String.join(", ", c.args().stream().map(Expr::show).toList()) + ")";
        };
    }
}
