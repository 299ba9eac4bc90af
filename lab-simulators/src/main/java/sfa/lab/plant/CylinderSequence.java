package sfa.lab.plant;

import sfa.lab.equipment.Cylinder;
import sfa.lab.equipment.SolenoidValve;

/** {@code cylinder-sequence}: two double-acting cylinders on 5/2 double-solenoid valves, stroke 0.5 s. */
final class CylinderSequence implements Lab {

    @Override
    public String id() {
        return "cylinder-sequence";
    }

    @Override
    public String titleKo() {
        return "실린더 시퀀스 A+ B+ B− A−";
    }

    @Override
    public String titleEn() {
        return "Cylinder sequence A+ B+ B− A−";
    }

    @Override
    public long sequenceMillis() {
        return 16_000;
    }

    @Override
    public void assemble(PlantBuilder b) {
        Panel panel = Panel.standard(b);
        panel.button("START", "%IX0.0", true, "푸시버튼, NO", "push button, NO");
        panel.button("STOP", "%IX0.1", false, "푸시버튼, NC", "push button, NC");
        Cylinder a = b.add(new Cylinder("CYL_A", Cylinder.Acting.DOUBLE,
                SolenoidValve.doubleSolenoid("A_EXTEND", "A_RETRACT"), 0.5, 0.5, "A_HOME", "A_OUT"));
        Cylinder c = b.add(new Cylinder("CYL_B", Cylinder.Acting.DOUBLE,
                SolenoidValve.doubleSolenoid("B_EXTEND", "B_RETRACT"), 0.5, 0.5, "B_HOME", "B_OUT"));
        panel.contact(a.homeSwitch(), "%IX0.2", "리드 스위치 (A 후진)", "reed switch (A retracted)");
        panel.contact(a.outSwitch(), "%IX0.3", "리드 스위치 (A 전진)", "reed switch (A extended)");
        panel.contact(c.homeSwitch(), "%IX0.4", "리드 스위치 (B 후진)", "reed switch (B retracted)");
        panel.contact(c.outSwitch(), "%IX0.5", "리드 스위치 (B 전진)", "reed switch (B extended)");
        panel.load(a.valve().extendCoil(), "%QX0.0", "A 전진 코일", "coil, A extend");
        panel.load(a.valve().retractCoil(), "%QX0.1", "A 후진 코일", "coil, A retract");
        panel.load(c.valve().extendCoil(), "%QX0.2", "B 전진 코일", "coil, B extend");
        panel.load(c.valve().retractCoil(), "%QX0.3", "B 후진 코일", "coil, B retract");
    }
}
