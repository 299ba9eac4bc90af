package sfa.lab.equipment;

import sfa.lab.sim.Clock;
import sfa.lab.sim.StateReader;
import sfa.lab.sim.StateWriter;
import sfa.lab.sim.TraceSink;
import sfa.lab.wiring.Contact;

/**
 * A latching emergency stop with an NC contact (11-12): pressing it latches the contact open until
 * it is released by hand (twist to release), whatever happens in between.
 */
public final class EmergencyStop implements Equipment, Operable {

    private final String latchedColumn;

    private final Contact contact;
    private boolean latched;

    public EmergencyStop(String name) {
        this.contact = new Contact(name, "11", "12", true, "비상정지 스위치", "emergency stop");
        this.latchedColumn = name() + ".latched";
    }

    public Contact contact() {
        return contact;
    }

    @Override
    public String name() {
        return contact.name();
    }

    /** Latches the E-stop: the contact opens and stays open. */
    @Override
    public void press() {
        latched = true;
        contact.set(false);
    }

    /** Releases the latch (twist to release): the contact closes again. */
    @Override
    public void release() {
        latched = false;
        contact.set(true);
    }

    public boolean latched() {
        return latched;
    }

    @Override
    public void advance(Clock clock) {
    }

    @Override
    public void trace(TraceSink sink) {
        sink.value(latchedColumn, latched);
    }

    @Override
    public String stateKey() {
        return name();
    }

    @Override
    public void save(StateWriter state) {
        state.put("latched", latched);
    }

    @Override
    public void load(StateReader state) {
        latched = state.getBoolean("latched");
        contact.set(!latched);
    }
}
