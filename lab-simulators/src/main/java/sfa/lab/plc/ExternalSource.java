package sfa.lab.plc;

import java.util.concurrent.ConcurrentLinkedQueue;
import sfa.lab.sim.StateReader;
import sfa.lab.sim.StateWriter;

/**
 * The "external controller": the outputs are written by a student's own client (an OPC UA SCADA/HMI,
 * a Python or Node script) and the inputs are published to it. Writes arrive on other threads and are
 * queued; each is applied at the next scan boundary, so the plant stays deterministic for the order
 * in which writes arrived.
 */
public final class ExternalSource implements ProgramSource {

    private record Write(Address address, long value) {
    }

    private final ConcurrentLinkedQueue<Write> pending = new ConcurrentLinkedQueue<>();
    private final boolean[] bits = new boolean[Address.BIT_BYTES * 8];
    private final int[] words = new int[Address.WORDS];

    @Override
    public String kind() {
        return "external";
    }

    /** Queues a digital output write from a client; applied at the next scan. */
    public void write(Address address, boolean on) {
        require(address, Address.Area.QX);
        pending.add(new Write(address, on ? 1 : 0));
    }

    /** Queues an analog output write from a client (raw value); applied at the next scan. */
    public void write(Address address, int raw) {
        require(address, Address.Area.QW);
        pending.add(new Write(address, raw));
    }

    private static void require(Address address, Address.Area area) {
        if (address.area() != area) {
            throw new IllegalArgumentException(address + " cannot be written by a client: only outputs (%QX, %QW) can");
        }
    }

    /** The output value the client has set (what the next scans write), before the queue is applied. */
    public boolean output(int index) {
        return bits[index];
    }

    @Override
    public void scan(IoImage io, ScanContext context) {
        for (Write w; (w = pending.poll()) != null; ) {
            if (w.address.area() == Address.Area.QX) {
                bits[w.address.index()] = w.value != 0;
            } else {
                words[w.address.index()] = (int) Math.clamp(w.value, Short.MIN_VALUE, Short.MAX_VALUE);
            }
        }
        for (int i = 0; i < bits.length; i++) {
            io.setOutput(i, bits[i]);
        }
        for (int i = 0; i < words.length; i++) {
            io.setOutputWord(i, words[i]);
        }
    }

    @Override
    public void reset() {
        pending.clear();
        java.util.Arrays.fill(bits, false);
        java.util.Arrays.fill(words, 0);
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
