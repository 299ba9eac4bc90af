package sfa.lab.plc;

import java.util.Arrays;
import sfa.lab.sim.StateReader;
import sfa.lab.sim.StateWriter;

/**
 * Outputs forced by hand, as a student does from an HMI or the workbench before any program exists.
 * Forces are applied at the next scan; inputs are only read.
 */
public final class ManualSource implements ProgramSource {

    private final boolean[] bits = new boolean[Address.BIT_BYTES * 8];
    private final int[] words = new int[Address.WORDS];

    @Override
    public String kind() {
        return "manual";
    }

    /** Forces digital output {@code address} on or off from the next scan. */
    public void force(Address address, boolean on) {
        if (address.area() != Address.Area.QX) {
            throw new IllegalArgumentException("only outputs (%QX) can be forced by hand, not " + address);
        }
        bits[address.index()] = on;
    }

    /** Forces analog output {@code address} to a raw value from the next scan. */
    public void force(Address address, int raw) {
        if (address.area() != Address.Area.QW) {
            throw new IllegalArgumentException("only analog outputs (%QW) take a value, not " + address);
        }
        words[address.index()] = raw;
    }

    public boolean forced(Address address) {
        return bits[address.index()];
    }

    @Override
    public void scan(IoImage io, ScanContext context) {
        for (int i = 0; i < bits.length; i++) {
            io.setOutput(i, bits[i]);
        }
        for (int i = 0; i < words.length; i++) {
            io.setOutputWord(i, words[i]);
        }
    }

    @Override
    public void reset() {
        Arrays.fill(bits, false);
        Arrays.fill(words, 0);
    }

    @Override
    public void save(StateWriter state) {
        state.put("bits", bits).put("words", words);
    }

    @Override
    public void load(StateReader state) {
        state.getBits("bits", bits);
        state.getInts("words", words);
    }
}
