package sfa.lab.wiring;

import java.util.List;

/**
 * An interposing relay with a 24 V DC coil (A1, A2, either polarity) and one changeover contact:
 * common 11, normally open 14, normally closed 12. Used to turn an NPN signal into a PNP one.
 */
public final class InterposingRelay extends Component {

    private int coil = -1;

    public InterposingRelay(String name) {
        super(name);
    }

    @Override
    public List<String> pins() {
        return List.of("A1", "A2", "11", "12", "14");
    }

    @Override
    public String describeKo() {
        return "중계 릴레이";
    }

    @Override
    public String describeEn() {
        return "interposing relay";
    }

    @Override
    void attach(CircuitBuilder builder) {
        coil = builder.load(this, "A1", "A2", false, "coil");
        builder.switchBetween(this, "11", "14", coil, false, true);
        builder.switchBetween(this, "11", "12", coil, true, true);
    }

    public boolean energized() {
        Circuit c = circuit();
        return c != null && c.powered(coil);
    }
}
