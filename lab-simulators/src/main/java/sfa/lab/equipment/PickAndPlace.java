package sfa.lab.equipment;

import sfa.lab.sim.Clock;
import sfa.lab.sim.StateReader;
import sfa.lab.sim.StateWriter;
import sfa.lab.sim.TraceSink;
import sfa.lab.wiring.Contact;
import sfa.lab.wiring.Load;

/**
 * A two-axis pneumatic manipulator with a vacuum gripper, between a pick and a place position.
 * Parts arrive at the pick position one at a time: the first when {@link #start()} is called, each
 * next {@code arrivalGapMillis} after the previous one left it. A part under the gripper with Z down
 * is held once the vacuum has been on for {@code gripMillis} (then the vacuum switch closes); a part
 * released with Z down over the place position is placed, one released anywhere else is lost
 * (except back onto the pick position it was never lifted from).
 */
public final class PickAndPlace implements Equipment {

    private final String partAtPickColumn;
    private final String holdingColumn;
    private final String arrivedColumn;
    private final String placedColumn;
    private final String lostColumn;

    private final String name;
    private final Cylinder x;
    private final Cylinder z;
    private final Load vacuum;
    private final Contact vacuumSwitch;
    private final long arrivalGapMillis;
    private final long gripMillis;
    private boolean started;
    private boolean partAtPick;
    private boolean holding;
    private boolean lifted;
    private long vacuumOnMillis;
    private long leftMillis = -1;
    private long arrived;
    private long placed;
    private long lost;

    public PickAndPlace(String name, Cylinder x, Cylinder z, String vacuumName, String vacuumSwitchName,
            long arrivalGapMillis, long gripMillis) {
        this.name = name;
        this.partAtPickColumn = name + ".part_at_pick";
        this.holdingColumn = name + ".holding";
        this.arrivedColumn = name + ".arrived";
        this.placedColumn = name + ".placed";
        this.lostColumn = name + ".lost";
        this.x = x;
        this.z = z;
        this.vacuum = new Load(vacuumName, Load.Kind.VACUUM);
        this.vacuumSwitch = new Contact(vacuumSwitchName, "BN", "BU", false, "진공 스위치", "vacuum switch");
        this.arrivalGapMillis = arrivalGapMillis;
        this.gripMillis = gripMillis;
    }

    public String name() {
        return name;
    }

    /** The horizontal axis: stroke 0 over the pick position, 1 over the place position. */
    public Cylinder x() {
        return x;
    }

    /** The vertical axis: stroke 0 up, 1 down. */
    public Cylinder z() {
        return z;
    }

    /** Whether the held part has left the pick position since it was gripped. */
    public boolean lifted() {
        return lifted;
    }

    public Load vacuum() {
        return vacuum;
    }

    public Contact vacuumSwitch() {
        return vacuumSwitch;
    }

    /** Starts the part supply; later calls change nothing. */
    public void start() {
        started = true;
    }

    /** The photoelectric sensor's view of the pick position. */
    public boolean partAtPick() {
        return partAtPick;
    }

    public boolean holding() {
        return holding;
    }

    public long arrived() {
        return arrived;
    }

    public long placed() {
        return placed;
    }

    public long lost() {
        return lost;
    }

    @Override
    public void advance(Clock clock) {
        long now = clock.nowMillis();
        boolean zDown = z.stroke() >= 1.0;
        boolean overPick = x.stroke() <= 0.0;
        boolean overPlace = x.stroke() >= 1.0;
        if (started && !partAtPick
                && (leftMillis < 0 ? arrived == 0 : now - leftMillis >= arrivalGapMillis)) {
            partAtPick = true;
            arrived++;
        }
        if (vacuum.powered()) {
            if (!holding && zDown && overPick && partAtPick) {
                vacuumOnMillis += clock.stepMillis();
                if (vacuumOnMillis >= gripMillis) {
                    holding = true;
                }
            }
        } else {
            vacuumOnMillis = 0;
            if (holding && lifted) {
                if (zDown && overPlace) {
                    placed++;
                } else {
                    lost++;
                }
            }
            holding = false;
            lifted = false;
        }
        if (holding && !lifted && !(zDown && overPick)) {
            lifted = true;
            partAtPick = false;
            leftMillis = now;
        }
        vacuumSwitch.set(holding);
    }

    @Override
    public void trace(TraceSink sink) {
        sink.value(partAtPickColumn, partAtPick);
        sink.value(holdingColumn, holding);
        sink.value(arrivedColumn, arrived);
        sink.value(placedColumn, placed);
        sink.value(lostColumn, lost);
    }

    @Override
    public String stateKey() {
        return name;
    }

    @Override
    public void save(StateWriter state) {
        state.put("started", started).put("partAtPick", partAtPick).put("holding", holding)
                .put("lifted", lifted).put("vacuumOnMillis", vacuumOnMillis).put("leftMillis", leftMillis)
                .put("arrived", arrived).put("placed", placed).put("lost", lost);
    }

    @Override
    public void load(StateReader state) {
        started = state.getBoolean("started");
        partAtPick = state.getBoolean("partAtPick");
        holding = state.getBoolean("holding");
        lifted = state.getBoolean("lifted");
        vacuumOnMillis = state.getLong("vacuumOnMillis");
        leftMillis = state.getLong("leftMillis");
        arrived = state.getLong("arrived");
        placed = state.getLong("placed");
        lost = state.getLong("lost");
        vacuumSwitch.set(holding);
    }
}
