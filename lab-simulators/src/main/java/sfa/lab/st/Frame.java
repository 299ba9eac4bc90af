package sfa.lab.st;

/**
 * The memory of one instance of a program, function block or function: slots for integer-like values
 * ({@code l}: BOOL as 0/1, integers, TIME in ms, enums), reals ({@code d}) and objects ({@code o}:
 * strings and the frames of nested function block instances). Created once, when the program is
 * loaded, so a scan allocates nothing.
 */
final class Frame {

    final long[] l;
    final double[] d;
    final Object[] o;
    final StRuntime rt;
    final Frame globals;

    Frame(Type.Layout layout, StRuntime rt, @org.jspecify.annotations.Nullable Frame globals) {
        this.l = new long[layout.longs()];
        this.d = new double[layout.doubles()];
        this.o = new Object[layout.objects()];
        this.rt = rt;
        this.globals = globals == null ? this : globals;
    }
}
