package sfa.lab.plant;

import sfa.lab.equipment.Sensor;
import sfa.lab.equipment.SensorTarget;
import sfa.lab.wiring.DcInputModule;
import sfa.lab.wiring.InterposingRelay;
import sfa.lab.wiring.SensorOutput;
import sfa.lab.wiring.Supply;

/**
 * {@code wiring-sensors}: an unwired board with a 24 V supply {@code PSU}, a PNP photoelectric
 * sensor {@code S1}, an NPN inductive sensor {@code S2}, an 8-point input module {@code IN} with one
 * COM, and an interposing relay {@code K1}. The student wires it; a target is put in front of a
 * sensor by pressing {@code S1} or {@code S2}. Inputs X0 and X1 are {@code %IX0.0} and {@code %IX0.1}.
 */
final class WiringSensors implements Lab {

    @Override
    public String id() {
        return "wiring-sensors";
    }

    @Override
    public String titleKo() {
        return "센서 배선";
    }

    @Override
    public String titleEn() {
        return "Wiring 3-wire PNP/NPN sensors to a DC input module";
    }

    @Override
    public long sequenceMillis() {
        return 10_000;
    }

    @Override
    public void assemble(PlantBuilder b) {
        b.place(new Supply("PSU"));
        DcInputModule in = b.place(new DcInputModule("IN", 8));
        b.place(new InterposingRelay("K1"));
        target(b, "S1", Sensor.Kind.PHOTOELECTRIC, SensorOutput.PNP);
        target(b, "S2", Sensor.Kind.INDUCTIVE, SensorOutput.NPN);
        b.input("X0", "%IX0.0", () -> in.lit(0), "입력 X0 (PNP 광전센서용)", "input X0 (for the PNP photo sensor)");
        b.input("X1", "%IX0.1", () -> in.lit(1), "입력 X1 (NPN 유도형 센서용)", "input X1 (for the NPN inductive sensor)");
    }

    private static void target(PlantBuilder b, String name, Sensor.Kind kind, SensorOutput output) {
        SensorTarget target = b.add(new SensorTarget(name + "_TARGET"));
        b.operable(name, target);
        Sensor sensor = b.add(new Sensor(name, kind, output, target));
        b.place(sensor.head());
    }
}
