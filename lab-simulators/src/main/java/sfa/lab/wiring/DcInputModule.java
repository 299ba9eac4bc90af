package sfa.lab.wiring;

import java.util.ArrayList;
import java.util.List;

/**
 * A DC input module with points {@code X0…X(n-1)} and one common terminal {@code COM}. Each point
 * is a bidirectional opto-coupler between Xn and COM (sink/source common): it lights when current
 * flows either way, so COM to 0 V suits PNP sensors and COM to +24 V suits NPN sensors.
 */
public final class DcInputModule extends Component {

    private final int points;
    private final int[] loads;

    public DcInputModule(String name, int points) {
        super(name);
        if (points < 1 || points > 32) {
            throw new IllegalArgumentException("an input module has 1..32 points");
        }
        this.points = points;
        this.loads = new int[points];
    }

    public int points() {
        return points;
    }

    @Override
    public List<String> pins() {
        List<String> pins = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            pins.add("X" + i);
        }
        pins.add("COM");
        return pins;
    }

    @Override
    public String describeKo() {
        return "DC 입력 모듈";
    }

    @Override
    public String describeEn() {
        return "DC input module";
    }

    @Override
    void attach(CircuitBuilder builder) {
        for (int i = 0; i < points; i++) {
            loads[i] = builder.load(this, "X" + i, "COM", false, "X" + i);
        }
    }

    /** Whether input point {@code point} sees current (its LED is lit). */
    public boolean lit(int point) {
        Circuit c = circuit();
        return c != null && c.powered(loads[point]);
    }
}
