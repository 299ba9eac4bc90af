package sfa.lab.plc;

import java.util.concurrent.ConcurrentLinkedQueue;
import sfa.lab.sim.StateReader;
import sfa.lab.sim.StateWriter;

/**
 * The "external controller": the outputs are written by a student's own client (an OPC UA SCADA/HMI,
 * a Python or Node script) and the inputs are published to it. Writes arrive on other threads and are
 * queued; each is applied at the next scan boundary, so the plant stays deterministic for the order
 * in which writes arrived. The outputs are then held as a hand-forced {@link ManualSource} holds them.
 */
public final class ExternalSource implements ProgramSource {

    private record Write(Address address, long value) {
    }

    private final ConcurrentLinkedQueue<Write> pending = new ConcurrentLinkedQueue<>();
    private final ManualSource outputs = new ManualSource();

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

    @Override
    public void scan(IoImage io, ScanContext context) {
        for (Write w; (w = pending.poll()) != null; ) {
            if (w.address.area() == Address.Area.QX) {
                outputs.force(w.address, w.value != 0);
            } else {
                outputs.force(w.address, (int) Math.clamp(w.value, Short.MIN_VALUE, Short.MAX_VALUE));
            }
        }
        outputs.scan(io, context);
    }

    @Override
    public void reset() {
        pending.clear();
        outputs.reset();
    }

    @Override
    public void save(StateWriter state) {
        outputs.save(state);
    }

    @Override
    public void load(StateReader state) {
        outputs.load(state);
    }
}
