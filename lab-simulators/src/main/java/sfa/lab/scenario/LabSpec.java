package sfa.lab.scenario;

import java.util.List;
import java.util.Map;
import sfa.lab.plant.Command;

/**
 * A lab as its spec file states it: titles and instructions in Korean and English, the scan cycle,
 * the equipment with its geometry, whether the standard panel is pre-wired, the I/O map, the test
 * sequence with its scheduled faults, the seeds it is graded under, and the objectives.
 *
 * @param standardPanel true for the pre-wired panel (supply, input and output modules); false for
 *        a bare board the student wires (its parts are listed as equipment)
 * @param seeds the runs a grade takes: every objective must pass under every seed
 */
public record LabSpec(String id, int version, String titleKo, String titleEn, String instructionsKo,
        String instructionsEn, int scanMillis, boolean standardPanel, List<Part> equipment, List<Io> io,
        long sequenceMillis, List<Command> events, List<Integer> eventLines, List<Long> seeds,
        List<ObjectiveSpec> objectives, String file) {

    public LabSpec {
        eventLines = List.copyOf(eventLines);
        equipment = List.copyOf(equipment);
        io = List.copyOf(io);
        events = List.copyOf(events);
        seeds = List.copyOf(seeds);
        objectives = List.copyOf(objectives);
    }

    /** A value of a part's parameters, with where it stands in the file. */
    public record Value(String text, int line, int column) {
    }

    /** One piece of equipment: its type ({@code conveyor}), name and parameters. */
    public record Part(String type, String name, Map<String, Value> params, int line, int column) {

        public Part {
            params = Map.copyOf(params);
        }
    }

    /**
     * One line of the I/O map.
     *
     * @param device the part that drives or is driven by the point (a button, a sensor, a coil); for a
     *        bare board, the input terminal ({@code IN.X0})
     */
    public record Io(String address, String name, String device, String ko, String en, int line, int column) {
    }
}
