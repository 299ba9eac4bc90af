package sfa.lab.scenario;

import java.util.List;

/**
 * Evaluates objective expressions over a whole {@link TraceTable}: each node gives one value per
 * sample. Functions with memory (rise, held, since, latch, clock…) walk the samples once, in order.
 */
final class Series {

    private final TraceTable trace;
    private final double[] t;
    private final int n;

    Series(TraceTable trace) {
        this.trace = trace;
        this.t = trace.times();
        this.n = trace.rows();
    }

    int size() {
        return n;
    }

    double time(int i) {
        return t[i];
    }

    private static boolean on(double v) {
        return v != 0 && !Double.isNaN(v);
    }

    double[] eval(Expr e) {
        return switch (e) {
            case Expr.Number num -> fill(num.value());
            case Expr.Time time -> java.util.Arrays.copyOf(t, n);
            case Expr.Signal s -> {
                double[] c = trace.column(s.name());
                if (c == null) {
                    throw new IllegalStateException("no signal " + s.name());
                }
                yield c;
            }
            case Expr.Unary u -> {
                double[] x = eval(u.operand());
                double[] r = new double[n];
                boolean not = u.op().equals("not");
                for (int i = 0; i < n; i++) {
                    r[i] = not ? (on(x[i]) ? 0 : 1) : -x[i];
                }
                yield r;
            }
            case Expr.Binary b -> binary(b.op(), eval(b.left()), eval(b.right()));
            case Expr.Call c -> call(c.function(), c.args());
        };
    }

    private double[] fill(double v) {
        double[] r = new double[n];
        java.util.Arrays.fill(r, v);
        return r;
    }

    /** One operator over every sample: the operator is chosen once, not at each of the run's thousands of samples. */
    private double[] binary(String op, double[] x, double[] y) {
        double[] r = new double[n];
        switch (op) {
            case "+" -> {
                for (int i = 0; i < n; i++) {
                    r[i] = x[i] + y[i];
                }
            }
            case "-" -> {
                for (int i = 0; i < n; i++) {
                    r[i] = x[i] - y[i];
                }
            }
            case "*" -> {
                for (int i = 0; i < n; i++) {
                    r[i] = x[i] * y[i];
                }
            }
            case "/" -> {
                for (int i = 0; i < n; i++) {
                    r[i] = y[i] == 0 ? Double.NaN : x[i] / y[i];
                }
            }
            case "==" -> {
                for (int i = 0; i < n; i++) {
                    r[i] = x[i] == y[i] ? 1 : 0;
                }
            }
            case "!=" -> {
                for (int i = 0; i < n; i++) {
                    r[i] = x[i] != y[i] ? 1 : 0;
                }
            }
            case "<" -> {
                for (int i = 0; i < n; i++) {
                    r[i] = x[i] < y[i] ? 1 : 0;
                }
            }
            case "<=" -> {
                for (int i = 0; i < n; i++) {
                    r[i] = x[i] <= y[i] ? 1 : 0;
                }
            }
            case ">" -> {
                for (int i = 0; i < n; i++) {
                    r[i] = x[i] > y[i] ? 1 : 0;
                }
            }
            case ">=" -> {
                for (int i = 0; i < n; i++) {
                    r[i] = x[i] >= y[i] ? 1 : 0;
                }
            }
            case "and" -> {
                for (int i = 0; i < n; i++) {
                    r[i] = on(x[i]) && on(y[i]) ? 1 : 0;
                }
            }
            case "or" -> {
                for (int i = 0; i < n; i++) {
                    r[i] = on(x[i]) || on(y[i]) ? 1 : 0;
                }
            }
            case "implies" -> {
                for (int i = 0; i < n; i++) {
                    r[i] = !on(x[i]) || on(y[i]) ? 1 : 0;
                }
            }
            default -> throw new IllegalStateException(op);
        }
        return r;
    }

    private double[] call(String f, List<Expr> args) {
        double[] x = eval(args.getFirst());
        double[] r = new double[n];
        switch (f) {
            case "rise" -> {
                for (int i = 1; i < n; i++) {
                    r[i] = on(x[i]) && !on(x[i - 1]) ? 1 : 0;
                }
            }
            case "fall" -> {
                for (int i = 1; i < n; i++) {
                    r[i] = !on(x[i]) && on(x[i - 1]) ? 1 : 0;
                }
            }
            case "change" -> {
                for (int i = 1; i < n; i++) {
                    r[i] = x[i] != x[i - 1] ? 1 : 0;
                }
            }
            case "held" -> {
                double d = constant(args.get(1));
                double start = Double.NaN;
                for (int i = 0; i < n; i++) {
                    if (on(x[i])) {
                        if (Double.isNaN(start)) {
                            start = t[i];
                        }
                        r[i] = t[i] - start > d ? 1 : 0;
                    } else {
                        start = Double.NaN;
                    }
                }
            }
            case "happened" -> {
                double d = constant(args.get(1));
                double last = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    if (on(x[i])) {
                        last = t[i];
                    }
                    r[i] = t[i] - last <= d ? 1 : 0;
                }
            }
            case "since" -> {
                double last = Double.NaN;
                for (int i = 0; i < n; i++) {
                    r[i] = Double.isNaN(last) ? Double.POSITIVE_INFINITY : t[i] - last;
                    if (on(x[i])) {
                        last = t[i];
                    }
                }
            }
            case "count" -> {
                double c = 0;
                for (int i = 0; i < n; i++) {
                    if (on(x[i])) {
                        c++;
                    }
                    r[i] = c;
                }
            }
            case "latch" -> {
                double[] reset = eval(args.get(1));
                boolean state = false;
                for (int i = 0; i < n; i++) {
                    if (on(x[i])) {
                        state = true;
                    } else if (on(reset[i])) {
                        state = false;
                    }
                    r[i] = state ? 1 : 0;
                }
            }
            case "clock" -> {
                double c = 0;
                for (int i = 0; i < n; i++) {
                    r[i] = c;
                    if (on(x[i]) && i + 1 < n) {
                        c += t[i + 1] - t[i];
                    }
                }
            }
            case "hold" -> {
                double[] e = eval(args.get(1));
                double held = Double.NaN;
                for (int i = 0; i < n; i++) {
                    if (on(e[i])) {
                        held = x[i];
                    }
                    r[i] = held;
                }
            }
            case "sign" -> {
                for (int i = 0; i < n; i++) {
                    r[i] = Math.signum(x[i]);
                }
            }
            case "abs" -> {
                for (int i = 0; i < n; i++) {
                    r[i] = Math.abs(x[i]);
                }
            }
            case "min", "max" -> {
                double[] y = eval(args.get(1));
                boolean min = f.equals("min");
                for (int i = 0; i < n; i++) {
                    r[i] = min ? Math.min(x[i], y[i]) : Math.max(x[i], y[i]);
                }
            }
            default -> throw new IllegalStateException(f);
        }
        return r;
    }

    private static double constant(Expr e) {
        if (e instanceof Expr.Number num) {
            return num.value();
        }
        throw new IllegalStateException("a duration must be a constant: " + Expr.show(e));
    }

    static boolean isOn(double v) {
        return on(v);
    }
}
