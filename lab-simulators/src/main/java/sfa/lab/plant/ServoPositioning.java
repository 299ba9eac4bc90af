package sfa.lab.plant;

import sfa.lab.equipment.AnalogInput;
import sfa.lab.equipment.Dial;
import sfa.lab.equipment.ServoAxis;

/**
 * {@code servo-positioning}: a 0–500 mm axis on a velocity drive (raw ±16000 = ±250 mm/s, lag 50 ms,
 * coasting to a stop in 0.1 s when disabled), a position transmitter and a target dial on the same
 * 0–500 mm scale. The dial starts at 0 mm.
 */
final class ServoPositioning implements Lab {

    @Override
    public String id() {
        return "servo-positioning";
    }

    @Override
    public String titleKo() {
        return "서보 위치 제어";
    }

    @Override
    public String titleEn() {
        return "Closed-loop positioning with an analog drive";
    }

    @Override
    public long sequenceMillis() {
        return 24_000;
    }

    @Override
    public void assemble(PlantBuilder b) {
        Panel panel = Panel.standard(b);
        panel.button("START", "%IX0.0", true, "푸시버튼, NO", "push button, NO");
        panel.button("STOP", "%IX0.1", false, "푸시버튼, NC", "push button, NC");
        ServoAxis axis = b.add(new ServoAxis("AXIS", 500.0, 250.0, 0.05, 0.1, "DRIVE_ON"));
        Dial dial = b.add(new Dial("TARGET_DIAL", 0.0, 500.0, 0.0));
        b.operable("TARGET", dial);
        panel.analogInput(new AnalogInput("POSITION", axis.positionTransmitter()), "%IW0",
                "위치 전송기 (raw 0…16000 = 0–500 mm)", "position transmitter (raw 0…16000 = 0–500 mm)");
        panel.analogInput(new AnalogInput("TARGET", dial.transmitter()), "%IW1",
                "목표 위치 다이얼 (같은 눈금)", "target dial (same scale)");
        panel.load(axis.enable(), "%QX0.0", "드라이브 운전", "drive enable");
        panel.analogOutput("SPEED", "%QW0", axis::command, "속도 지령 (raw ±16000 = ±250 mm/s)",
                "velocity command (raw ±16000 = ±250 mm/s)");
    }
}
