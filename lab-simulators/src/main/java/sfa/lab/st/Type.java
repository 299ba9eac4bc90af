package sfa.lab.st;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The types of checked Structured Text. Every type has a {@link Layout}: how many slots it takes in
 * a frame's {@code long[]} (BOOL, integers, TIME, enums), {@code double[]} (REAL, LREAL) and
 * {@code Object[]} (STRING, function block instances). Structures and arrays are flattened.
 */
sealed interface Type {

    String name();

    Layout layout();

    /** Slots a value of a type takes in each of a frame's three arrays. */
    record Layout(int longs, int doubles, int objects) {
        static final Layout LONG = new Layout(1, 0, 0);
        static final Layout DOUBLE = new Layout(0, 1, 0);
        static final Layout OBJECT = new Layout(0, 0, 1);
        static final Layout NONE = new Layout(0, 0, 0);

        Layout plus(Layout o) {
            return new Layout(longs + o.longs, doubles + o.doubles, objects + o.objects);
        }

        Layout times(int n) {
            return new Layout(longs * n, doubles * n, objects * n);
        }
    }

    /** The elementary types of IEC 61131-3 that this soft PLC supports. */
    enum Elementary implements Type {
        BOOL(1, false, Kind.BOOL), SINT(8, true, Kind.INT), INT(16, true, Kind.INT), DINT(32, true, Kind.INT),
        LINT(64, true, Kind.INT), USINT(8, false, Kind.INT), UINT(16, false, Kind.INT), UDINT(32, false, Kind.INT),
        ULINT(64, false, Kind.INT), BYTE(8, false, Kind.BITS), WORD(16, false, Kind.BITS), DWORD(32, false, Kind.BITS),
        LWORD(64, false, Kind.BITS), REAL(32, true, Kind.REAL), LREAL(64, true, Kind.REAL), TIME(64, true, Kind.TIME);

        enum Kind {
            BOOL, INT, BITS, REAL, TIME
        }

        final int bits;
        final boolean signed;
        final Kind kind;

        Elementary(int bits, boolean signed, Kind kind) {
            this.bits = bits;
            this.signed = signed;
            this.kind = kind;
        }

        @Override
        public Layout layout() {
            return kind == Kind.REAL ? Layout.DOUBLE : Layout.LONG;
        }

        boolean isInteger() {
            return kind == Kind.INT;
        }

        boolean isBits() {
            return kind == Kind.BITS;
        }

        /** Integers and bit strings: values held in a long and wrapped to their width. */
        boolean isIntegral() {
            return kind == Kind.INT || kind == Kind.BITS;
        }

        boolean isReal() {
            return kind == Kind.REAL;
        }

        boolean isNumeric() {
            return kind == Kind.INT || kind == Kind.REAL;
        }

        /** Wraps {@code v} to this type's width, as a PLC's arithmetic does on overflow. */
        long wrap(long v) {
            return switch (this) {
                case SINT -> (byte) v;
                case INT -> (short) v;
                case DINT -> (int) v;
                case USINT, BYTE -> v & 0xFFL;
                case UINT, WORD -> v & 0xFFFFL;
                case UDINT, DWORD -> v & 0xFFFF_FFFFL;
                case BOOL -> v & 1L;
                default -> v;
            };
        }

        long min() {
            return switch (this) {
                case SINT -> Byte.MIN_VALUE;
                case INT -> Short.MIN_VALUE;
                case DINT -> Integer.MIN_VALUE;
                case LINT, TIME -> Long.MIN_VALUE;
                default -> 0;
            };
        }

        /** The largest value; for ULINT/LWORD the bits of 2^64 − 1. */
        long max() {
            return switch (this) {
                case SINT -> Byte.MAX_VALUE;
                case INT -> Short.MAX_VALUE;
                case DINT -> Integer.MAX_VALUE;
                case LINT, TIME -> Long.MAX_VALUE;
                case USINT, BYTE -> 0xFF;
                case UINT, WORD -> 0xFFFF;
                case UDINT, DWORD -> 0xFFFF_FFFFL;
                case BOOL -> 1;
                default -> -1L;
            };
        }

