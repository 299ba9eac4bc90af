package sfa.lab.scenario;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Checks one objective on a recorded run and phrases the verdict. Timing follows LABS.md: with a
 * scan cycle of c ms, "within D" means within max(D, 3c).
 */
final class Judge {

    private Judge() {
    }

    /** What a failure is: when it happened, when it should have been resolved, the value seen, and where. */
    private record Failure(double at, double deadline, double value, int index) {
    }

    static Verdict judge(ObjectiveSpec spec, TraceTable trace, int scanMillis, long seed) {
        Series s = new Series(trace);
        Failure f = null;
        Objective failed = null;
        for (Objective check : spec.checks()) {
            f = find(check, s, scanMillis);
            if (f != null) {
                failed = check;
                break;
            }
        }
        if (f == null) {
            return new Verdict(spec.id(), true, spec.descriptionKo(), spec.descriptionEn(), -1, seed);
        }
        String t = seconds(f.at);
        String deadline = seconds(f.deadline);
        double shown = f.value;
        if (spec.show() != null && f.index >= 0 && f.index < s.size()) {
            shown = s.eval(spec.show())[f.index];
        }
        String ko;
        String en;
        if (spec.failKo() != null && spec.failEn() != null) {
            ko = fill(spec.failKo(), t, deadline, shown);
            en = fill(spec.failEn(), t, deadline, shown);
        } else {
            String[] generated = generated(failed, t, deadline, f.value);
            ko = generated[0];
            en = generated[1];
        }
        if (seed != Long.MIN_VALUE && spec.reportSeed()) {
            ko += " (시드 " + seed + ")";
            en += " (seed " + seed + ")";
        }
        return new Verdict(spec.id(), false, ko + " — " + spec.descriptionKo(), en + " — " + spec.descriptionEn(),
                Math.round(f.at), seed);
    }

    private static String seconds(double ms) {
        return Double.isInfinite(ms) || Double.isNaN(ms) ? "?" : String.format(Locale.ROOT, "%.2f", ms / 1000.0);
    }

