package sfa.lab.scenario;

import org.jspecify.annotations.Nullable;

/**
 * One objective's condition, as a teacher writes it:
 * <ul>
 * <li>{@code always C} / {@code never C}, optionally {@code from X}, {@code until X}, {@code while W};</li>
 * <li>{@code after E within 100ms C}: each time E happens, C holds at some moment within the time;</li>
 * <li>{@code whenever E then C}: at every moment E holds, C holds too;</li>
 * <li>{@code C by 60s}: C holds at 60 s; {@code C when W}: C holds the first time W does.</li>
 * </ul>
 * {@code from}/{@code until} take a time ({@code 11s}) or a condition (its first moment).
 */
sealed interface Objective {

    /** The part of the run an objective looks at. */
    record Scope(@Nullable Expr from, @Nullable Expr until, @Nullable Expr during) {
        static final Scope ALL = new Scope(null, null, null);
    }

    record Always(Expr condition, boolean negated, Scope scope) implements Objective {
    }

    record After(Expr event, double withinMillis, Expr condition, Scope scope) implements Objective {
    }

    record Whenever(Expr event, Expr condition, Scope scope) implements Objective {
    }

    /** {@code C by T} ({@code at} a time) or {@code C when W} ({@code at} a condition). */
    record At(Expr condition, Expr at, boolean isTime) implements Objective {
    }
}
