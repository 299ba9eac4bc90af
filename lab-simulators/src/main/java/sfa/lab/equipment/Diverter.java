package sfa.lab.equipment;

import sfa.lab.sim.Clock;
import sfa.lab.sim.StateReader;
import sfa.lab.sim.StateWriter;

/**
 * The sorting station's pusher line: when the pusher rod passes half stroke on its way out, the part
 * that covers the pusher line (if any) is pushed off the belt into the side bin. The rod is modelled
 * as acting only at that moment: a rod left extended does not block later parts.
 */
public final class Diverter implements Equipment {

    private final String name;
    private final Cylinder pusher;
    private final Conveyor conveyor;
    private final double lineX;
    private final Bin bin;

    /** @param lineX position of the pusher line along the belt, in m */
    public Diverter(String name, Cylinder pusher, Conveyor conveyor, double lineX, Bin bin) {
        this.name = name;
        this.pusher = pusher;
        this.conveyor = conveyor;
        this.lineX = lineX;
        this.bin = bin;
    }

    public Cylinder pusher() {
        return pusher;
    }

    public Conveyor conveyor() {
        return conveyor;
    }

    /** Position of the pusher line along the belt, in m. */
    public double lineX() {
        return lineX;
    }

    /** The side bin pushed parts go into. */
    public Bin bin() {
        return bin;
    }

    @Override
    public void advance(Clock clock) {
        if (pusher.passedOutward(0.5)) {
            Part part = conveyor.partAt(lineX, false);
            if (part != null) {
                conveyor.divert(part, bin);
            }
        }
    }

    @Override
    public String stateKey() {
        return name;
    }

    @Override
    public void save(StateWriter state) {
    }

    @Override
    public void load(StateReader state) {
    }
}
