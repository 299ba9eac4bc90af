package sfa.lab.plant;

import sfa.lab.equipment.Bin;
import sfa.lab.equipment.Conveyor;
import sfa.lab.equipment.Lamp;

/** {@code conveyor-self-hold}: start/stop of a conveyor with a self-holding circuit and an E-stop. */
final class ConveyorSelfHold implements Lab {

    @Override
    public String id() {
        return "conveyor-self-hold";
    }

    @Override
    public String titleKo() {
        return "컨베이어 자기유지 회로";
    }

    @Override
    public String titleEn() {
        return "Conveyor start/stop with self-hold";
    }

    @Override
    public long sequenceMillis() {
        return 20_000;
    }

    @Override
    public void assemble(PlantBuilder b) {
        Panel panel = Panel.standard(b);
        panel.button("START", "%IX0.0", true, "녹색 푸시버튼, NO", "green push button, NO");
        panel.button("STOP", "%IX0.1", false, "적색 푸시버튼, NC", "red push button, NC");
        panel.emergencyStop("ESTOP", "ESTOP_OK", "%IX0.2", "비상정지, NC, 래치형", "E-stop, NC, latching");
        Bin end = b.add(new Bin("BIN_END"));
        Conveyor conveyor = new Conveyor("MOTOR", 2.0, 0.2, end);
        panel.load(conveyor.motor(), "%QX0.0", "컨베이어 모터 전자접촉기", "conveyor motor contactor");
        b.add(conveyor);
        Lamp run = b.add(new Lamp("LAMP_RUN"));
        Lamp stop = b.add(new Lamp("LAMP_STOP"));
        panel.load(run.load(), "%QX0.1", "녹색 램프", "green lamp");
        panel.load(stop.load(), "%QX0.2", "적색 램프", "red lamp");
    }
}
