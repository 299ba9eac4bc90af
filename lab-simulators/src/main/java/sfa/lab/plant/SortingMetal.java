package sfa.lab.plant;

import sfa.lab.equipment.Bin;
import sfa.lab.equipment.Conveyor;
import sfa.lab.equipment.Cylinder;
import sfa.lab.equipment.Diverter;
import sfa.lab.equipment.Lamp;
import sfa.lab.equipment.PartFeeder;
import sfa.lab.equipment.PushButton;
import sfa.lab.equipment.Sensor;
import sfa.lab.equipment.SolenoidValve;
import sfa.lab.wiring.SensorOutput;

/**
 * {@code sorting-metal}: a 2.0 m belt at 0.2 m/s carries 0.1 m metal and plastic cubes, 0.8 m
 * apart, past an inductive sensor at 1.2 m and a photo sensor at 1.4 m; a single-acting pusher at
 * 1.4 m (0.3 s each way) pushes metal into bin A; everything else falls into bin B at the end.
 */
final class SortingMetal implements Lab {

    static final double BELT_LENGTH = 2.0;
    static final double BELT_SPEED = 0.2;
    static final double PART_SIZE = 0.1;
    static final double FIRST_FRONT = 0.1;
    static final double SPACING = 0.8;
    static final double INDUCTIVE_AT = 1.2;
    static final double PHOTO_AT = 1.4;
    static final double PUSHER_AT = 1.4;
    static final double PUSHER_STROKE_SECONDS = 0.3;

    @Override
    public String id() {
        return "sorting-metal";
    }

    @Override
    public String titleKo() {
        return "금속/비금속 선별";
    }

    @Override
    public String titleEn() {
        return "Sorting station: metal and non-metal";
    }

    @Override
    public long sequenceMillis() {
        return 75_000;
    }

    @Override
    public void assemble(PlantBuilder b) {
        Panel panel = Panel.standard(b);
        PushButton start = panel.button("START", "%IX0.0", true, "푸시버튼, NO", "push button, NO");
        panel.button("STOP", "%IX0.1", false, "푸시버튼, NC", "push button, NC");

        Bin binA = b.add(new Bin("BIN_A"));
        Bin binB = b.add(new Bin("BIN_B"));
        Conveyor belt = new Conveyor("CONVEYOR", BELT_LENGTH, BELT_SPEED, binB);
        Cylinder pusher = new Cylinder("PUSHER_CYL", Cylinder.Acting.SINGLE, SolenoidValve.singleSolenoid("PUSHER"),
                PUSHER_STROKE_SECONDS, PUSHER_STROKE_SECONDS, "CYL_HOME", "CYL_OUT");
        PartFeeder feeder = new PartFeeder("FEEDER", belt, FIRST_FRONT, SPACING, PART_SIZE, b.random("feeder"));
        start.onPress(feeder::start);

        // stepping order: belt, then the pusher and what it pushes, then new parts, then the sensors
        b.add(belt);
        b.add(pusher);
        b.add(new Diverter("DIVERTER", pusher, belt, PUSHER_AT, binA));
        b.add(feeder);
        panel.sensor(Sensor.inductive("METAL", SensorOutput.PNP, belt, INDUCTIVE_AT), "%IX0.2",
                "유도형 근접센서, PNP", "inductive proximity sensor, PNP");
        panel.sensor(Sensor.photoelectric("AT_PUSHER", SensorOutput.PNP, belt, PHOTO_AT), "%IX0.3",
                "광전센서, PNP", "photoelectric sensor, PNP");
        panel.contact(pusher.homeSwitch(), "%IX0.4", "리드 스위치, 푸셔 후진", "reed switch, pusher retracted");
        panel.contact(pusher.outSwitch(), "%IX0.5", "리드 스위치, 푸셔 전진", "reed switch, pusher extended");
        panel.load(belt.motor(), "%QX0.0", "벨트 모터", "belt motor");
        panel.load(pusher.valve().extendCoil(), "%QX0.1", "푸셔 솔레노이드 밸브", "pusher solenoid valve");
        Lamp run = b.add(new Lamp("LAMP_RUN"));
        panel.load(run.load(), "%QX0.2", "녹색 램프", "green lamp");
    }
}
