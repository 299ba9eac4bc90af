package sfa.lab.plant;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sfa.lab.plc.ProgramSource;
import sfa.lab.sim.Clock;
import sfa.lab.sim.Json;
import sfa.lab.sim.SnapshotException;
import sfa.lab.sim.StateReader;

/** The catalogue of labs and the way to start or resume one. */
public final class Labs {

    private static final List<Lab> ALL = List.of(
            new ConveyorSelfHold(), new SortingMetal(), new TankLevel(), new CylinderSequence(),
            new WiringSensors(), new TrafficLight(), new PickAndPlaceLab(), new ServoPositioning());

    private Labs() {
    }

    public static List<Lab> all() {
        return ALL;
    }

    public static Optional<Lab> find(String id) {
        return ALL.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** The lab with this id, or an exception that lists the ids there are. */
    public static Lab get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown lab '" + id + "'; the labs are "
                + String.join(", ", ALL.stream().map(Lab::id).toList())));
    }

    /** A new plant of {@code lab} with the default 10 ms step. */
    public static Plant create(Lab lab, long seed, ProgramSource program) {
        return create(lab, seed, Clock.DEFAULT_STEP_MILLIS, program);
    }

    /** A new plant of {@code lab}; {@code stepMillis} is both the physics step and the scan cycle. */
    public static Plant create(Lab lab, long seed, int stepMillis, ProgramSource program) {
        PlantBuilder builder = new PlantBuilder(lab.id(), seed, stepMillis);
        lab.assemble(builder);
        return builder.build(program);
    }

    /** The lab a snapshot belongs to. */
    @SuppressWarnings("unchecked")
    public static Lab labOf(byte[] snapshot) {
        Object tree = Json.read(new String(snapshot, StandardCharsets.UTF_8));
        if (!(tree instanceof Map<?, ?> map)) {
            throw new SnapshotException("a snapshot is a JSON object");
        }
        String id = new StateReader((Map<String, Object>) map).getString("lab");
        return find(id).orElseThrow(() -> new SnapshotException("unknown lab '" + id + "' in snapshot"));
    }

    /**
     * Continues a run from {@link Plant#snapshot()} bytes. The program source must be of the same
     * kind as the one that was running; its saved state is loaded into it.
     *
     * @throws SnapshotException when the bytes are not a snapshot of a known lab
     */
    @SuppressWarnings("unchecked")
    public static Plant resume(byte[] snapshot, ProgramSource program) {
        Object tree = Json.read(new String(snapshot, StandardCharsets.UTF_8));
        if (!(tree instanceof Map<?, ?> map)) {
            throw new SnapshotException("a snapshot is a JSON object");
        }
        StateReader r = new StateReader((Map<String, Object>) map);
        if (r.getInt("format") != Plant.SNAPSHOT_FORMAT) {
            throw new SnapshotException("snapshot format " + r.getInt("format") + " is not supported");
        }
        if (!r.getString("program").equals(program.kind())) {
            throw new SnapshotException("the snapshot ran a '" + r.getString("program") + "' program, not '"
                    + program.kind() + "'");
        }
        Lab lab = find(r.getString("lab")).orElseThrow(() -> new SnapshotException("unknown lab in snapshot"));
        Plant plant = create(lab, r.getLong("seed"), r.getInt("stepMillis"), program);
        plant.restore(r);
        return plant;
    }
}
