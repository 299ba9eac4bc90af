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
    public record Io(String address, String name, String device, String ko, String en,
            @org.jspecify.annotations.Nullable Scale scale, int line, int column) {
    }

    /**
     * What an analog point's raw value means: raw {@code rawMin…rawMax} is {@code min…max} in {@code unit}
     * (a UNECE Recommendation 20 common code from {@link Unit}). OPC UA clients get the scaled value with
     * its EngineeringUnits and EURange.
     */
    public record Scale(int rawMin, int rawMax, double min, double max, Unit unit) {

        public double apply(int raw) {
            return min + (raw - rawMin) * (max - min) / (rawMax - rawMin);
        }
    }

    /**
     * The units lab specs may name, by their UNECE Recommendation 20 common code (the code OPC UA's
     * EUInformation is built from). Only codes checked against the recommendation's list are here.
     */
    public enum Unit {
        MTR("m", "metre"),
        MMT("mm", "millimetre"),
        MTS("m/s", "metre per second"),
        CEL("°C", "degree Celsius");

        private final String symbol;
        private final String description;

        Unit(String symbol, String description) {
            this.symbol = symbol;
            this.description = description;
        }

        public String symbol() {
            return symbol;
        }

        public String description() {
            return description;
        }

        /** OPC UA's UnitId: the common code's characters, 8 bits each (CEL is 4408652). */
        public int unitId() {
            int id = 0;
            for (char c : name().toCharArray()) {
                id = id << 8 | c;
            }
            return id;
        }
    }
}
