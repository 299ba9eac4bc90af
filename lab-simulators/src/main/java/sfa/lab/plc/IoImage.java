package sfa.lab.plc;

import java.util.Arrays;
import sfa.lab.sim.StateReader;
import sfa.lab.sim.StateWriter;

/**
 * The process image a program works on: inputs copied in at the start of a scan, outputs copied out
 * at its end. Analog words hold raw values (4–20 mA ↔ 0…16000; a velocity command −16000…16000).
 */
public final class IoImage {

    private final boolean[] ix = new boolean[Address.BIT_BYTES * 8];
    private final boolean[] qx = new boolean[Address.BIT_BYTES * 8];
    private final int[] iw = new int[Address.WORDS];
    private final int[] qw = new int[Address.WORDS];

    public boolean input(int index) {
        return ix[index];
    }

    public boolean output(int index) {
        return qx[index];
    }

    public int inputWord(int index) {
        return iw[index];
    }

    public int outputWord(int index) {
        return qw[index];
    }

    public void setInput(int index, boolean value) {
        ix[index] = value;
    }

    public void setOutput(int index, boolean value) {
        qx[index] = value;
    }

    public void setInputWord(int index, int value) {
        iw[index] = value;
    }

    /** Sets an analog output word, clamped to the 16-bit signed range of the module. */
    public void setOutputWord(int index, int value) {
        qw[index] = Math.clamp(value, Short.MIN_VALUE, Short.MAX_VALUE);
    }

    public boolean bit(Address a) {
        return switch (a.area()) {
            case IX -> ix[a.index()];
            case QX -> qx[a.index()];
            default -> throw new IllegalArgumentException(a + " is a word, not a bit");
        };
    }

    public int word(Address a) {
        return switch (a.area()) {
            case IW -> iw[a.index()];
            case QW -> qw[a.index()];
            default -> throw new IllegalArgumentException(a + " is a bit, not a word");
        };
    }

    /** Turns every output off, as a PLC does when it goes to STOP. */
    public void clearOutputs() {
        Arrays.fill(qx, false);
        Arrays.fill(qw, 0);
    }

    public void save(StateWriter state) {
        state.put("ix", ix).put("qx", qx).put("iw", iw).put("qw", qw);
    }

    public void load(StateReader state) {
        state.getBits("ix", ix);
        state.getBits("qx", qx);
        state.getInts("iw", iw);
        state.getInts("qw", qw);
    }
}
