package sfa.lab.equipment;

import java.util.ArrayList;
import java.util.List;
import sfa.lab.sim.Clock;
import sfa.lab.sim.StateReader;
import sfa.lab.sim.StateWriter;
import sfa.lab.sim.TraceSink;
import sfa.lab.wiring.Contact;

/**
 * A momentary push button with a normally open (13-14: conducts while pressed) or normally closed
 * (11-12: conducts while not pressed) contact.
 */
public final class PushButton implements Equipment, Operable {

    private final String pressedColumn;

    private final Contact contact;
    private final boolean normallyOpen;
    private final List<Runnable> onPress = new ArrayList<>();
    private boolean pressed;

    private PushButton(String name, boolean normallyOpen, String ko, String en) {
        this.normallyOpen = normallyOpen;
        this.contact = normallyOpen
                ? new Contact(name, "13", "14", false, ko, en)
                : new Contact(name, "11", "12", true, ko, en);
        this.pressedColumn = name() + ".pressed";
    }

    public static PushButton normallyOpen(String name, String ko, String en) {
        return new PushButton(name, true, ko, en);
    }

    public static PushButton normallyClosed(String name, String ko, String en) {
        return new PushButton(name, false, ko, en);
    }

    public Contact contact() {
        return contact;
    }

    /** The terminal that carries the signal to the input when the contact conducts. */
    public String outputPin() {
        return normallyOpen ? "14" : "12";
    }

    public String supplyPin() {
        return normallyOpen ? "13" : "11";
    }

    @Override
    public String name() {
        return contact.name();
    }

    /** Runs {@code action} at every press, when the button goes down (a feeder starting with START). */
    public void onPress(Runnable action) {
        onPress.add(action);
    }

    @Override
    public void press() {
        if (!pressed) {
            pressed = true;
            contact.set(normallyOpen);
            onPress.forEach(Runnable::run);
        }
    }

    @Override
    public void release() {
        pressed = false;
        contact.set(!normallyOpen);
    }

    /** True for a normally open contact (13-14), false for a normally closed one (11-12). */
    public boolean normallyOpen() {
        return normallyOpen;
    }

    public boolean pressed() {
        return pressed;
    }

    @Override
    public void advance(Clock clock) {
    }

    @Override
    public void trace(TraceSink sink) {
        sink.value(pressedColumn, pressed);
    }

    @Override
    public String stateKey() {
        return name();
    }

    @Override
    public void save(StateWriter state) {
        state.put("pressed", pressed);
    }

    @Override
    public void load(StateReader state) {
        pressed = state.getBoolean("pressed");
        contact.set(pressed == normallyOpen);
    }
}
