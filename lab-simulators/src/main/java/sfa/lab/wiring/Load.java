package sfa.lab.wiring;

import java.util.List;

/**
 * A two-terminal load that works with either polarity: a lamp (X1, X2), a solenoid valve coil or a
 * motor contactor coil (A1, A2). Powered while one terminal is at +24 V and the other at 0 V.
 */
public final class Load extends Component {

    /** What the load is; decides its terminal names and description. */
    public enum Kind {
        LAMP("X1", "X2", "램프", "lamp"),
        SOLENOID("A1", "A2", "솔레노이드 밸브 코일", "solenoid valve coil"),
        CONTACTOR("A1", "A2", "전자접촉기 코일", "motor contactor coil"),
        DRIVE_ENABLE("A1", "A2", "드라이브 운전 입력", "drive enable input"),
        VACUUM("A1", "A2", "진공 발생기", "vacuum generator");

        private final String pinA;
        private final String pinB;
        private final String ko;
        private final String en;

        Kind(String pinA, String pinB, String ko, String en) {
            this.pinA = pinA;
            this.pinB = pinB;
            this.ko = ko;
            this.en = en;
        }

        public String pinA() {
            return pinA;
        }

        public String pinB() {
            return pinB;
        }
    }

    private final Kind kind;
    private int index = -1;

    public Load(String name, Kind kind) {
        super(name);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public List<String> pins() {
        return List.of(kind.pinA, kind.pinB);
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
        index = builder.load(this, kind.pinA, kind.pinB, false, "load");
    }

    public boolean powered() {
        Circuit c = circuit();
        return c != null && c.powered(index);
    }
}
