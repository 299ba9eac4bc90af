package sfa.lab.wiring;

import java.util.List;

/**
 * A 3-wire DC sensor (brown BN = +24 V, blue BU = 0 V, black BK = output) with a PNP or NPN
 * output. It works only with BN at +24 V and BU at 0 V: reversed or missing supply leaves it dead
 * and its output off, as the sensor's reverse-polarity protection does on the bench.
 */
public final class ThreeWireSensor extends Component {

    private final SensorOutput output;
    private final String ko;
    private final String en;
    private boolean target;
    private int supplyLoad = -1;
    private int outputSwitch = -1;

    public ThreeWireSensor(String name, SensorOutput output, String ko, String en) {
        super(name);
        this.output = output;
        this.ko = ko;
        this.en = en;
    }

    @Override
    public List<String> pins() {
        return List.of("BN", "BU", "BK");
    }

    @Override
    public String describeKo() {
        return ko;
    }

    @Override
    public String describeEn() {
        return en;
    }

    public SensorOutput output() {
        return output;
    }

    @Override
    void attach(CircuitBuilder builder) {
        supplyLoad = builder.load(this, "BN", "BU", true, "supply");
        outputSwitch = output == SensorOutput.PNP
                ? builder.switchBetween(this, "BN", "BK", supplyLoad, false, target)
                : builder.switchBetween(this, "BK", "BU", supplyLoad, false, target);
    }

    /** Whether a target is in front of the sensor (set by the equipment every step). */
    public void setTarget(boolean present) {
        target = present;
        Circuit c = circuit();
        if (c != null) {
            c.actuate(outputSwitch, present);
        }
    }

    public boolean target() {
        return target;
    }

    /** True while BN is at +24 V and BU at 0 V. */
    public boolean powered() {
        Circuit c = circuit();
        return c != null && c.powered(supplyLoad);
    }

    /** True while the output transistor conducts (powered and a target present). */
    public boolean outputOn() {
        Circuit c = circuit();
        return c != null && c.closed(outputSwitch);
    }

    int supplyLoad() {
        return supplyLoad;
    }
}