    private static String fill(String template, String t, String deadline, double value) {
        return template.replace("{t}", t).replace("{deadline}", deadline)
                .replace("{value}", value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.3f", value));
    }

    private static String[] generated(Objective o, String t, String deadline, double value) {
        return switch (o) {
            case Objective.Always a -> a.negated()
                    ? new String[] {"t=" + t + " s: `" + Expr.show(a.condition()) + "`이(가) 일어났습니다",
                            "t=" + t + " s: `" + Expr.show(a.condition()) + "` happened"}
                    : new String[] {"t=" + t + " s: `" + Expr.show(a.condition()) + "`이(가) 지켜지지 않았습니다",
                            "t=" + t + " s: `" + Expr.show(a.condition()) + "` did not hold"};
            case Objective.After a -> new String[] {
                    "t=" + t + " s: `" + Expr.show(a.event()) + "` 뒤 t=" + deadline + " s까지 `" + Expr.show(a.condition())
                            + "`이(가) 되지 않았습니다",
                    "t=" + t + " s: after `" + Expr.show(a.event()) + "`, `" + Expr.show(a.condition())
                            + "` was still not true at t=" + deadline + " s"};
            case Objective.Whenever w -> new String[] {
                    "t=" + t + " s: `" + Expr.show(w.event()) + "`일 때 `" + Expr.show(w.condition()) + "`이(가) 아니었습니다",
                    "t=" + t + " s: `" + Expr.show(w.event()) + "` while not `" + Expr.show(w.condition()) + "`"};
            case Objective.At a -> Double.isNaN(value)
                    ? new String[] {"`" + Expr.show(a.at()) + "`인 순간이 오지 않았습니다",
                            "the moment `" + Expr.show(a.at()) + "` never came"}
                    : new String[] {"t=" + t + " s: `" + Expr.show(a.condition()) + "`이(가) 아니었습니다",
                            "t=" + t + " s: `" + Expr.show(a.condition()) + "` was false"};
        };
    }

    private static @Nullable Failure find(Objective o, Series s, int scanMillis) {
        int n = s.size();
        return switch (o) {
            case Objective.Always a -> {
                boolean[] in = scope(a.scope(), s);
                double[] c = s.eval(a.condition());
                for (int i = 0; i < n; i++) {
                    if (in[i] && Series.isOn(c[i]) == a.negated()) {
                        yield new Failure(s.time(i), s.time(i), c[i], i);
                    }
                }
                yield null;
            }
            case Objective.After a -> {
                boolean[] in = scope(a.scope(), s);
                double[] e = s.eval(a.event());
                double[] c = s.eval(a.condition());
                double within = Math.max(a.withinMillis(), 3.0 * scanMillis);
                for (int i = 0; i < n; i++) {
                    if (!in[i] || !Series.isOn(e[i])) {
                        continue;
                    }
                    double deadline = s.time(i) + within;
                    boolean met = false;
                    int j = i;
                    for (; j < n && s.time(j) <= deadline; j++) {
                        if (Series.isOn(c[j])) {
                            met = true;
                            break;
                        }
                    }
                    if (!met && j < n) {
                        yield new Failure(s.time(i), deadline, c[Math.min(j, n - 1)], Math.min(j, n - 1));
                    }
                }
                yield null;
            }
            case Objective.Whenever w -> {
                boolean[] in = scope(w.scope(), s);
                double[] e = s.eval(w.event());
                double[] c = s.eval(w.condition());
                for (int i = 0; i < n; i++) {
                    if (in[i] && Series.isOn(e[i]) && !Series.isOn(c[i])) {
                        yield new Failure(s.time(i), s.time(i), c[i], i);
                    }
                }
                yield null;
            }
            case Objective.At a -> {
                double[] c = s.eval(a.condition());
                int at = -1;
                if (a.isTime()) {
                    double when = ((Expr.Number) a.at()).value();
                    for (int i = 0; i < n; i++) {
                        if (s.time(i) >= when) {
                            at = i;
                            break;
                        }
                    }
                } else {
                    double[] w = s.eval(a.at());
                    for (int i = 0; i < n; i++) {
                        if (Series.isOn(w[i])) {
                            at = i;
                            break;
                        }
                    }
                }
                if (at < 0) {
                    yield new Failure(n == 0 ? 0 : s.time(n - 1), Double.NaN, Double.NaN, n - 1);
                }
                yield Series.isOn(c[at]) ? null : new Failure(s.time(at), s.time(at), c[at], at);
            }
        };
    }

    /** Which samples an objective looks at: from its start (time or first moment) until its end, while its condition holds. */
    private static boolean[] scope(Objective.Scope scope, Series s) {
        int n = s.size();
        boolean[] in = new boolean[n];
        java.util.Arrays.fill(in, true);
        if (scope.from() != null) {
            int from = firstMoment(scope.from(), s);
            for (int i = 0; i < Math.min(from, n); i++) {
                in[i] = false;
            }
        }
        if (scope.until() != null) {
            int until = firstMoment(scope.until(), s);
            for (int i = until; i < n; i++) {
                in[i] = false;
            }
        }
        if (scope.during() != null) {
            double[] w = s.eval(scope.during());
            for (int i = 0; i < n; i++) {
                in[i] &= Series.isOn(w[i]);
            }
        }
        return in;
    }

    /** A time: the first sample at or after it; a condition: the first sample where it holds (n if never). */
    private static int firstMoment(Expr point, Series s) {
        int n = s.size();
        if (point instanceof Expr.Number num) {
            for (int i = 0; i < n; i++) {
                if (s.time(i) >= num.value()) {
                    return i;
                }
            }
            return n;
        }
        double[] c = s.eval(point);
        for (int i = 0; i < n; i++) {
            if (Series.isOn(c[i])) {
                return i;
            }
        }
        return n;
    }
}