        /** Whether a literal of value {@code v} (bits; unsigned for 64-bit unsigned types) fits. */
        boolean fits(long v, boolean negativeLiteral) {
            if (bits == 64 && !signed) {
                return !negativeLiteral;
            }
            if (bits == 64) {
                return true;
            }
            return v >= min() && v <= max();
        }

        static @Nullable Elementary named(String name) {
            // a lookup, not valueOf: every FB type and user type name asked here threw and caught an exception
            return BY_NAME.get(name.toUpperCase(Locale.ROOT));
        }

        private static final java.util.Map<String, Elementary> BY_NAME = java.util.Arrays.stream(values())
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Enum::name, e -> e));
    }

    /** {@code STRING[n]}: at most {@code length} characters; longer values are cut. */
    record StringType(int length) implements Type {
        static final int DEFAULT_LENGTH = 80;

        @Override
        public String name() {
            return length == DEFAULT_LENGTH ? "STRING" : "STRING[" + length + "]";
        }

        @Override
        public Layout layout() {
            return Layout.OBJECT;
        }
    }

    /** {@code ARRAY[low..high, …] OF element}, stored row-major. */
    record ArrayType(Type element, int[] low, int[] high) implements Type {
        int count() {
            int n = 1;
            for (int i = 0; i < low.length; i++) {
                n *= high[i] - low[i] + 1;
            }
            return n;
        }

        @Override
        public String name() {
            StringBuilder b = new StringBuilder("ARRAY[");
            for (int i = 0; i < low.length; i++) {
                b.append(i > 0 ? ", " : "").append(low[i]).append("..").append(high[i]);
            }
            return b.append("] OF ").append(element.name()).toString();
        }

        @Override
        public Layout layout() {
            return element.layout().times(count());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ArrayType a && a.element.equals(element) && java.util.Arrays.equals(a.low, low)
                    && java.util.Arrays.equals(a.high, high);
        }

        @Override
        public int hashCode() {
            return element.hashCode() * 31 + java.util.Arrays.hashCode(low) * 7 + java.util.Arrays.hashCode(high);
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** A field of a structure, at fixed slot offsets within it, with its initial value (null: the default). */
    record Field(String name, Type type, Layout offset, @Nullable Object initial) {
    }

    /** A named STRUCT; its fields are laid out one after another. */
    final class StructType implements Type {
        private final String name;
        private List<Field> fields = List.of();
        private Layout layout = Layout.NONE;

        StructType(String name) {
            this.name = name;
        }

        void define(List<Field> fields, Layout layout) {
            this.fields = List.copyOf(fields);
            this.layout = layout;
        }

        List<Field> fields() {
            return fields;
        }

        @Nullable Field field(String upperName) {
            for (Field f : fields) {
                if (f.name().equalsIgnoreCase(upperName)) {
                    return f;
                }
            }
            return null;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Layout layout() {
            return layout;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** An enumeration; each value is stored as its number. */
    record EnumType(String name, List<String> values, long[] numbers) implements Type {
        @Override
        public Layout layout() {
            return Layout.LONG;
        }

        int indexOf(String value) {
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i).equalsIgnoreCase(value)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof EnumType e && e.name.equalsIgnoreCase(name);
        }

        @Override
        public int hashCode() {
            return name.toUpperCase(Locale.ROOT).hashCode();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A function block type: an instance is a frame of its own, held in one object slot. */
    record FbType(FunctionBlock block) implements Type {
        @Override
        public String name() {
            return block.name();
        }

        @Override
        public Layout layout() {
            return Layout.OBJECT;
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** The type of an integer literal before it meets a context: it adapts to any integer or real type. */
    record AnyInt(long value, boolean negative) implements Type {
        @Override
        public String name() {
            return "integer literal";
        }

        @Override
        public Layout layout() {
            return Layout.LONG;
        }
    }

    /** The type of an expression that already has an error: it is accepted everywhere, so one mistake gives one message. */
    record Invalid() implements Type {
        static final Invalid INSTANCE = new Invalid();

        @Override
        public String name() {
            return "?";
        }

        @Override
        public Layout layout() {
            return Layout.LONG;
        }
    }

    /** The type of a real literal before it meets a context: REAL or LREAL. */
    record AnyReal() implements Type {
        @Override
        public String name() {
            return "real literal";
        }

        @Override
        public Layout layout() {
            return Layout.DOUBLE;
        }
    }
}
