package sfa.lab.st;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import sfa.lab.st.Type.Elementary;

/**
 * Initial values: checks an initializer against its variable's type, and lays out the starting
 * contents of a frame (defaults: 0, FALSE, T#0s, '', the first enumeration value; nested instances).
 */
final class Initials {

    private Initials() {
    }

    /** The value tree of an initializer (Long/Double/String, List for arrays, Map for structures), or null. */
    static @Nullable Object check(Ast.Initializer init, Type type, String name, Checker c) {
        return switch (init) {
            case Ast.ExprInit e -> {
                if (type instanceof Type.ArrayType || type instanceof Type.StructType || type instanceof Type.FbType) {
                    c.error(Message.TYPE_MISMATCH, e.position(), name.length(), name, type.name(), "a single value");
                    yield null;
                }
                Expressions x = new Expressions(c);
                Bound.Expr value = x.coerce(x.check(e.value()), type, e.position(), name);
                Object folded = Constants.fold(value, c);
                if (folded == null && !Typing.isInvalid(value.type())) {
                    c.error(Message.NOT_CONSTANT, e.position(), 1, "the initial value of '" + name + "'");
                }
                yield folded;
            }
            case Ast.ArrayInit a -> {
                if (!(type instanceof Type.ArrayType at)) {
                    c.error(Message.TYPE_MISMATCH, a.position(), name.length(), name, type.name(), "an array of values");
                    yield null;
                }
                List<Object> values = new ArrayList<>();
                for (Ast.ArrayElement el : a.elements()) {
                    long count = 1;
                    if (el.count() != null) {
                        Object n = c.constant(el.count());
                        if (!(n instanceof Long k) || k < 1) {
                            c.error(Message.NOT_CONSTANT, el.count().position(), 1, "a repeat count");
                            continue;
                        }
                        count = k;
                    }
                    Object v = check(el.value(), at.element(), name, c);
                    for (long i = 0; i < count && values.size() <= at.count(); i++) {
                        values.add(v);
                    }
                }
                if (values.size() > at.count()) {
                    c.error(Message.WRONG_ARGUMENTS, a.position(), name.length(), name, "at most " + at.count() + " values");
                }
                yield values;
            }
            case Ast.StructInit s -> {
                if (!(type instanceof Type.StructType st)) {
                    c.error(Message.TYPE_MISMATCH, s.position(), name.length(), name, type.name(), "(field := value, ...)");
                    yield null;
                }
                Map<String, Object> values = new LinkedHashMap<>();
                for (Ast.FieldInit f : s.fields()) {
                    Type.Field field = st.field(f.name());
                    if (field == null) {
                        c.error(Message.UNKNOWN_MEMBER, f.position(), f.name().length(), st.name(), f.name(),
                                String.join(", ", st.fields().stream().map(Type.Field::name).toList()));
                        continue;
                    }
                    Object v = check(f.value(), field.type(), f.name(), c);
                    if (v != null) {
                        values.put(field.name().toUpperCase(Locale.ROOT), v);
                    }
                }
                yield values;
            }
        };
    }

    /** Lays out the starting contents of every frame of {@code fb}. */
    static void assign(FunctionBlock fb, Checker c) {
        Type.Layout size = fb.layout();
        long[] l = new long[size.longs()];
        double[] d = new double[size.doubles()];
        Object[] o = new Object[size.objects()];
        List<FunctionBlock.Child> children = new ArrayList<>();
        for (Variable v : fb.variables().values()) {
            fillDefault(v.type(), v.offset(), l, d, o, children);
            Object value = c.initialValue(v);
            if (value != null) {
                fill(v.type(), v.offset(), value, l, d, o);
            }
        }
        fb.setInitialValues(l, d, o, children);
    }

    private static void fillDefault(Type t, Type.Layout at, long[] l, double[] d, Object[] o,
            List<FunctionBlock.Child> children) {
        switch (t) {
            case Type.EnumType e -> l[at.longs()] = e.numbers().length > 0 ? e.numbers()[0] : 0;
            case Type.StringType s -> o[at.objects()] = "";
            case Type.FbType f -> children.add(new FunctionBlock.Child(at.objects(), f.block()));
            case Type.StructType s -> {
                for (Type.Field f : s.fields()) {
                    fillDefault(f.type(), at.plus(f.offset()), l, d, o, children);
                    if (f.initial() != null) {
                        fill(f.type(), at.plus(f.offset()), f.initial(), l, d, o);
                    }
                }
            }
            case Type.ArrayType a -> {
                for (int i = 0; i < a.count(); i++) {
                    fillDefault(a.element(), at.plus(a.element().layout().times(i)), l, d, o, children);
                }
            }
            default -> {
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void fill(Type t, Type.Layout at, Object value, long[] l, double[] d, Object[] o) {
        switch (t) {
            case Type.ArrayType a when value instanceof List<?> list -> {
                for (int i = 0; i < list.size() && i < a.count(); i++) {
                    if (list.get(i) != null) {
                        fill(a.element(), at.plus(a.element().layout().times(i)), list.get(i), l, d, o);
                    }
                }
            }
            case Type.StructType s when value instanceof Map<?, ?> map -> {
                for (Type.Field f : s.fields()) {
                    Object v = ((Map<String, Object>) map).get(f.name().toUpperCase(Locale.ROOT));
                    if (v != null) {
                        fill(f.type(), at.plus(f.offset()), v, l, d, o);
                    }
                }
            }
            case Type.StringType s when value instanceof String str ->
                    o[at.objects()] = str.length() > s.length() ? str.substring(0, s.length()) : str;
            default -> {
                if (value instanceof Double x && t.layout().doubles() == 1) {
                    d[at.doubles()] = t == Elementary.REAL ? (float) (double) x : x;
                } else if (value instanceof Long x && t.layout().longs() == 1) {
                    l[at.longs()] = t instanceof Elementary e ? e.wrap(x) : x;
                }
            }
        }
    }
}
