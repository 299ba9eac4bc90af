package sfa.lab.plant;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import sfa.lab.plc.ProgramSource;
import sfa.lab.sim.Json;
import sfa.lab.sim.SnapshotException;
import sfa.lab.sim.StateReader;

/** Starting a lab's plant, and resuming one from a snapshot. */
public final class Labs {

    private Labs() {
    }

    /** A new plant of {@code lab} at the lab's own scan cycle. */
    public static Plant create(Lab lab, long seed, ProgramSource program) {
        return create(lab, seed, lab.scanMillis(), program);
    }

    /** A new plant of {@code lab}; {@code stepMillis} is both the physics step and the scan cycle. */
    public static Plant create(Lab lab, long seed, int stepMillis, ProgramSource program) {
        PlantBuilder builder = new PlantBuilder(lab.id(), seed, stepMillis);
        lab.assemble(builder);
        return builder.build(program);
    }

    /** The id of the lab a snapshot belongs to. */
    @SuppressWarnings("unchecked")
    public static String labOf(byte[] snapshot) {
        Object tree = Json.read(new String(snapshot, StandardCharsets.UTF_8));
        if (!(tree instanceof Map<?, ?> map)) {
            throw new SnapshotException("a snapshot is a JSON object");
        }
        return new StateReader((Map<String, Object>) map).getString("lab");
    }

    /**
     * Continues a run from {@link Plant#snapshot()} bytes. The program source must be of the same
     * kind as the one that was running; its saved state is loaded into it.
     *
     * @param labs finds a lab by id (a catalogue)
     * @throws SnapshotException when the bytes are not a snapshot of a known lab
     */
    @SuppressWarnings("unchecked")
    public static Plant resume(byte[] snapshot, ProgramSource program, Function<String, Optional<? extends Lab>> labs) {
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
        String id = r.getString("lab");
        Lab lab = labs.apply(id).orElseThrow(() -> new SnapshotException("unknown lab '" + id + "' in snapshot"));
        Plant plant = create(lab, r.getLong("seed"), r.getInt("stepMillis"), program);
        plant.restore(r);
        return plant;
    }
}
