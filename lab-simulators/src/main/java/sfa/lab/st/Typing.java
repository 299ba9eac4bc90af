package sfa.lab.st;

import org.jspecify.annotations.Nullable;
import sfa.lab.st.Type.Elementary;

/**
 * The type rules: which implicit conversions IEC 61131-3 allows (widening only: INT → DINT,
 * USINT → INT, INT → REAL, REAL → LREAL, BYTE → WORD…), how literals adapt to their context, and
 * which type two operands share.
 */
final class Typing {

    private Typing() {
    }

    static boolean isInvalid(Type t) {
        return t instanceof Type.Invalid;
    }

    static boolean isBool(Type t) {
        return t == Elementary.BOOL;
    }

    /** Integers, bit strings and integer literals. */
    static boolean isIntegral(Type t) {
        return t instanceof Type.AnyInt || (t instanceof Elementary e && e.isIntegral());
    }

    static boolean isInteger(Type t) {
        return t instanceof Type.AnyInt || (t instanceof Elementary e && e.isInteger());
    }

    static boolean isReal(Type t) {
        return t instanceof Type.AnyReal || (t instanceof Elementary e && e.isReal());
    }

    static boolean isNumeric(Type t) {
        return isInteger(t) || isReal(t);
    }

    static boolean isTime(Type t) {
        return t == Elementary.TIME;
    }

    static boolean isString(Type t) {
        return t instanceof Type.StringType;
    }

    /** Whether a value of {@code from} may be used where {@code to} is expected without a conversion function. */
    static boolean widens(Type from, Type to) {
        if (from.equals(to)) {
            return true;
        }
        if (from instanceof Type.StringType && to instanceof Type.StringType) {
            return true;
        }
        if (!(from instanceof Elementary f) || !(to instanceof Elementary t)) {
            return false;
        }
        if (f.isInteger() && t.isInteger()) {
            if (f.signed == t.signed) {
                return f.bits < t.bits;
            }
            return !f.signed && t.signed && f.bits < t.bits;
        }
        if (f.isBits() && t.isBits()) {
            return f.bits < t.bits;
        }
        if (f.isInteger() && t == Elementary.REAL) {
            return f.bits <= 16;
        }
        if (f.isInteger() && t == Elementary.LREAL) {
            return true;
        }
        return f == Elementary.REAL && t == Elementary.LREAL;
    }

    /** Whether a literal of type {@code literal} can take type {@code to}. */
    static boolean literalFits(Type literal, Type to) {
        if (literal instanceof Type.AnyInt i) {
            if (to instanceof Elementary e && e.isIntegral()) {
                return e.fits(i.value(), i.negative());
            }
            return to instanceof Elementary e && e.isReal();
        }
        if (literal instanceof Type.AnyReal) {
            return to instanceof Elementary e && e.isReal();
        }
        return false;
    }

    /**
     * The type two operands of an arithmetic or comparison operator share, or null when they cannot
     * meet without an explicit conversion.
     */
    static @Nullable Type common(Type a, Type b) {
        if (isInvalid(a)) {
            return b;
        }
        if (isInvalid(b) || a.equals(b)) {
            return a;
        }
        if (a instanceof Type.AnyInt x && b instanceof Type.AnyInt y) {
            // two literals stay a literal; the one of larger magnitude decides which types it fits
            return Math.abs(x.value()) >= Math.abs(y.value()) ? x : y;
        }
        if ((a instanceof Type.AnyInt || a instanceof Type.AnyReal) && (b instanceof Type.AnyInt || b instanceof Type.AnyReal)) {
            return new Type.AnyReal();
        }
        if (a instanceof Type.AnyInt || a instanceof Type.AnyReal) {
            return literalFits(a, b) ? b : a instanceof Type.AnyReal && isInteger(b) ? realFor(b) : null;
        }
        if (b instanceof Type.AnyInt || b instanceof Type.AnyReal) {
            return literalFits(b, a) ? a : b instanceof Type.AnyReal && isInteger(a) ? realFor(a) : null;
        }
        if (a instanceof Type.StringType && b instanceof Type.StringType) {
            return a;
        }
        if (widens(a, b)) {
            return b;
        }
        if (widens(b, a)) {
            return a;
        }
        return null;
    }

    /** The real type an integer widens to: REAL for up to 16 bits, LREAL beyond. */
    private static @Nullable Type realFor(Type integer) {
        return widens(integer, Elementary.REAL) ? Elementary.REAL : Elementary.LREAL;
    }

    /** The concrete type a value of type {@code t} takes when nothing else decides: literals become DINT/LREAL. */
    static Type concrete(Type t) {
        if (t instanceof Type.AnyInt i) {
            return Elementary.DINT.fits(i.value(), i.negative()) ? Elementary.DINT : Elementary.LINT;
        }
        if (t instanceof Type.AnyReal) {
            return Elementary.LREAL;
        }
        return t;
    }

    /** The {@code X_TO_Y} function a student can use to convert, or null if there is none. */
    static @Nullable String conversionFunction(Type from, Type to) {
        Type f = concrete(from);
        if (f instanceof Elementary a && to instanceof Elementary b) {
            return a.name() + "_TO_" + b.name();
        }
        return null;
    }

    /** The name a student reads for a type: {@code INT}, {@code ARRAY[1..3] OF INT}, {@code an integer literal}. */
    static String describe(Type t) {
        return t.name();
    }
}
