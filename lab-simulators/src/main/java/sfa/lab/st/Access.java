package sfa.lab.st;

/**
 * Where a storage place lives at run time: which frame (the current one, the globals, or a nested
 * instance's), a fixed offset, and array indices computed each time. Turns a place into getters and
 * setters for each slot array, specialised for the common fixed-offset case.
 */
final class Access {

    @FunctionalInterface
    interface FrameNode {
        Frame eval(Frame f);
    }

    /** A flat element number, already checked against the array's bounds. */
    @FunctionalInterface
    interface IndexNode {
        int eval(Frame f);
    }

    final FrameNode frame;
    final boolean current;
    final Type.Layout offset;
    final IndexNode[] indices;
    final Type.Layout[] strides;

    Access(FrameNode frame, boolean current, Type.Layout offset, IndexNode[] indices, Type.Layout[] strides) {
        this.frame = frame;
        this.current = current;
        this.offset = offset;
        this.indices = indices;
        this.strides = strides;
    }

    Access plus(Type.Layout more) {
        return new Access(frame, current, offset.plus(more), indices, strides);
    }

    Access index(IndexNode index, Type.Layout stride) {
        IndexNode[] i = java.util.Arrays.copyOf(indices, indices.length + 1);
        Type.Layout[] s = java.util.Arrays.copyOf(strides, strides.length + 1);
        i[indices.length] = index;
        s[strides.length] = stride;
        return new Access(frame, current, offset, i, s);
    }

    /** Which of the three slot arrays. */
    enum Slots {
        LONG, DOUBLE, OBJECT;

        int of(Type.Layout l) {
            return switch (this) {
                case LONG -> l.longs();
                case DOUBLE -> l.doubles();
                case OBJECT -> l.objects();
            };
        }
    }

    /** The slot number in the given array, for the frame {@code f} is running in. */
    IndexNode slot(Slots which) {
        int base = which.of(offset);
        if (indices.length == 0) {
            return f -> base;
        }
        if (indices.length == 1) {
            IndexNode i0 = indices[0];
            int s0 = which.of(strides[0]);
            return f -> base + i0.eval(f) * s0;
        }
        IndexNode[] is = indices;
        int[] ss = new int[strides.length];
        for (int k = 0; k < ss.length; k++) {
            ss[k] = which.of(strides[k]);
        }
        return f -> {
            int at = base;
            for (int k = 0; k < is.length; k++) {
                at += is[k].eval(f) * ss[k];
            }
            return at;
        };
    }

    Nodes.LongNode getLong() {
        int k = offset.longs();
        if (indices.length == 0) {
            if (current) {
                return f -> f.l[k];
            }
            FrameNode fr = frame;
            return f -> fr.eval(f).l[k];
        }
        IndexNode at = slot(Slots.LONG);
        FrameNode fr = frame;
        return f -> fr.eval(f).l[at.eval(f)];
    }

    Nodes.DoubleNode getDouble() {
        int k = offset.doubles();
        if (indices.length == 0) {
            if (current) {
                return f -> f.d[k];
            }
            FrameNode fr = frame;
            return f -> fr.eval(f).d[k];
        }
        IndexNode at = slot(Slots.DOUBLE);
        FrameNode fr = frame;
        return f -> fr.eval(f).d[at.eval(f)];
    }

    Nodes.ObjectNode getObject() {
        int k = offset.objects();
        if (indices.length == 0) {
            if (current) {
                return f -> f.o[k];
            }
            FrameNode fr = frame;
            return f -> fr.eval(f).o[k];
        }
        IndexNode at = slot(Slots.OBJECT);
        FrameNode fr = frame;
        return f -> fr.eval(f).o[at.eval(f)];
    }

    interface LongSetter {
        void set(Frame f, long v);
    }

    interface DoubleSetter {
        void set(Frame f, double v);
    }

    interface ObjectSetter {
        void set(Frame f, Object v);
    }

    LongSetter setLong() {
        int k = offset.longs();
        if (indices.length == 0) {
            if (current) {
                return (f, v) -> f.l[k] = v;
            }
            FrameNode fr = frame;
            return (f, v) -> fr.eval(f).l[k] = v;
        }
        IndexNode at = slot(Slots.LONG);
        FrameNode fr = frame;
        return (f, v) -> fr.eval(f).l[at.eval(f)] = v;
    }

    DoubleSetter setDouble() {
        int k = offset.doubles();
        if (indices.length == 0) {
            if (current) {
                return (f, v) -> f.d[k] = v;
            }
            FrameNode fr = frame;
            return (f, v) -> fr.eval(f).d[k] = v;
        }
        IndexNode at = slot(Slots.DOUBLE);
        FrameNode fr = frame;
        return (f, v) -> fr.eval(f).d[at.eval(f)] = v;
    }

    ObjectSetter setObject() {
        int k = offset.objects();
        if (indices.length == 0) {
            if (current) {
                return (f, v) -> f.o[k] = v;
            }
            FrameNode fr = frame;
            return (f, v) -> fr.eval(f).o[k] = v;
        }
        IndexNode at = slot(Slots.OBJECT);
        FrameNode fr = frame;
        return (f, v) -> fr.eval(f).o[at.eval(f)] = v;
    }
}
