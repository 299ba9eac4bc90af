package sfa.lab.wiring;

import java.util.List;

/**
 * A mechanical contact between two terminals: a push button's NO (13-14) or NC (11-12) contact,
 * an E-stop's NC contact or a reed switch. The equipment that owns it opens and closes it.
 */
public final class Contact extends Component {

    private final String pinA;
    private final String pinB;
    private final String ko;
    private final String en;
    private boolean closed;
    private int index = -1;

    public Contact(String name, String pinA, String pinB, boolean initiallyClosed, String ko, String en) {
        super(name);
        this.pinA = pinA;
        this.pinB = pinB;
        this.closed = initiallyClosed;
        this.ko = ko;
        this.en = en;
    }

    @Override
    public List<String> pins() {
        return List.of(pinA, pinB);
    }

    @Override
    public String describeKo() {
        return ko;
    }

    @Override
    public String describeEn() {
        return en;
    }

    @Override
    void attach(CircuitBuilder builder) {
        index = builder.switchBetween(this, pinA, pinB, -1, false, closed);
    }

    /** Closes or opens the contact; the circuit re-solves at the next update only if it changed. */
    public void set(boolean closed) {
        this.closed = closed;
        Circuit c = circuit();
        if (c != null) {
            c.actuate(index, closed);
        }
    }

    public boolean closed() {
        return closed;
    }
}
