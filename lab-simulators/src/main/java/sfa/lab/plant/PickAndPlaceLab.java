package sfa.lab.plant;

import sfa.lab.equipment.Cylinder;
import sfa.lab.equipment.Lamp;
import sfa.lab.equipment.PickAndPlace;
import sfa.lab.equipment.PushButton;
import sfa.lab.equipment.Sensor;
import sfa.lab.equipment.SolenoidValve;
import sfa.lab.wiring.SensorOutput;

/**
 * {@code pick-and-place}: X is double-acting on a 5/2 double-solenoid valve (0.6 s), Z single-acting
 * with spring return (0.3 s), a vacuum gripper that holds 0.1 s after VACUUM with Z down, and parts
 * arriving 5.0 s after the previous one left the pick position (the first at START).
 */
final class PickAndPlaceLab implements Lab {

    @Override
    public String id() {
        return "pick-and-place";
    }

    @Override
    public String titleKo() {
        return "픽앤플레이스";
    }

    @Override
    public String titleEn() {
        return "Pick-and-place: two-axis pneumatic manipulator";
    }

    @Override
    public long sequenceMillis() {
        return 70_000;
    }

    @Override
    public void assemble(PlantBuilder b) {
        Panel panel = Panel.standard(b);
        PushButton start = panel.button("START", "%IX0.0", true, "푸시버튼, NO", "push button, NO");
        panel.button("STOP", "%IX0.1", false, "푸시버튼, NC", "push button, NC");
        Cylinder x = b.add(new Cylinder("X_AXIS", Cylinder.Acting.DOUBLE,
                SolenoidValve.doubleSolenoid("X_TO_PLACE", "X_TO_PICK"), 0.6, 0.6, "X_AT_PICK", "X_AT_PLACE"));
        Cylinder z = b.add(new Cylinder("Z_AXIS", Cylinder.Acting.SINGLE,
                SolenoidValve.singleSolenoid("Z_LOWER"), 0.3, 0.3, "Z_UP", "Z_DOWN"));
        PickAndPlace cell = b.add(new PickAndPlace("CELL", x, z, "VACUUM", "VAC_OK", 5_000, 100));
        start.onPress(cell::start);
        panel.sensor(new Sensor("PART_AT_PICK", Sensor.Kind.PHOTOELECTRIC, SensorOutput.PNP, cell::partAtPick),
                "%IX0.2", "광전센서, PNP", "photoelectric sensor, PNP");
        panel.contact(x.homeSwitch(), "%IX0.3", "리드 스위치, X 후진(픽 위치)", "reed switch, X retracted");
        panel.contact(x.outSwitch(), "%IX0.4", "리드 스위치, X 전진(플레이스 위치)", "reed switch, X extended");
        panel.contact(z.homeSwitch(), "%IX0.5", "리드 스위치, Z 상승", "reed switch, Z up");
        panel.contact(z.outSwitch(), "%IX0.6", "리드 스위치, Z 하강", "reed switch, Z down");
        panel.contact(cell.vacuumSwitch(), "%IX0.7", "진공 스위치", "vacuum switch");
        panel.load(x.valve().extendCoil(), "%QX0.0", "X 전진 코일", "coil, X extend");
        panel.load(x.valve().retractCoil(), "%QX0.1", "X 후진 코일", "coil, X retract");
        panel.load(z.valve().extendCoil(), "%QX0.2", "Z 하강 솔레노이드 (켜져 있는 동안 하강)", "solenoid, Z down while on");
        panel.load(cell.vacuum(), "%QX0.3", "진공 발생기", "vacuum generator");
        Lamp run = b.add(new Lamp("LAMP_RUN"));
        panel.load(run.load(), "%QX0.4", "녹색 램프", "green lamp");
    }
}
