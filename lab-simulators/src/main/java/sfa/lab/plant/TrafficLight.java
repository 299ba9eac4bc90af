package sfa.lab.plant;

import sfa.lab.equipment.Lamp;

/** {@code traffic-light}: three lamps and START/STOP, for timer programs. */
final class TrafficLight implements Lab {

    @Override
    public String id() {
        return "traffic-light";
    }

    @Override
    public String titleKo() {
        return "신호등";
    }

    @Override
    public String titleEn() {
        return "Traffic light with timers";
    }

    @Override
    public long sequenceMillis() {
        return 50_000;
    }

    @Override
    public void assemble(PlantBuilder b) {
        Panel panel = Panel.standard(b);
        panel.button("START", "%IX0.0", true, "푸시버튼, NO", "push button, NO");
        panel.button("STOP", "%IX0.1", false, "푸시버튼, NC", "push button, NC");
        lamp(b, panel, "RED", "%QX0.0", "적색 램프", "red lamp");
        lamp(b, panel, "YELLOW", "%QX0.1", "황색 램프", "yellow lamp");
        lamp(b, panel, "GREEN", "%QX0.2", "녹색 램프", "green lamp");
    }

    private static void lamp(PlantBuilder b, Panel panel, String name, String address, String ko, String en) {
        Lamp lamp = b.add(new Lamp(name));
        panel.load(lamp.load(), address, ko, en);
    }
}
