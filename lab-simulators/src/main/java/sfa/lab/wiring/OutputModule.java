package sfa.lab.wiring;

import java.util.ArrayList;
import java.util.List;

/**
 * A PLC output module with points {@code Y0…Y(n-1)}. A transistor (source type) module switches
 * its {@code P} terminal (+24 V in) to each point; a relay module closes a dry contact between
 * {@code COM} and each point. Either way, a load between the point and the other rail is powered
 * while the output bit is on.
 */
public final class OutputModule extends Component {

    /** How the module switches its points. */
    public enum Kind {
        TRANSISTOR_SOURCE("P", "트랜지스터 출력 모듈(소스형)", "transistor output module (source type)"),
        RELAY("COM", "릴레이 출력 모듈", "relay output module");

        private final String common;
        private final String ko;
        private final String en;

        Kind(String common, String ko, String en) {
            this.common = common;
            this.ko = ko;
            this.en = en;
        }
    }

    private final Kind kind;
    private final int points;
    private final boolean[] on;
    private final int[] switches;

    public OutputModule(String name, Kind kind, int points) {
        super(name);
        if (points < 1 || points > 32) {
            throw new IllegalArgumentException("an output module has 1..32 points");
        }
        this.kind = kind;
        this.points = points;
        this.on = new boolean[points];
        this.switches = new int[points];
    }

    public int points() {
        return points;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public List<String> pins() {
        List<String> pins = new ArrayList<>();
        pins.add(kind.common);
        for (int i = 0; i < points; i++) {
            pins.add("Y" + i);
        }
        return pins;
    }

    @Override
    public String describeKo() {
        return kind.ko;
    }

    @Override
    public String describeEn() {
        return kind.en;
    }

    @Override
    void attach(CircuitBuilder builder) {
        for (int i = 0; i < points; i++) {
            switches[i] = builder.switchBetween(this, kind.common, "Y" + i, -1, false, on[i]);
        }
    }

    /** Sets output point {@code point}, as the PLC's output refresh does. */
    public void set(int point, boolean value) {
        if (on[point] == value) {
            return;
        }
        on[point] = value;
        Circuit c = circuit();
        if (c != null) {
            c.actuate(switches[point], value);
        }
    }

    public boolean get(int point) {
        return on[point];
    }
}
