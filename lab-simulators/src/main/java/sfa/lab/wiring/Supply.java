package sfa.lab.wiring;

import java.util.List;

/**
 * A 24 V DC power supply with terminals {@code +24V} and {@code 0V} and a fuse in the +24 V line.
 * Joining +24 V to 0 V without a load blows the fuse; after that nothing on this supply is
 * powered until the fuse is replaced.
 */
public final class Supply extends Component {

    private boolean fuseBlown;

    public Supply(String name) {
        super(name);
    }

    @Override
    public List<String> pins() {
        return List.of("+24V", "0V");
    }

    @Override
    public String describeKo() {
        return "DC 24 V 전원";
    }

    @Override
    public String describeEn() {
        return "24 V DC supply";
    }

    @Override
    void attach(CircuitBuilder builder) {
        builder.source(this, "+24V", true);
        builder.source(this, "0V", false);
    }

    public boolean fuseBlown() {
        return fuseBlown;
    }

    void blowFuse() {
        fuseBlown = true;
    }

    /** Puts in a new fuse, as a teacher does after the short has been removed. */
    public void replaceFuse() {
        fuseBlown = false;
        Circuit c = circuit();
        if (c != null) {
            c.markDirty();
        }
    }

    void restoreFuse(boolean blown) {
        fuseBlown = blown;
    }
}
